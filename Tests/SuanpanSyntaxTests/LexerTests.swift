import SuanpanSyntax
import XCTest

/// The token forms of Grammar/README.md ("Lexical rules"), one table per area.
final class LexerTests: XCTestCase {
    func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "t.suan", text: text))
        XCTAssertEqual(tokens.last?.kind, .endOfFile, "the last token is the end of the input")
        return (Array(tokens.dropLast()), diagnostics)
    }

    /// Kinds and texts of the tokens before the end of input, for one-line comparisons.
    func kinds(_ text: String) -> [TokenKind] { lex(text).tokens.map(\.kind) }

    func testEachLiteralFormIsOneToken() {
        let cases: [(String, TokenKind)] = [
            ("0", .number), ("007", .number), ("1_200.50", .number), ("12.5", .number),
            ("2.5%", .percent), ("100%", .percent), ("1_000.25%", .percent),
            ("0.04%/day", .rate), ("1.2%/month", .rate), ("14.6%/year", .rate),
            ("1200.00 CNY", .money), ("100 JPY", .money), ("1_200.50\tUSD", .money), ("5   EUR", .money),
            ("40 days", .duration), ("1 day", .duration), ("2 weeks", .duration), ("1 week", .duration),
            ("3 months", .duration), ("1 month", .duration), ("1 year", .duration), ("2 years", .duration),
            ("1200 CNY/month", .flow), ("0.50 CNY/day", .flow), ("1_200.5\tUSD/year", .flow),
            ("2 places", .places), ("1 place", .places), ("0 places", .places), ("1_8\tplaces", .places),
            ("2020-06-30", .date), ("9999-99-99", .date),
            ("\"hello\"", .string), ("\"\"", .string),
        ]
        for (text, kind) in cases {
            let (tokens, diagnostics) = lex(text)
            XCTAssertEqual(tokens.map(\.kind), [kind], text)
            XCTAssertEqual(tokens.first?.span, Span(0, text.utf8.count), text)
            XCTAssertTrue(diagnostics.isEmpty, "\(text): \(diagnostics)")
        }
    }

    func testLiteralTokensKeepTheirSourceText() {
        for text in ["1_200.50", "2.5%", "0.04%/day", "1200.00 CNY", "1_200.50\tUSD", "1200 CNY/month", "40 days", "2 places",
                     "2020-06-30"] {
            XCTAssertEqual(lex(text).tokens.first?.text, text)
        }
    }

    /// "Consequences" in the README: forms that are not one literal.
    func testNearMissesSplitIntoSeveralTokens() {
        let cases: [(String, [TokenKind], [String])] = [
            ("1200CNY", [.number, .name], ["1200", "CNY"]),
            ("3 days2", [.number, .name], ["3", "days2"]),
            ("1.5 days", [.number, .name], ["1.5", "days"]),
            ("1_000_", [.number, .name], ["1_000", "_"]),
            ("1__0", [.number, .name], ["1", "__0"]),
            ("3abc", [.number, .name], ["3", "abc"]),
            ("0.04%/days", [.percent, .slash, .name], ["0.04%", "/", "days"]),
            ("2%/week", [.percent, .slash, .name], ["2%", "/", "week"]),
            ("2020 - 06 - 30", [.number, .minus, .number, .minus, .number], ["2020", "-", "06", "-", "30"]),
            ("1200 Cny", [.number, .name], ["1200", "Cny"]),
            ("1200 CNYX", [.number, .name], ["1200", "CNYX"]),
            ("1200\nCNY", [.number, .name], ["1200", "CNY"]),
            ("40\ndays", [.number, .name], ["40", "days"]),
            ("40 daysx", [.number, .name], ["40", "daysx"]),
            (".5", [.dot, .number], [".", "5"]),
            ("5.", [.number, .dot], ["5", "."]),
            ("5.x", [.number, .dot, .name], ["5", ".", "x"]),
            ("2020-06-301", [.date, .number], ["2020-06-30", "1"]),
            ("money<CNY>=1", [.name, .less, .name, .greaterEqual, .number], ["money", "<", "CNY", ">=", "1"]),
            ("1200 CNY / month", [.money, .slash, .name], ["1200 CNY", "/", "month"]),
            ("1200 CNY/months", [.money, .slash, .name], ["1200 CNY", "/", "months"]),
            ("1200 CNY/week", [.money, .slash, .name], ["1200 CNY", "/", "week"]),
            ("1.5 places", [.number, .name], ["1.5", "places"]),
            ("2places", [.number, .name], ["2", "places"]),
            ("2 placesx", [.number, .name], ["2", "placesx"]),
            // In source a comma always separates: a displayed `1,200.00 CNY` is three tokens.
            ("1,200.00 CNY", [.number, .comma, .money], ["1", ",", "200.00 CNY"]),
        ]
        for (text, expectedKinds, texts) in cases {
            let tokens = lex(text).tokens
            XCTAssertEqual(tokens.map(\.kind), expectedKinds, text)
            XCTAssertEqual(tokens.map(\.text), texts, text)
        }
    }

    /// A value standing alone (`--set`, `:set`) may group an amount with its unit
    /// by commas, as values are displayed; the token's text leaves them out.
    func testAStandaloneValueReadsCommaGroupedAmounts() {
        func standalone(_ text: String) -> [Token] {
            Array(Lexer.tokenize(SourceFile(path: "t", text: text), groupsAmountsByCommas: true).tokens.dropLast())
        }
        let grouped: [(String, TokenKind, String)] = [
            ("1,200.00 CNY", .money, "1200.00 CNY"), ("-1,234,567.5 USD", .money, "1234567.5 USD"),
            ("1,200,000,000.00 CNY/month", .flow, "1200000000.00 CNY/month"), ("12,345 JPY", .money, "12345 JPY"),
            ("1,000 days", .duration, "1000 days"), ("10,000 months", .duration, "10000 months"),
        ]
        for (text, kind, value) in grouped {
            let tokens = standalone(text).filter { $0.kind != .minus }
            XCTAssertEqual(tokens.map(\.kind), [kind], text)
            XCTAssertEqual(tokens.first?.text, value, text)
        }
        XCTAssertEqual(standalone("[1,200.00 CNY, 5.00 CNY]").map(\.kind), [.lbracket, .money, .comma, .money, .rbracket])
        // Only 1 to 3 leading digits and groups of exactly 3, and only before a unit: otherwise a comma separates.
        let separated: [(String, [TokenKind])] = [
            ("[1,200,300]", [.lbracket, .number, .comma, .number, .comma, .number, .rbracket]),
            ("1200,000.00 CNY", [.number, .comma, .money]),
            ("1,20.00 CNY", [.number, .comma, .money]),
            ("1,2000 CNY", [.number, .comma, .money]),
            ("1, 200 CNY", [.number, .comma, .money]),
            ("1,200.5 days", [.number, .comma, .number, .name]),
            ("1,200 Cny", [.number, .comma, .number, .name]),
        ]
        for (text, kinds) in separated {
            XCTAssertEqual(standalone(text).map(\.kind), kinds, text)
        }
    }

    func testStringEscapesAndChineseAreDecoded() {
        let cases: [(String, String)] = [
            (#""plain""#, "plain"),
            (#""a\"b""#, "a\"b"),
            (#""back\\slash""#, "back\\slash"),
            (#""line\nnext\ttab\rcr""#, "line\nnext\ttab\rcr"),
            (#""\u{4E2D}\u{6587}""#, "中文"),
            (#""\u{41}\u{1F600}\u{10FFFF}""#, "A\u{1F600}\u{10FFFF}"),
            ("\"花呗 Huabei\"", "花呗 Huabei"),
            ("\"tab\tinside\"", "tab\tinside"),
        ]
        for (source, value) in cases {
            let (tokens, diagnostics) = lex(source)
            XCTAssertEqual(tokens.map(\.kind), [.string], source)
            XCTAssertEqual(tokens.first?.text, value, source)
            XCTAssertEqual(tokens.first?.span, Span(0, source.utf8.count), source)
            XCTAssertTrue(diagnostics.isEmpty, "\(source): \(diagnostics)")
        }
    }

    func testEveryKeywordIsReservedAndOtherWordsAreNames() {
        XCTAssertEqual(Keyword.allCases.count, 32, "fold, scan, sort, group, by, descending, population and scenario were added; a change here is a change to the language")
        for keyword in Keyword.allCases {
            XCTAssertEqual(kinds(keyword.rawValue), [.keyword(keyword)], keyword.rawValue)
            XCTAssertEqual(kinds(keyword.rawValue + "_x"), [.name], "\(keyword.rawValue)_x is a name")
        }
        for word in ["int", "money", "rate", "days", "day", "month", "year", "half_up", "CNY", "_", "_x1", "Let", "iff", "android"] {
            XCTAssertEqual(kinds(word), [.name], word)
        }
    }

    func testPunctuationTakesTheLongestToken() {
        let cases: [(String, TokenKind)] = [
            ("{", .lbrace), ("}", .rbrace), ("(", .lparen), (")", .rparen), ("[", .lbracket), ("]", .rbracket),
            (",", .comma), (":", .colon), (".", .dot), ("..", .dotdot), ("..<", .dotdotless), ("->", .arrow),
            ("=>", .fatArrow), ("=", .assign), ("==", .equal), ("!=", .notEqual), ("<", .less), ("<=", .lessEqual),
            (">", .greater), (">=", .greaterEqual), ("+", .plus), ("-", .minus), ("*", .star), ("/", .slash), ("^", .caret),
        ]
        for (text, kind) in cases { XCTAssertEqual(kinds(text), [kind], text) }
        XCTAssertEqual(kinds("1..<5"), [.number, .dotdotless, .number])
        XCTAssertEqual(kinds("1..5"), [.number, .dotdot, .number])
        XCTAssertEqual(kinds("a.b"), [.name, .dot, .name])
        XCTAssertEqual(kinds("- >"), [.minus, .greater])
        XCTAssertEqual(kinds("= ="), [.assign, .assign])
        XCTAssertEqual(kinds("..."), [.dotdot, .dot])
    }

    func testCommentsAndWhitespaceAreSkipped() {
        let (tokens, diagnostics) = lex("a // a comment with 中文 and \"quotes\n\t b\r\n// last line")
        XCTAssertEqual(tokens.map(\.text), ["a", "b"])
        XCTAssertTrue(diagnostics.isEmpty)
    }

    func testStartsLineIsTrueOnlyAfterANewline() {
        let tokens = lex("a b\nc // note\n  d \"s\"\n\"t\" e").tokens
        XCTAssertEqual(tokens.map(\.text), ["a", "b", "c", "d", "s", "t", "e"])
        XCTAssertEqual(tokens.dropFirst().map(\.startsLine), [false, true, true, false, true, false])
        // Trailing spaces or CR before the newline do not matter.
        XCTAssertEqual(lex("f  \n(").tokens.last?.startsLine, true)
        XCTAssertEqual(lex("f\r\n(").tokens.last?.startsLine, true)
        XCTAssertEqual(lex("f\n// c\n(").tokens.last?.startsLine, true)
    }

    func testSpansAreUTF8ByteOffsets() {
        let (tokens, _) = lex("let 名 = \"中文\" + 40 days")
        // `名` is an error (names are ASCII) and is skipped; the rest keeps byte offsets.
        XCTAssertEqual(tokens.map(\.kind), [.keyword(.let), .assign, .string, .plus, .duration])
        XCTAssertEqual(tokens.map(\.span), [Span(0, 3), Span(8, 9), Span(10, 18), Span(19, 20), Span(21, 28)])
    }
}

/// Lexer diagnostics: one error per mistake, with a position and a hint where one helps.
final class LexerDiagnosticTests: XCTestCase {
    func diagnostics(_ text: String) -> [Diagnostic] { Lexer.tokenize(SourceFile(path: "t.suan", text: text)).diagnostics }

    func testFullWidthPunctuationGetsTheASCIIHint() {
        let cases: [(String, String)] = [
            ("（", "("), ("）", ")"), ("，", ","), ("：", ":"), ("；", ";"), ("“", "\""), ("”", "\""),
            ("。", "."), ("【", "["), ("】", "]"), ("　", " "), ("＝", "="), ("＋", "+"),
        ]
        for (char, ascii) in cases {
            let found = diagnostics("let x = 1 \(char) 2")
            XCTAssertEqual(found.count, 1, char)
            XCTAssertEqual(found.first?.severity, .error)
            XCTAssertEqual(found.first?.hint, "use the ASCII '\(ascii)'", char)
            XCTAssertTrue(found.first?.message.hasPrefix("full-width '\(char)'") ?? false, found.first?.message ?? "")
            XCTAssertEqual(found.first?.span, Span(10, 10 + char.utf8.count), char)
            XCTAssertEqual(found.first?.location?.description, "1:11", char)
        }
        XCTAssertEqual(diagnostics("（")[0].message, "full-width '（' (U+FF08) is not allowed here")
    }

    func testUnterminatedStringIsOneErrorAndTheNextLineStillLexes() {
        let file = SourceFile(path: "t.suan", text: "let s = \"abc\nlet t = 1")
        let (tokens, found) = Lexer.tokenize(file)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.message, "unterminated string")
        XCTAssertEqual(found.first?.location?.description, "1:9")
        XCTAssertNotNil(found.first?.hint)
        XCTAssertEqual(tokens.dropLast().map(\.kind).suffix(5), [.string, .keyword(.let), .name, .assign, .number])
        XCTAssertEqual(diagnostics("\"abc").map(\.message), ["unterminated string"])
        XCTAssertEqual(diagnostics("\"abc\r\n\"").count, 2, "each of the two quotes opens an unterminated string")
    }

    func testBadEscapes() {
        let cases: [(String, String)] = [
            (#""\q""#, "unknown escape in string"),
            (#""\'""#, "unknown escape in string"),
            (#""\u{D800}""#, "bad unicode escape"),
            (#""\u{DFFF}""#, "bad unicode escape"),
            (#""\u{110000}""#, "bad unicode escape"),
            (#""\u{}""#, "bad unicode escape"),
            (#""\u{1234567}""#, "bad unicode escape"),
            (#""\u{12G}""#, "bad unicode escape"),
            (#""\u41""#, "unknown escape in string"),
        ]
        for (source, message) in cases {
            let found = diagnostics(source)
            XCTAssertEqual(found.first?.message, message, source)
            XCTAssertEqual(found.first?.location?.description, "1:2", source)
        }
    }

    func testBinaryJunkGivesOneErrorNotThousands() {
        let junk = String(decoding: [UInt8](repeating: 0xFF, count: 10_000) + [0x80, 0xC3, 0x28], as: UTF8.self)
        let found = diagnostics("let x = 1\n" + junk + "\nlet y = 2")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.message, "invalid UTF-8 or binary data in source")
        XCTAssertEqual(found.first?.location?.description, "2:1")
        XCTAssertEqual(diagnostics(String(repeating: "@", count: 5000)).count, 1)
        XCTAssertEqual(diagnostics("名字叫什么").count, 1)
    }

    func testControlAndStrayCharacters() {
        let cases: [(String, String)] = [
            ("\u{01}", "unexpected control character U+0001"),
            ("\u{00}", "unexpected control character U+0000"),
            ("\u{0C}", "unexpected control character U+000C"),
            ("\u{7F}", "unexpected control character U+007F"),
            ("#", "unexpected character '#'"),
            ("@", "unexpected character '@'"),
            ("$", "unexpected character '$'"),
            ("`", "unexpected character '`'"),
            ("%", "unexpected character '%'"),
            ("!", "unexpected character '!'"),
            (";", "unexpected character ';'"),
            ("\u{FEFF}", "unexpected character '\u{FEFF}'"),
        ]
        for (char, message) in cases {
            let found = diagnostics("a \(char) b")
            XCTAssertEqual(found.map(\.message), [message], "U+\(String(char.unicodeScalars.first!.value, radix: 16))")
            XCTAssertEqual(found.first?.location?.description, "1:3")
        }
        XCTAssertEqual(diagnostics("let 名 = 1").first?.hint, "names are ASCII; Chinese text belongs in strings and comments")
        XCTAssertEqual(diagnostics("2.5 %/day").map(\.message), ["unexpected character '%'"])
    }

    func testCleanInputHasNoDiagnostics() {
        for text in ["", "   \n\t\r\n", "// only a comment", "let x = 1 + 2 // done"] {
            XCTAssertTrue(diagnostics(text).isEmpty, text.debugDescription)
        }
    }
}
