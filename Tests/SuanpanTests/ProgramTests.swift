import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import XCTest

/// A fresh folder of source files under the temporary directory.
final class TempFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("suanpan-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The absolute path of a file in the folder, written or not.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a file (creating folders) and returns its absolute path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        return file.path
    }
}

/// The repository root: this file is `<root>/Tests/SuanpanTests/ProgramTests.swift`.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let huabeiPath = repositoryRoot.appendingPathComponent("Examples/huabei.suan").path

final class ProgramTests: XCTestCase {
    func load(_ paths: [String], file: StaticString = #filePath, line: UInt = #line) -> Program? {
        switch Program.load(paths: paths) {
        case .success(let (program, _)): return program
        case .failure(let failure):
            XCTFail(failure.diagnostics.map { $0.rendered() }.joined(separator: "\n"), file: file, line: line)
            return nil
        }
    }

    func failure(_ paths: [String]) -> Program.Failure? {
        if case .failure(let failure) = Program.load(paths: paths) { return failure }
        XCTFail("expected \(paths) not to load")
        return nil
    }

    func show(_ program: Program?, _ text: String) -> String {
        switch program?.evaluate(text) {
        case .value(let v, let t)?: return "\(Format.display(v, t, quoteStrings: true)) : \(t)"
        case .checkFailed(let d)?: return "check: " + d.map(\.message).joined(separator: "; ")
        case .runtimeFailed(let e)?: return "runtime: \(e.message)"
        case nil: return "<no program>"
        }
    }

    func testImportsAreRelativeToTheImportingFile() {
        let dir = TempFolder()
        let main = dir.write("main.suan", "import \"lib/a.suan\"\nlet c = a + b")
        dir.write("lib/a.suan", "import \"b.suan\"\nlet a = 1")
        dir.write("lib/b.suan", "import \"../shared/c.suan\"\nlet b = 2 + c0")
        dir.write("shared/c.suan", "let c0 = 10")
        XCTAssertEqual(show(load([main]), "c"), "13 : int")
    }

    func testAFileImportedTwiceLoadsOnce() {
        let dir = TempFolder()
        let main = dir.write("main.suan", "import \"a.suan\"\nimport \"b.suan\"\nimport \"./a.suan\"\nlet total = x + y")
        dir.write("a.suan", "let x = 1")
        dir.write("b.suan", "import \"a.suan\"\nimport \"sub/../a.suan\"\nlet y = x + 1")
        let a = dir.url.appendingPathComponent("a.suan").path
        let program = load([main, a, main])
        XCTAssertEqual(show(program, "total"), "3 : int")
        XCTAssertEqual(program?.checked.globals.filter { $0.name == "x" }.count, 1)
    }

    func testImportCyclesAreFine() {
        let dir = TempFolder()
        let a = dir.write("a.suan", "import \"b.suan\"\nlet a = 1\nlet uses_b = b * 10")
        dir.write("b.suan", "import \"a.suan\"\nlet b = a + 1")
        XCTAssertEqual(show(load([a]), "uses_b"), "20 : int")
    }

    func testAMissingImportNamesTheImportingFileAndLine() throws {
        let dir = TempFolder()
        let main = dir.write("main.suan", "let a = 1\nimport \"nope.suan\"\n")
        let failure = try XCTUnwrap(failure([main]))
        XCTAssertTrue(failure.ioFailed)
        let error = try XCTUnwrap(failure.diagnostics.first { $0.severity == .error })
        XCTAssertTrue(error.message.contains("nope.suan"), error.message)
        XCTAssertTrue(error.message.contains("no such file"), error.message)
        XCTAssertEqual(error.file?.path, main)
        XCTAssertEqual(error.location?.line, 2)
        XCTAssertEqual(error.location?.column, 1)
    }

    func testAMissingFileIsAnIOFailure() throws {
        let failure = try XCTUnwrap(failure(["/nonexistent/dir/x.suan"]))
        XCTAssertTrue(failure.ioFailed)
        XCTAssertEqual(failure.diagnostics.map(\.message), ["no such file: /nonexistent/dir/x.suan"])
    }

    func testNonUTF8FilesAreRejectedWithAClearMessage() throws {
        let dir = TempFolder()
        let path = dir.write("latin1.suan", bytes: Array("let a = 1\nlet s = \"caf".utf8) + [0xE9] + Array("\"\n".utf8))
        let failure = try XCTUnwrap(failure([path]))
        XCTAssertFalse(failure.ioFailed, "the file was read; it is the content that is wrong")
        XCTAssertEqual(failure.diagnostics.count, 1)
        XCTAssertEqual(failure.diagnostics.first?.message, "not UTF-8 text")
        XCTAssertEqual(failure.diagnostics.first?.file?.path, path)
        XCTAssertEqual(failure.diagnostics.first?.location?.line, 2)
        XCTAssertEqual(failure.diagnostics.first?.hint, "save the file as UTF-8")
    }

    func testCheckErrorsComeBackWithLocations() throws {
        let dir = TempFolder()
        let path = dir.write("bad.suan", "let a = 1 CNY + 1 USD\nlet b = )\n")
        let failure = try XCTUnwrap(failure([path]))
        XCTAssertFalse(failure.ioFailed)
        XCTAssertEqual(failure.diagnostics.map { $0.location?.line }, [2], "a syntax error stops before checking")
        let typeError = dir.write("type.suan", "let a = 1 CNY + 1 USD\nlet b = 2 days + 1 month\n")
        XCTAssertEqual(self.failure([typeError])?.diagnostics.map(\.description), [
            "\(typeError):1:9: error: cannot add money<CNY> and money<USD>",
            "\(typeError):2:9: error: cannot add days and months",
        ])
    }

    func testEvaluateReturnsValuesAndErrors() {
        let program = load([huabeiPath])
        let cases: [(String, String)] = [
            ("Huabei.fee(1200.00 CNY, 12)", "105.60 CNY : money<CNY>"),
            ("Huabei.interest_free_days(Purchase { amount: 1 CNY, date: 2020-07-31 })", "10 days : days"),
            ("Huabei.overdue_rate", "0.05%/day : rate/day"),
            ("cart.date", "2020-07-01 : date"),
            ("[p.payment for p in Huabei.plan(300 CNY, 3, 0%)]", "[100.00 CNY, 100.00 CNY, 100.00 CNY] : list<money<CNY>>"),
            ("Huabei.fee(1200.00 CNY, 5)", "runtime: no row of table 'Huabei.installment_fee' matches periods = 5"),
            ("1 / 0", "runtime: division by zero"),
            ("Huabei.fe(1 CNY, 3)", "check: product 'Huabei' has no member 'fe'"),
            ("1 +", "check: expected an expression, found the end of the input"),
            ("1 2", "check: expected the end of the expression, found a number"),
        ]
        for (text, shown) in cases { XCTAssertEqual(show(program, text), shown, text) }
    }

    func testRunPrintsProducesTheExampleLines() throws {
        var lines: [String] = []
        try load([huabeiPath])?.runPrints { lines.append($0) }
        XCTAssertEqual(lines, [
            "Huabei: 1,200 CNY in 12 installments costs 105.60 CNY in fees, paid as 108.80 CNY a month",
            "bought on 2020-07-01 → due 2020-08-10 ( 40 days free )",
        ])
    }

    func testRunPrintsStopsAtTheFirstRuntimeError() {
        let dir = TempFolder()
        let path = dir.write("p.suan", "print \"one\"\nprint 1 / 0\nprint \"three\"")
        var lines: [String] = []
        do {
            try load([path])?.runPrints { lines.append($0) }
            XCTFail("expected a runtime error")
        } catch {
            XCTAssertEqual(error.message, "division by zero")
            XCTAssertEqual(error.diagnostic.location?.line, 2)
        }
        XCTAssertEqual(lines, ["one"])
    }

    func testRunTestsRunsEveryTestOfTheExamples() {
        let examples = ["antdake", "huabei", "yuebao"].map { repositoryRoot.appendingPathComponent("Examples/\($0).suan").path }
        for path in examples {
            let outcomes = load([path])?.runTests() ?? []
            XCTAssertFalse(outcomes.isEmpty, path)
            for o in outcomes { XCTAssertTrue(o.passed, "\(o.name): \(o.failures)") }
        }
        XCTAssertEqual(load([huabeiPath])?.runTests().map(\.name).count, 5)
    }

    func testExtraSourcesAreCheckedWithTheFiles() {
        let extra = SourceFile(path: "<repl>", text: "let doubled = Huabei.fee(100 CNY, 3) * 2")
        guard case .success(let (program, _)) = Program.load(paths: [huabeiPath], extraSources: [extra]) else {
            return XCTFail("did not load")
        }
        XCTAssertEqual(show(program, "doubled"), "5.00 CNY : money<CNY>")
    }
}
