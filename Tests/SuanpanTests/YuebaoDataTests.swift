import Foundation
import Suanpan
import SuanpanRuntime
import SuanpanValues
import XCTest

/// The Yu'e Bao example against the fund's real published figures
/// (Examples/data/yuebao-2013-2014.csv: date, 万份收益, published 7-day yield in %).
/// The compound formula reproduces 420 of the 421 published yields; the one miss
/// is off by 0.001 because the fund computes from its unrounded daily income.
final class YuebaoDataTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testSevenDayYieldReproducesPublishedFigures() throws {
        let csv = try String(contentsOf: Self.root.appendingPathComponent("Examples/data/yuebao-2013-2014.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows.count, 427)
        guard case .success(let (program, _)) = Program.load(paths: [Self.root.appendingPathComponent("Examples/yuebao.suan").path]) else {
            return XCTFail("Examples/yuebao.suan does not load")
        }
        var matched = 0, compared = 0
        var misses: [String] = []
        for end in 6..<rows.count {
            let window = rows[(end - 6)...end].map { $0[1] }
            let published = try FixedDecimal.parse(Substring(rows[end][2]))
            guard case .value(.decimal(let fraction), _) = program.evaluate("YuEBao.seven_day_yield([\(window.joined(separator: ", "))])") else {
                return XCTFail("evaluation failed on \(rows[end][0])")
            }
            compared += 1
            let percent = try fraction.multiplied(by: FixedDecimal(100))
            if percent == published {
                matched += 1
            } else {
                misses.append("\(rows[end][0]): computed \(percent), published \(published)")
            }
        }
        XCTAssertEqual(compared, 421)
        XCTAssertEqual(matched, 420, "misses: \(misses)")
    }

    /// Three years of daily income reinvested, one published 万份收益 a day (the 427
    /// published days repeated in order to fill 3 × 365 days), against the same
    /// arithmetic done here directly: income = holding × R / 10,000, truncated to the cent.
    func testAHoldingCarriedThroughThreeYearsOfDailyIncome() throws {
        let csv = try String(contentsOf: Self.root.appendingPathComponent("Examples/data/yuebao-2013-2014.csv"), encoding: .utf8)
        let published = csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[1]) }
        let days = (0..<(3 * 365)).map { published[$0 % published.count] }
        guard case .success(let (program, _)) = Program.load(paths: [Self.root.appendingPathComponent("Examples/yuebao.suan").path]) else {
            return XCTFail("Examples/yuebao.suan does not load")
        }
        var holding = try FixedDecimal.parse("50000.00")
        let tenThousand = FixedDecimal(10_000), cent = try FixedDecimal.parse("0.01")
        for r in days {
            let income = try holding.multiplied(by: try FixedDecimal.parse(Substring(r))).divided(by: tenThousand)
                .rounded(toMultipleOf: cent, mode: .down)
            holding = try holding.adding(income)
        }
        let expected = "\(holding.formatted(minFractionDigits: 2, grouping: true)) CNY"
        guard case .value(let value, let type) = program.evaluate("YuEBao.holding_after(50000.00 CNY, [\(days.joined(separator: ", "))])") else {
            return XCTFail("the three-year holding did not evaluate")
        }
        XCTAssertEqual(Format.display(value, type), expected)
        XCTAssertGreaterThan(holding, try FixedDecimal.parse("56000"), "about 4% a year for 3 years on 50,000 CNY")
    }

    /// The holders scenario (Examples/yuebao_holders.suan) against the same days worked
    /// here: each holder's income reinvested day by day over the 427 published days, and
    /// the fund's fees on the holding (half-up to the cent on holding × annual rate / 365).
    func testTheHoldersScenarioAgreesWithTheDaysWorkedHere() throws {
        let csv = try String(contentsOf: Self.root.appendingPathComponent("Examples/data/yuebao-2013-2014.csv"), encoding: .utf8)
        let rs = try csv.split(separator: "\n").dropFirst().map { try FixedDecimal.parse(Substring($0.split(separator: ",")[1])) }
        guard case .success(let (program, _)) = Program.load(paths: [Self.root.appendingPathComponent("Examples/yuebao_holders.suan").path]) else {
            return XCTFail("Examples/yuebao_holders.suan does not load")
        }
        let tenThousand = FixedDecimal(10_000), cent = try FixedDecimal.parse("0.01")
        let management = try FixedDecimal.parse("0.0030")
        var incomes: [FixedDecimal] = [], fees: [FixedDecimal] = []
        for start in ["10000.00", "2000.00", "500000.00"] {
            var holding = try FixedDecimal.parse(start), income = FixedDecimal.zero, fee = FixedDecimal.zero
            for r in rs {
                fee = try fee.adding(try holding.multiplied(by: management).divided(by: FixedDecimal(365)).rounded(toMultipleOf: cent, mode: .halfUp))
                let earned = try holding.multiplied(by: r).divided(by: tenThousand).rounded(toMultipleOf: cent, mode: .down)
                income = try income.adding(earned)
                holding = try holding.adding(earned)
            }
            incomes.append(income)
            fees.append(fee)
        }
        func amounts(_ expr: String) throws -> [FixedDecimal] {
            guard case .value(.list(let items), _) = program.evaluate(expr) else { throw XCTSkip("\(expr) did not evaluate") }
            return items.compactMap { if case .money(let d, _) = $0 { return d } else { return nil } }
        }
        XCTAssertEqual(try amounts("[h.income for h in Holdings.by_id]"), incomes)
        XCTAssertEqual(try amounts("[h.management for h in Holdings.by_id]"), fees)
    }
}
