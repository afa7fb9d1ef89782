import XCTest
@testable import SuanpanReport
import SuanpanValues

final class ExplainTests: XCTestCase {
    func testContributionsOfTheSample() throws {
        let c = try Fixtures.comparison()
        let contributions = try Explain.change(c)
        XCTAssertEqual(contributions, [
            Contribution(line: "interest", breakdown: "band", segment: "华东",
                         baseline: try dec("346.178"), variant: try dec("400.5"), change: try dec("54.322")),
            Contribution(line: "fee", breakdown: "band", segment: "A",
                         baseline: try dec("20"), variant: try dec("40"), change: try dec("20")),
        ])
        XCTAssertEqual(try Explain.sum(contributions), try Explain.totalChange(c))
        XCTAssertEqual(try Explain.totalChange(c), try dec("74.322"))
    }

    // Shares: 54.322 / 74.322 = 73.0901% and 20 / 74.322 = 26.9099%.
    func testExplanationText() throws {
        XCTAssertEqual(Render.explanation(try Fixtures.comparison()), """
        What accounts for the change of +74.32:
        line      band  baseline  variant  change    share
        ────────  ────  ────────  ───────  ──────  ───────
        interest  华东    346.18   400.50  +54.32  +73.09%
        fee       A        20.00    40.00  +20.00  +26.91%
        sum of 2 contributions: +74.32 = total change +74.32

        """)
    }

    func testWithoutBreakdownEachLineContributes() throws {
        var c = try Fixtures.comparison()
        c.baseline.breakdowns = []
        c.variant.breakdowns = []
        let contributions = try Explain.change(c)
        XCTAssertEqual(contributions.map(\.line), ["interest", "fee"])
        XCTAssertEqual(contributions.map(\.segment), [nil, nil])
        XCTAssertEqual(contributions.map(\.change), [try dec("54.322"), try dec("20")])
    }

    func testWhatNoSegmentCoversIsAContributionOfItsOwn() throws {
        var c = try Fixtures.comparison()
        c.baseline.breakdowns[0].rows.removeFirst()  // drop band A on both sides
        c.variant.breakdowns[0].rows.removeFirst()
        let contributions = try Explain.change(c)
        XCTAssertEqual(contributions.map(\.segment), ["华东", nil])
        XCTAssertEqual(contributions[1].line, "fee")
        XCTAssertEqual(contributions[1].change, try dec("20"))
        XCTAssertEqual(Render.segmentLabel(contributions[1]), "(outside any band)")
        XCTAssertEqual(try Explain.sum(contributions), try dec("74.322"))
    }

    func testTotalsBeyondTheirLinesAreUnattributed() throws {
        var c = try Fixtures.comparison()
        c.variant.whole.total = try dec("3441")  // 0.5 more than its lines
        let contributions = try Explain.change(c)
        XCTAssertEqual(contributions.last?.line, Contribution.unattributed)
        XCTAssertEqual(contributions.last?.change, try dec("0.5"))
        XCTAssertEqual(try Explain.sum(contributions), try dec("74.822"))
    }

    func testTiesGoInLineOrderThenSegmentOrder() throws {
        var c = try Fixtures.comparison()
        // fee: A +10, 华东 -10; interest: A -10; the three tie at 10 and keep line, then segment order.
        c.variant.breakdowns[0].rows[0].amounts = [try dec("2990"), try dec("30")]
        c.variant.breakdowns[0].rows[1].amounts = [try dec("346.178"), try dec("-10")]
        c.variant.whole.amounts = [try dec("3336.178"), try dec("20")]
        c.variant.whole.total = try dec("3356.178")
        let contributions = try Explain.change(c)
        XCTAssertEqual(contributions.map { "\($0.line)/\($0.segment ?? "-")" }, ["interest/A", "fee/A", "fee/华东"])
        XCTAssertEqual(try Explain.sum(contributions), try dec("-10"))
    }

    func testNoChangeIsExplainedAsNothing() throws {
        let report = try Fixtures.sample()
        let c = ScenarioComparison(baseline: report, variant: report, changes: [])
        XCTAssertEqual(try Explain.change(c), [])
        XCTAssertTrue(Render.explanation(c).hasSuffix("  nothing: the totals are equal\n"))
    }

    /// Random reports whose breakdown partitions the accounts, and others whose breakdown does not:
    /// the contributions always add up, in exact decimal arithmetic, to the total change.
    func testContributionsSumExactlyToTheTotalChange() throws {
        var random = SplitMix(seed: 20211)
        for _ in 0..<200 {
            let lines = (0..<random.int(1...4)).map { "line\($0)" }
            let keys = (0..<random.int(0...5)).map { "seg\($0)" }
            let baseline = try randomReport(lines: lines, keys: keys, random: &random)
            let variant = try randomReport(lines: lines, keys: keys.filter { _ in random.int(0...3) > 0 }, random: &random)
            let c = ScenarioComparison(baseline: baseline, variant: variant, changes: [])
            let contributions = try Explain.change(c)
            XCTAssertEqual(try Explain.sum(contributions), try Explain.totalChange(c))
            XCTAssertFalse(contributions.contains { $0.change.signum == 0 })
            XCTAssertEqual(contributions.map(\.change.magnitude), contributions.map(\.change.magnitude).sorted(by: >))
        }
    }

    func randomReport(lines: [String], keys: [String], random: inout SplitMix) throws -> ScenarioReport {
        var rows: [ScenarioReport.Row] = []
        for key in keys {
            // Amounts with 3 decimals, some negative (refunds), many zero.
            let amounts = lines.map { _ in FixedDecimal(units: Int128(random.int(-2_000_000...9_000_000) / 3 * 3) * 1_000_000_000_000_000) }
            var total = FixedDecimal.zero
            for a in amounts { total = try total.adding(a) }
            rows.append(ScenarioReport.Row(key: key, amounts: amounts, total: total, accounts: 1, charged: 1))
        }
        // The whole: the segments' sums, plus sometimes an amount outside every segment.
        var wholeAmounts: [FixedDecimal] = []
        for (i, _) in lines.enumerated() {
            var sum = random.int(0...2) == 0 ? FixedDecimal(random.int(-50...50)) : .zero
            for row in rows { sum = try sum.adding(row.amounts[i]) }
            wholeAmounts.append(sum)
        }
        var total = random.int(0...4) == 0 ? FixedDecimal(units: 1) : .zero  // rarely a total beyond its lines
        for a in wholeAmounts { total = try total.adding(a) }
        let whole = ScenarioReport.Row(key: "total", amounts: wholeAmounts, total: total, accounts: keys.count, charged: 0)
        return ScenarioReport(name: "r", title: nil, currency: "CNY", source: "", period: "month", lines: lines,
                              whole: whole, periods: [], breakdowns: keys.isEmpty && random.int(0...1) == 0 ? []
                                  : [ScenarioReport.Breakdown(name: "seg", rows: rows)], skippedRows: 0)
    }
}

/// A small deterministic generator (SplitMix64), so that failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }
}
