import Foundation
import Suanpan
import SuanpanSyntax
import XCTest

/// Golden tests written in Suanpan itself, clox style: each file carries its
/// expectations as comments.
///
/// - `Tests/Conformance/check/*.suan`: `// error: text` on a line means the checker
///   reports an error on that line whose message contains `text`; every error
///   must be expected and every expectation met.
/// - `Tests/Conformance/run/*.suan`: `// expect: text` lines give the program's
///   output, in order; `// runtime error: text` means the run stops with an error
///   containing `text` at that line.
/// - `Tests/Conformance/syntax/valid/*.suan` with `test` blocks: the file checks and
///   every test passes; the others are parse-only (Tests/Conformance/README.md).
final class ConformanceTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Conformance")

    func files(_ folder: String) -> [String] {
        let dir = Self.root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".suan") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    /// `// marker text` annotations: (line, text).
    func annotations(_ path: String, _ marker: String) -> [(line: Int, text: String)] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var result: [(Int, String)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let r = line.range(of: "// \(marker): ") else { continue }
            result.append((i + 1, String(line[r.upperBound...]).trimmingCharacters(in: .whitespaces)))
        }
        return result
    }

    func testCheckErrors() throws {
        let paths = files("check")
        XCTAssertFalse(paths.isEmpty, "no check fixtures found")
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let expected = annotations(path, "error")
            XCTAssertFalse(expected.isEmpty, "\(name): a check fixture must expect at least one error")
            var reported: [(line: Int, message: String)] = []
            var diagnostics: [Diagnostic] = []
            switch Program.load(paths: [path]) {
            case .failure(let failure): diagnostics = failure.diagnostics
            case .success(let (_, warnings)): diagnostics = warnings
            }
            reported = diagnostics.filter { $0.severity == .error }.map { ($0.location?.line ?? 0, $0.message) }
            let warned = diagnostics.filter { $0.severity == .warning }.map { (line: $0.location?.line ?? 0, message: $0.message) }
            for w in annotations(path, "warning") where !warned.contains(where: { $0.line == w.line && $0.message.contains(w.text) }) {
                XCTFail("\(name):\(w.line): expected a warning containing \"\(w.text)\"; got \(warned.map { "\($0.line): \($0.message)" })")
            }
            for w in warned where !annotations(path, "warning").contains(where: { $0.line == w.line && w.message.contains($0.text) }) {
                XCTFail("\(name):\(w.line): unexpected warning: \(w.message)")
            }
            for e in expected where !reported.contains(where: { $0.line == e.line && $0.message.contains(e.text) }) {
                XCTFail("\(name):\(e.line): expected an error containing \"\(e.text)\"; got \(reported.map { "\($0.line): \($0.message)" })")
            }
            for r in reported where !expected.contains(where: { $0.line == r.line && r.message.contains($0.text) }) {
                XCTFail("\(name):\(r.line): unexpected error: \(r.message)")
            }
        }
    }

    /// No `expect` in a syntax fixture is parsed and never run: a fixture with test
    /// blocks must check and pass them all; one without is parse-only on purpose.
    func testSyntaxFixturesWithTestBlocksCheckAndPass() throws {
        var ran: [String] = []
        for path in files("syntax/valid") {
            let name = "syntax/valid/" + URL(fileURLWithPath: path).lastPathComponent
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let items = Parser.parse(SourceFile(path: name, text: text)).syntax.items
            guard items.contains(where: { if case .test = $0 { return true } else { return false } }) else { continue }
            switch Program.load(paths: [path]) {
            case .failure(let failure):
                XCTFail("\(name) has test blocks, so it must check: define what it uses, or remove its tests to make it "
                        + "parse-only. The checker reports:\n" + failure.diagnostics.map { $0.rendered() }.joined(separator: "\n"))
            case .success(let (program, _)):
                for outcome in program.runTests() where !outcome.passed {
                    XCTFail("\(name): test \"\(outcome.name)\" fails; fix the figure or the fixture:\n"
                            + outcome.failures.joined(separator: "\n"))
                }
                ran.append(name)
            }
        }
        XCTAssertTrue(ran.contains("syntax/valid/precedence.suan"),
                      "syntax/valid/precedence.suan must keep test blocks that run and compare values; ran only \(ran)")
    }

    func testRunOutput() throws {
        let paths = files("run")
        XCTAssertFalse(paths.isEmpty, "no run fixtures found")
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let expected = annotations(path, "expect").map(\.text)
            let expectedError = annotations(path, "runtime error").first
            switch Program.load(paths: [path]) {
            case .failure(let failure):
                XCTFail("\(name): does not check:\n" + failure.diagnostics.map { $0.rendered() }.joined(separator: "\n"))
            case .success(let (program, _)):
                var output: [String] = []
                do {
                    try program.runPrints { output.append($0) }
                    if let e = expectedError { XCTFail("\(name):\(e.line): expected a runtime error containing \"\(e.text)\"") }
                } catch {
                    if let e = expectedError {
                        XCTAssertTrue(error.message.contains(e.text), "\(name): runtime error \"\(error.message)\" lacks \"\(e.text)\"")
                        XCTAssertEqual(error.diagnostic.location?.line, e.line, "\(name): runtime error on the wrong line")
                    } else {
                        XCTFail("\(name): unexpected runtime error: \(error.diagnostic.rendered())")
                    }
                }
                XCTAssertEqual(output, expected, "\(name): output differs")
            }
        }
    }
}
