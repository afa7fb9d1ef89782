import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import XCTest

/// Hostile and broken input: never a crash, always an error with a position.
final class RobustnessTests: XCTestCase {
    /// Parses, then checks when the parse is clean, as `Program.load` does; returns every diagnostic.
    func diagnose(_ text: String) -> [Diagnostic] {
        let parsed = Parser.parse(SourceFile(path: "bad.suan", text: text))
        if parsed.hasErrors { return parsed.diagnostics }
        return parsed.diagnostics + Checker.check([parsed.syntax]).1
    }

    /// At least one error, and every error has a file position.
    func assertLocatedError(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let errors = diagnose(text).filter { $0.severity == .error }
        XCTAssertFalse(errors.isEmpty, "\(label): no error", file: file, line: line)
        for e in errors where e.location == nil || e.file == nil {
            XCTFail("\(label): error without a location: \(e.message)", file: file, line: line)
        }
    }

    func testEmptyAndCommentOnlyFilesAreValid() {
        for text in ["", "\n\n", "   \t ", "// only a comment", "// 中文注释\n// another\n", "\r\n// crlf\r\n"] {
            XCTAssertEqual(diagnose(text).map(\.description), [], text.debugDescription)
        }
    }

    /// SplitMix64: a fixed sequence, so a failure is reproducible.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testBinaryJunk() {
        var random = Seeded(state: 20_200_630)
        for sample in 0..<200 {
            let count = Int.random(in: 16...400, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            assertLocatedError(String(decoding: bytes, as: UTF8.self), "sample \(sample)")
        }
    }

    func testBinaryJunkFilesAreRejectedByLoad() {
        let dir = TempFolder()
        var random = Seeded(state: 7)
        for sample in 0..<20 {
            let bytes = [0xFF] + (0..<64).map { _ in UInt8.random(in: 0...255, using: &random) }
            let path = dir.write("junk\(sample).suan", bytes: bytes)
            guard case .failure(let failure) = Program.load(paths: [path]) else { XCTFail("sample \(sample) loaded"); continue }
            XCTAssertEqual(failure.diagnostics.first?.message, "not UTF-8 text")
            XCTAssertEqual(failure.diagnostics.first?.description.hasPrefix("\(path):1:1: error:"), true)
        }
    }

    /// The brace depth at the end of a prefix, counting only braces outside strings and comments.
    func openBraces(_ bytes: ArraySlice<UInt8>) -> (depth: Int, inString: Bool) {
        var depth = 0, inString = false, inComment = false, escaped = false, previous: UInt8 = 0
        for b in bytes {
            if inComment { if b == 0x0A { inComment = false } }
            else if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 || b == 0x0A { inString = false }
            } else if b == 0x2F, previous == 0x2F { inComment = true }
            else if b == 0x22 { inString = true }
            else if b == 0x7B { depth += 1 }
            else if b == 0x7D { depth -= 1 }
            previous = inComment ? 0 : b
        }
        return (depth, inString)
    }

    func testEveryTruncationOfTheHuabeiExample() throws {
        let bytes = Array(try XCTUnwrap(FileManager.default.contents(atPath: huabeiPath)))
        var cutInside = 0
        for end in stride(from: 0, to: bytes.count, by: 7) {
            let prefix = bytes[0..<end]
            let text = String(decoding: prefix, as: UTF8.self)
            let found = diagnose(text)
            for e in found where e.location == nil { XCTFail("cut at \(end): error without a location: \(e.message)") }
            let (depth, inString) = openBraces(prefix)
            if depth > 0 || inString {
                cutInside += 1
                XCTAssertTrue(found.contains { $0.severity == .error }, "cut at \(end) inside a declaration, but no error")
            }
        }
        XCTAssertGreaterThan(cutInside, bytes.count / 7 / 2, "most cuts land inside a declaration")
    }

    func testDeepNesting() {
        let n = 1000
        let cases = [
            "let x = " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            "let x = " + String(repeating: "[", count: n) + String(repeating: "]", count: n),
            "let x = " + String(repeating: "-", count: n) + "1",
            "let x = " + String(repeating: "not ", count: n) + "true",
            "let x = " + String(repeating: "f(", count: n) + String(repeating: ")", count: n),
            "let x = " + Array(repeating: "1", count: 100_000).joined(separator: "+"),
            "let x = " + String(repeating: "R { a: ", count: n) + "1" + String(repeating: " }", count: n),
            "let x = " + String(repeating: "(", count: 100_000),
            String(repeating: "product P { ", count: n),
        ]
        for text in cases { assertLocatedError(text, String(text.prefix(24))) }
    }

    /// 500 constants, each defined by the next: valid, checked and evaluated without exhausting the stack.
    func testLongChainsOfDeclarations() {
        let n = 500
        let dir = TempFolder()
        let constants = (0..<n).map { "let c\($0) = c\($0 + 1) + 1" }.joined(separator: "\n") + "\nlet c\(n) = 0"
        let rules = (0..<n).map { "rule r\($0)(x: int) = r\($0 + 1)(x) + 1" }.joined(separator: "\n") + "\nrule r\(n)(x: int) = x"
        guard case .success(let (program, _)) = Program.load(paths: [dir.write("chain.suan", constants + "\n" + rules)]) else {
            return XCTFail("a chain of \(n) declarations must check")
        }
        for (text, value) in [("c0", "500"), ("r0(7)", "507")] {
            guard case .value(let v, let t) = program.evaluate(text) else { XCTFail(text); continue }
            XCTAssertEqual(Format.display(v, t), value, text)
        }
    }

    func testHugeLiterals() {
        let hundredZeros = "1" + String(repeating: "0", count: 100)
        let fortyDigits = "0." + String(repeating: "7", count: 40)
        for text in [hundredZeros, fortyDigits, "\(hundredZeros) CNY", "\(fortyDigits) CNY", "\(hundredZeros)%",
                     "\(fortyDigits)%", "\(hundredZeros)%/day", "\(hundredZeros) days", "\(hundredZeros) years",
                     "0.00000000000000001%", "0000-00-00", "2021-02-29"] {
            assertLocatedError("let x = " + text, text)
        }
    }

    func testUnknownCurrenciesFullWidthAndUnterminatedStrings() {
        let cases = [
            "let x = 1 XYZ", "let x = 1 CNX", "let x: money<ABC> = 1 CNY", "let x: money<cny> = 1 CNY",
            "let x = （1 + 2）", "let x：int = 1", "print 1，2", "let s = “abc”", "let x = 1；",
            "let s = \"abc", "print \"", "let s = \"abc\\", "let s = \"abc\nlet t = 1", "let s = \"\\u{D800}\"",
            "import \"", "test \"unterminated { expect true }",
        ]
        for text in cases { assertLocatedError(text, text) }
    }

    func testAOneMegabyteLine() {
        let mb = 1 << 20
        let cases = [
            "let " + String(repeating: "x", count: mb),
            "let s = \"" + String(repeating: "a", count: mb),
            "let x = 1 " + String(repeating: "@", count: mb),
            "let x = [" + String(repeating: "1, ", count: mb / 3) + "]]",
            "let x = " + String(repeating: "中", count: mb / 3),
            "let x = \"" + String(repeating: "a", count: mb) + "\" + 1",
        ]
        for text in cases {
            let start = Date()
            assertLocatedError(text, String(text.prefix(12)))
            XCTAssertLessThan(Date().timeIntervalSince(start), 20, "a 1 MB line takes seconds, not minutes")
        }
    }

    func testOtherBrokenPrograms() {
        let cases = [
            "let a = 1\nlet a = 2", "rule f(a: int, a: int) = a", "record R { a: int, a: int }", "record R { a: Nope }",
            "product P { rounding sideways }", "product P { rounding half_up 0 }", "product P { table t(k: int) -> int { 1..2 => 1 } }\nlet x = P.t(true)",
            "let x = undefined_name", "test \"t\" { expect 1 }", "let x = [1][\"a\"]", "print P", "let x = fail(1)",
        ]
        for text in cases { assertLocatedError(text, text) }
    }
}
