import Foundation
import XCTest
import Suanpan
import SuanpanData
import SuanpanRuntime
import SuanpanScenario
import SuanpanSyntax
import SuanpanValues

/// Scenarios through the public API: totals checked against the same rules worked
/// in plain integer cents here, shards that merge into the single run, partials
/// that refuse to merge when they do not belong together.
final class ScenarioTests: XCTestCase {
    struct Account {
        let id: String
        let cents: Int
        let late: Int
        let band: String
    }

    /// A deterministic population: a linear congruential generator, so the test
    /// needs no data file in the repository.
    static func accounts(_ count: Int) -> [Account] {
        var x: UInt64 = 12345
        func next() -> Int {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int(x >> 33)
        }
        return (0..<count).map { i in
            Account(id: "A\(i)", cents: next() % 5_000_000, late: next() % 90, band: ["A", "B", "C"][next() % 3])
        }
    }

    static let source = """
        record Account { id: string, balance: money<CNY>, late: int, band: string }
        product Card {
          param daily_rate: rate/day = 0.05%/day
            from 2021-02-01 = 0.04%/day
          param fee_rate: percent = 1.5%
        }
        population accounts: Account from "accounts.csv" {
          column balance = "balance_fen" in 0.01 CNY
        }
        scenario Book {
          for a in accounts
          from 2021-01-01 to 2021-03-01 by month
          state balance: money<CNY> = a.balance
          revenue interest = if a.late > 30 then round(balance * Card.daily_rate * period_days, 0.01, half_even) else 0 CNY
          revenue fee = if step == 0 then round(a.balance * Card.fee_rate, 0.01, half_even) else 0 CNY
          next balance = balance + interest
          by a.band
        }
        scenario Cheap = Book with Card { fee_rate = 1% }
        """

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("suanpan-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var csv = "id,balance_fen,late,band\n"
        for a in Self.accounts(1000) { csv += "\(a.id),\(a.cents),\(a.late),\(a.band)\n" }
        try csv.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        try Self.source.write(to: folder.appendingPathComponent("book.suan"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func load() throws -> Program {
        switch Program.load(paths: [folder.appendingPathComponent("book.suan").path]) {
        case .success(let (program, _)): return program
        case .failure(let failure): throw XCTSkip("does not load: \(failure.diagnostics)")
        }
    }

    /// Half-even rounding of a product of integers to cents, in integer arithmetic:
    /// `numerator / denominator` cents.
    static func halfEven(_ numerator: Int, _ denominator: Int) -> Int {
        let q = numerator / denominator, r = numerator % denominator
        if 2 * r > denominator || (2 * r == denominator && q % 2 == 1) { return q + 1 }
        return q
    }

    /// The same rules worked in cents: interest = balance × rate × days (rate in
    /// hundred-thousandths), fee = 1.5% (or `feePerMille`) of the opening balance.
    static func expected(feePerMille: Int) -> (interest: Int, fee: Int, byBand: [String: Int]) {
        let steps = [(days: 31, rate: 50), (days: 28, rate: 40), (days: 31, rate: 40)]   // rate per 100,000
        var interest = 0, fee = 0
        var byBand: [String: Int] = [:]
        for a in accounts(1000) {
            var balance = a.cents
            var earned = halfEven(a.cents * feePerMille, 1000)
            fee += earned
            if a.late > 30 {
                for s in steps {
                    let i = halfEven(balance * s.rate * s.days, 100_000)
                    interest += i
                    earned += i
                    balance += i
                }
            }
            byBand[a.band, default: 0] += earned
        }
        return (interest, fee, byBand)
    }

    func cents(_ d: FixedDecimal) -> Int? { (try? d.multiplied(by: FixedDecimal(100)))?.intValue }

    func testTotalsMatchTheRulesWorkedInCents() throws {
        let program = try load()
        guard let index = program.checked.scenario(named: "Book") else { return XCTFail("no scenario Book") }
        let run = try program.runScenario(index)
        let expected = Self.expected(feePerMille: 15)
        XCTAssertEqual(run.totals.whole.accounts, 1000)
        XCTAssertEqual(cents(run.totals.whole.lines[0]), expected.interest)
        XCTAssertEqual(cents(run.totals.whole.lines[1]), expected.fee)
        let report = program.partial(of: run, overrides: []).report()
        XCTAssertEqual(report.breakdowns.first?.rows.map(\.key), ["A", "B", "C"])
        for row in report.breakdowns.first?.rows ?? [] {
            XCTAssertEqual(cents(row.total), expected.byBand[row.key], "band \(row.key)")
        }
    }

    func testAVariantRunsItsBaseWithTheChanges() throws {
        let program = try load()
        guard let index = program.checked.scenario(named: "Cheap") else { return XCTFail("no scenario Cheap") }
        let run = try program.runScenario(index)
        XCTAssertEqual(cents(run.totals.whole.lines[1]), Self.expected(feePerMille: 10).fee)
        XCTAssertEqual(cents(run.totals.whole.lines[0]), Self.expected(feePerMille: 10).interest)
    }

    /// Shards of any count merge into exactly the single run's totals and report.
    func testShardsMergeIntoTheSingleRun() throws {
        let whole = try load()
        guard let index = whole.checked.scenario(named: "Book") else { return XCTFail("no scenario Book") }
        let single = whole.partial(of: try whole.runScenario(index), overrides: [])
        for count in [1, 3, 7] {
            var parts: [(name: String, partial: ScenarioPartial)] = []
            for k in (0..<count).reversed() {
                let program = try load()
                program.shard = Shard(index: k, count: count)
                let partial = program.partial(of: try program.runScenario(index), overrides: [])
                // Through the file format, as `suanpan merge` reads it.
                let read = try ScenarioPartial.read(Data(partial.json().utf8), name: "part\(k)")
                XCTAssertEqual(read, partial)
                parts.append(("part\(k)", read))
            }
            let merged = try ScenarioPartial.merge(parts)
            XCTAssertEqual(merged.totals, single.totals, "\(count) shards")
            XCTAssertEqual(merged.report(), single.report(), "\(count) shards")
        }
    }

    func testPartialsThatDoNotBelongTogetherAreRefused() throws {
        let index = try XCTUnwrap(try load().checked.scenario(named: "Book"))
        func part(_ k: Int, of n: Int, overrides: [String] = []) throws -> ScenarioPartial {
            let program = try load()
            program.shard = Shard(index: k, count: n)
            return program.partial(of: try program.runScenario(index), overrides: overrides)
        }
        let a = try part(0, of: 2), b = try part(1, of: 2)
        XCTAssertNoThrow(try ScenarioPartial.merge([("a", a), ("b", b)]))
        func refusal(_ parts: [(String, ScenarioPartial)]) -> String {
            do {
                _ = try ScenarioPartial.merge(parts.map { (name: $0.0, partial: $0.1) })
                return "merged"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(refusal([("a", a)]), "shards missing: 2/2 (give every shard's partial)")
        XCTAssertEqual(refusal([("a", a), ("a2", a)]), "a2 repeats shard 1/2")
        let third = try part(1, of: 3)
        XCTAssertEqual(refusal([("a", a), ("t", third)]), "t does not belong with a: it is one of 3 shards, not 2")
        let cut = try part(1, of: 2, overrides: ["Card.fee_rate=1%"])
        XCTAssertTrue(refusal([("a", a), ("c", cut)]).hasPrefix("c does not belong with a: its what-ifs differ"))
        var otherData = b
        otherData.identity.dataHash = "0000000000000000"
        XCTAssertTrue(refusal([("a", a), ("d", otherData)]).contains("another population file"))
    }

    func testAPopulationIsAListOfItsRows() throws {
        let program = try load()
        let value = program.evaluate("sum([a.balance for a in accounts])")
        guard case .value(.money(let amount, let currency), _) = value else { return XCTFail("\(value)") }
        XCTAssertEqual(currency.code, "CNY")
        XCTAssertEqual(cents(amount), Self.accounts(1000).reduce(0) { $0 + $1.cents })
    }

    func testAnInterruptStopsARun() throws {
        let program = try load()
        program.machine.interruptRequested = { true }
        let index = try XCTUnwrap(program.checked.scenario(named: "Book"))
        XCTAssertThrowsError(try program.runScenario(index)) { error in
            XCTAssertEqual((error as? RuntimeError)?.message, "interrupted")
        }
    }

    /// A partial result is a file like any other input: a damaged one is refused with why.
    func testADamagedPartialIsRefusedWithWhy() throws {
        let program = try load()
        let index = try XCTUnwrap(program.checked.scenario(named: "Book"))
        let good = program.partial(of: try program.runScenario(index), overrides: []).json()
        func why(_ text: String) -> String {
            do {
                _ = try ScenarioPartial.read(Data(text.utf8), name: "p.json")
                return "read"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(why(String(good.prefix(40))), "p.json: not a JSON object: write partials with suanpan run --shard K/N --partial FILE")
        XCTAssertEqual(why(good.replacingOccurrences(of: "\"shard_count\": 1,", with: "\"shard_count\": 1000000000000,")),
                       "p.json: \"shard_count\" is 1000000000000; a run has 1 to 1,000,000 shards")
        XCTAssertEqual(why(good.replacingOccurrences(of: "\"shards\": [0]", with: "\"shards\": [0, 0]")),
                       "p.json: \"shards\" is not a list of distinct shard numbers below 1")
        XCTAssertTrue(why(good.replacingOccurrences(of: "suanpan-partial/1", with: "other")).contains("not a Suanpan partial result"))
        XCTAssertEqual(why(good), "read")
    }
}
