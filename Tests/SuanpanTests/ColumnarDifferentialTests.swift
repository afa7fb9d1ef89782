import Foundation
import XCTest
import Suanpan
import SuanpanRuntime
import SuanpanScenario
import SuanpanValues

/// The columnar executor against the scalar interpreter, the reference: every scenario
/// of every example and conformance program, and random well-typed rules over a
/// population with amounts large enough to leave 64 bits, must give the same totals
/// to the cent by both paths, or the same error at the same position.
final class ColumnarDifferentialTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every file with a scenario in these folders.
    static func scenarioFiles() -> [String] {
        let folders = ["Examples", "Tests/Conformance/run", "Benchmarks/speed", "Benchmarks/population"]
        var files: [String] = []
        for folder in folders {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".suan") {
                let path = url.appendingPathComponent(name).path
                if let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("\nscenario ") { files.append(path) }
            }
        }
        return files
    }

    enum Outcome: Equatable {
        case totals(ScenarioTotals)
        case error(String)
    }

    static func run(_ path: String, _ scenario: Int, _ executor: Executor, jobs: Int = 1) throws -> (Outcome, ExecutionReport?) {
        guard case .success(let (program, _)) = Program.load(paths: [path]) else { throw XCTSkip("\(path) does not load") }
        program.executor = executor
        program.jobs = jobs
        do throws(RuntimeError) {
            let run = try program.runScenario(scenario)
            return (.totals(run.totals), program.lastExecution)
        } catch {
            return (.error("\(error.diagnostic)"), program.lastExecution)
        }
    }

    func testEveryExampleScenarioGivesTheSameTotalsOverColumns() throws {
        let files = Self.scenarioFiles()
        XCTAssertGreaterThanOrEqual(files.count, 6, "the scenario files: \(files)")
        var scenarios = 0
        for path in files {
            guard case .success(let (program, _)) = Program.load(paths: [path]) else { XCTFail("\(path) does not load"); continue }
            for (index, def) in program.checked.scenarios.enumerated() {
                let (scalar, _) = try Self.run(path, index, .scalar)
                let (columns, execution) = try Self.run(path, index, .columns)
                XCTAssertEqual(columns, scalar, "\(path): scenario \(def.name)")
                // Every example's rules compile to columns: none may fall back quietly.
                XCTAssertNil(execution?.unsupported, "\(path): scenario \(def.name): \(execution?.unsupported?.description ?? "")")
                XCTAssertEqual(execution?.scalarBatches, 0, "\(path): scenario \(def.name) ran batches one account at a time")
                XCTAssertGreaterThan(execution?.columnBatches ?? 0, 0, "\(path): scenario \(def.name)")
                scenarios += 1
            }
        }
        XCTAssertGreaterThanOrEqual(scenarios, 8)
    }

    // MARK: Random rules

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("suanpan-columnar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    struct Generator {
        var x: UInt64
        mutating func next(_ n: Int) -> Int {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int((x >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    /// Accounts with balances from cents to tens of trillions (past 64 bits once scaled
    /// by a rate), days from 0 to 400, whole numbers that may be zero (to divide by).
    func writePopulation(_ g: inout Generator, rows: Int) throws {
        var csv = "balance,days,n,band,flag\n"
        for _ in 0..<rows {
            let magnitude = g.pick([1, 100, 10_000, 1_000_000, 100_000_000, 10_000_000_000, 1_000_000_000_000, 9_000_000_000_000_000])
            let cents = g.next(magnitude) - (g.next(8) == 0 ? magnitude / 2 : 0)
            let balance = "\(cents < 0 ? "-" : "")\(abs(cents) / 100).\(String(format: "%02d", abs(cents) % 100))"
            csv += "\(balance),\(g.next(400)),\(g.next(13)),\(g.pick(["A", "B", "C"])),\(g.next(2) == 0)\n"
        }
        try csv.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
    }

    /// A money expression of depth at most `depth`.
    func money(_ g: inout Generator, _ depth: Int) -> String {
        if depth == 0 { return g.pick(["a.balance", "balance", "10 CNY", "0.01 CNY", "P.cap"]) }
        let d = depth - 1
        switch g.next(11) {
        case 0: return "(\(money(&g, d)) + \(money(&g, d)))"
        case 1: return "(\(money(&g, d)) - \(money(&g, d)))"
        case 2: return "round(\(money(&g, d)) * \(number(&g, d)), 0.01, \(g.pick(["half_even", "half_up", "down", "up", "floor", "ceiling"])))"
        case 3: return "round(\(money(&g, d)) / \(number(&g, d)), \(g.pick(["0.01", "0.05", "0.10"])), \(g.pick(["half_even", "half_up", "floor"])))"
        case 4: return "max(\(money(&g, d)), \(money(&g, d)))"
        case 5: return "min(\(money(&g, d)), \(money(&g, d)))"
        case 6: return "(if \(test(&g, d)) then \(money(&g, d)) else \(money(&g, d)))"
        case 7: return "round(\(money(&g, d)) * P.rate * a.days * 1 day, 0.01, half_even)"
        case 8: return "P.fee(\(money(&g, d)), a.n)"
        case 9: return "abs(\(money(&g, d)))"
        default: return "-\(money(&g, d))"
        }
    }

    /// A percentage, the multiplier of money.
    func number(_ g: inout Generator, _ depth: Int) -> String {
        if depth == 0 { return g.pick(["P.share", "2.5%", "100%", "0.0001%", "(a.n * 1%)", "P.tier(a.days)"]) }
        let d = depth - 1
        switch g.next(5) {
        case 0: return "(\(number(&g, d)) + \(number(&g, d)))"
        case 1: return "(\(number(&g, d)) * \(g.pick(["2", "a.n", "3"])))"
        case 2: return "(if \(test(&g, d)) then \(number(&g, d)) else \(number(&g, d)))"
        case 3: return "(\(number(&g, d)) - \(number(&g, d)))"
        default: return "P.installment(a.n)"
        }
    }

    func test(_ g: inout Generator, _ depth: Int) -> String {
        switch g.next(5) {
        case 0: return "\(money(&g, max(0, depth - 1))) > \(money(&g, 0))"
        case 1: return "a.band == \"\(g.pick(["A", "B", "Z"]))\""
        case 2: return "a.flag"
        case 3: return "(a.days >= 30 and a.n != 0)"
        default: return "not (a.n < 6 or a.flag)"
        }
    }

    func program(_ g: inout Generator) -> String {
        let lines = (0..<3).map { i in "  revenue line\(i) = \(money(&g, 3))" }
        return """
            record Account { balance: money<CNY>, days: int, n: int, band: string, flag: bool }
            product P {
              param rate: rate/day = 0.05%/day
              param share: percent = 12.5%
              param cap: money<CNY> = 5000 CNY
              table installment(n: int) -> percent { 3 => 2.5%  6 => 4.5%  12 => 8.8%  else => 0% }
              table tier(d: int) -> percent { ..<30 => 0%  30..<90 => 1.5%  90.. => 3% }
              rule fee(m: money<CNY>, n: int) -> money<CNY> = round(m * installment(n), 0.01, half_even)
            }
            population accounts: Account from "accounts.csv"
            scenario S {
              for a in accounts
              from 2021-01-01 to 2021-04-01 by month
              state balance: money<CNY> = a.balance
            \(lines.joined(separator: "\n"))
              next balance = if a.flag then balance + line0 else balance
              by a.band
            }
            """
    }

    func testRandomRulesGiveTheSameTotalsOrTheSameError() throws {
        var g = Generator(x: 20261201)
        try writePopulation(&g, rows: 5_000)
        var compared = 0, errors = 0, onColumns = 0
        for trial in 0..<40 {
            let source = program(&g)
            let path = folder.appendingPathComponent("random\(trial).suan").path
            try source.write(toFile: path, atomically: true, encoding: .utf8)
            guard case .success = Program.load(paths: [path]) else { continue }
            let (scalar, _) = try Self.run(path, 0, .scalar)
            let (columns, execution) = try Self.run(path, 0, .columns)
            XCTAssertEqual(columns, scalar, "trial \(trial):\n\(source)")
            XCTAssertNil(execution?.unsupported, "trial \(trial): \(execution?.unsupported?.description ?? "")")
            if case .error = scalar { errors += 1 }
            if case .totals = scalar, execution?.scalarBatches == 0 { onColumns += 1 }
            compared += 1
        }
        // Most programs load and run; some meet an error (a division by zero, an overflow) on both paths.
        XCTAssertGreaterThanOrEqual(compared, 30)
        XCTAssertLessThan(errors, compared)
        // And most of those that run do so wholly over columns, in 64 bits or 18 digits.
        XCTAssertGreaterThan(onColumns, (compared - errors) / 2, "\(onColumns) of \(compared - errors)")
    }

    /// Branches nested 30 deep, each guarding a division that fails over the whole batch:
    /// each level runs again over its rows, within a bounded number of retries, then the
    /// batch goes to the interpreter. The same totals either way, in linear time.
    func testNestedGuardedDivisionsStayBounded() throws {
        var csv = "balance,n\n"
        for i in 0..<5_000 { csv += "\(i).25,\(i % 40)\n" }
        try csv.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        var expr = "0 CNY"
        for k in stride(from: 29, through: 0, by: -1) {
            // The division after the deeper levels: each level's first try computes them all.
            expr = "(if a.n > \(k) then \(expr) + round(a.balance / (a.n - \(k)), 0.01, half_even) else 0 CNY)"
        }
        let path = folder.appendingPathComponent("nested.suan").path
        try """
            record Account { balance: money<CNY>, n: int }
            population accounts: Account from "accounts.csv"
            scenario S {
              for a in accounts
              from 2021-01-01 to 2021-01-01 by month
              revenue deep = \(expr)
            }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let (scalar, _) = try Self.run(path, 0, .scalar)
        let (columns, _) = try Self.run(path, 0, .columns)
        guard case .totals = scalar else { return XCTFail("\(scalar)") }
        XCTAssertEqual(columns, scalar)
    }

    /// On several threads too, and for an error the columns leave to the scalar path.
    func testADivisionByZeroIsTheScalarPathsErrorAtItsPosition() throws {
        var csv = "balance,n\n"
        for i in 0..<9_000 { csv += "\(i).50,\(i == 7_777 ? 0 : 1 + i % 5)\n" }
        try csv.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("divide.suan").path
        try """
            record Account { balance: money<CNY>, n: int }
            population accounts: Account from "accounts.csv"
            scenario S {
              for a in accounts
              from 2021-01-01 to 2021-01-01 by month
              revenue share = round(a.balance / a.n, 0.01, half_even)
              revenue guarded = if a.n == 0 then 0 CNY else round(a.balance / (a.n - 1 + 1), 0.01, half_even)
            }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let (scalar, _) = try Self.run(path, 0, .scalar)
        let (columns, execution) = try Self.run(path, 0, .columns)
        guard case .error(let message) = scalar else { return XCTFail("expected a division by zero, got \(scalar)") }
        XCTAssertTrue(message.contains("division by zero"), message)
        XCTAssertTrue(message.contains("divide.suan:6:"), message)
        XCTAssertEqual(columns, scalar)
        // The batches before the bad row ran over columns; the one with it, one account at a time.
        XCTAssertEqual(execution?.columnBatches, 1)
        XCTAssertEqual(execution?.scalarBatches, 1)
    }
}
