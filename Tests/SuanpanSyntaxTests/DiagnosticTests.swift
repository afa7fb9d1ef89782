import SuanpanSyntax
import XCTest

final class DiagnosticTests: XCTestCase {
    let esc = "\u{1B}["

    func testDescriptionIsPathLineColumnSeverityMessage() {
        let file = SourceFile(path: "dir/p.suan", text: "let a = 1\nlet xyz = 2\n")
        XCTAssertEqual(Diagnostic.error("bad", file: file, span: Span(14, 17)).description, "dir/p.suan:2:5: error: bad")
        XCTAssertEqual(Diagnostic(.warning, "careful", file: file, span: Span(0, 3)).description, "dir/p.suan:1:1: warning: careful")
        XCTAssertEqual(Diagnostic(.note, "here", file: file, span: Span(8, 9)).description, "dir/p.suan:1:9: note: here")
        XCTAssertEqual(Diagnostic.error("no file", file: nil, span: .none).description, "error: no file")
    }

    func testRenderedShowsTheLineACaretUnderTheSpanAndTheHint() {
        let file = SourceFile(path: "p.suan", text: "let a = 1\nlet xyz = 2\n")
        let d = Diagnostic.error("bad name", file: file, span: Span(14, 17), hint: "try 'abc'")
        XCTAssertEqual(d.rendered(), """
        p.suan:2:5: error: bad name
           |
         2 | let xyz = 2
           |     ^^^
           = hint: try 'abc'
        """)
    }

    func testRenderedWithoutHintOrFile() {
        let file = SourceFile(path: "p.suan", text: "x")
        XCTAssertEqual(Diagnostic.error("m", file: file, span: Span(0, 1)).rendered(), "p.suan:1:1: error: m\n   |\n 1 | x\n   | ^")
        XCTAssertEqual(Diagnostic.error("m", file: nil, span: .none, hint: "h").rendered(), "error: m\n  hint: h")
    }

    func testAnEmptySpanStillGetsOneCaret() {
        let file = SourceFile(path: "p.suan", text: "let x =")
        let d = Diagnostic.error("expected an expression", file: file, span: Span(7, 7))
        XCTAssertTrue(d.rendered().hasSuffix(" 1 | let x =\n   |        ^"), d.rendered())
    }

    func testChineseCharactersCountAsTwoCellsForTheCaret() {
        // `名` and `中文` take two terminal cells each; the header column counts characters.
        let file = SourceFile(path: "p.suan", text: "print \"中文\", 名")
        let name = Diagnostic.error("unexpected character '名'", file: file, span: Span(16, 19))
        XCTAssertEqual(name.location?.description, "1:13")
        XCTAssertTrue(name.rendered().hasSuffix(" 1 | print \"中文\", 名\n   | " + String(repeating: " ", count: 14) + "^^"),
                      name.rendered())
        let string = Diagnostic.error("s", file: file, span: Span(6, 14))
        XCTAssertTrue(string.rendered().hasSuffix("\n   |       ^^^^^^"), string.rendered())
    }

    func testFullWidthPunctuationIsTwoCellsWide() {
        let file = SourceFile(path: "p.suan", text: "let x：int = 1")
        let (_, diagnostics) = Lexer.tokenize(file)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics[0].rendered(), """
        p.suan:1:6: error: full-width '：' (U+FF1A) is not allowed here
           |
         1 | let x：int = 1
           |      ^^
           = hint: use the ASCII ':'
        """)
    }

    func testTabsBeforeTheSpanAreKeptSoTheCaretLinesUp() {
        let file = SourceFile(path: "p.suan", text: "\tlet x = @")
        let d = Diagnostic.error("m", file: file, span: Span(9, 10))
        XCTAssertTrue(d.rendered().hasSuffix("\n   | \t        ^"), d.rendered())
    }

    func testWideLineNumbersWidenTheGutter() {
        let text = String(repeating: "\n", count: 11) + "bad"
        let d = Diagnostic.error("m", file: SourceFile(path: "p.suan", text: text), span: Span(11, 14))
        XCTAssertEqual(d.rendered(), "p.suan:12:1: error: m\n    |\n 12 | bad\n    | ^^^")
    }

    func testASpanOverSeveralLinesMarksOnlyItsStart() {
        let file = SourceFile(path: "p.suan", text: "let x = (1 +\n 2)")
        let d = Diagnostic.error("m", file: file, span: Span(8, 16))
        XCTAssertTrue(d.rendered().hasSuffix(" 1 | let x = (1 +\n   |         ^"), d.rendered())
    }

    func testCarriageReturnsAreNotShown() {
        let file = SourceFile(path: "p.suan", text: "let a = 1\r\nlet b = #\r\n")
        let d = Diagnostic.error("m", file: file, span: Span(19, 20))
        XCTAssertEqual(d.location?.description, "2:9")
        XCTAssertFalse(d.rendered().contains("\r"))
    }

    func testColourCodesOnlyWhenAsked() {
        let file = SourceFile(path: "p.suan", text: "let x = @")
        let d = Diagnostic.error("m", file: file, span: Span(8, 9), hint: "h")
        XCTAssertFalse(d.rendered().contains(esc))
        XCTAssertFalse(d.rendered(color: false).contains(esc))
        let coloured = d.rendered(color: true)
        XCTAssertTrue(coloured.contains(esc + "1;31m"), coloured)
        let plain = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        XCTAssertEqual(plain, d.rendered(), "colour adds codes and nothing else")
        XCTAssertFalse(Diagnostic(.warning, "w", file: nil, span: .none).rendered().contains(esc))
    }
}
