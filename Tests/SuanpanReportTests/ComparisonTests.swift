import XCTest
@testable import SuanpanReport
import SuanpanValues

final class ComparisonTests: XCTestCase {
    // Worked out by hand: interest 3346.178 → 3400.5 is +54.322, 54.322 / 3346.178 = 1.6234% → 1.62%;
    // fee 20 → 40 is +100%; total 3366.178 → 3440.5 is +74.322, 2.2079% → 2.21%;
    // band A 3020 → 3040 is 20 / 3020 = 0.662% → 0.66%; 华东 346.178 → 400.5 is 15.6919% → 15.69%.
    func testComparisonTables() throws {
        let text = Render.comparison(try Fixtures.comparison())
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(Array(lines.prefix(14)), [
            "huabei_high_fee — Higher fee against huabei — Huabei fees · CNY",
            "changes:",
            "  Huabei.fee_rate = 2%",
            "",
            "line      baseline   variant  change  change %",
            "────────  ────────  ────────  ──────  ────────",
            "interest  3,346.18  3,400.50  +54.32    +1.62%",
            "fee          20.00     40.00  +20.00  +100.00%",
            "────────  ────────  ────────  ──────  ────────",
            "total     3,366.18  3,440.50  +74.32    +2.21%",
            "",
            "band  baseline   variant  change  change %",
            "────  ────────  ────────  ──────  ────────",
            "A     3,020.00  3,040.00  +20.00    +0.66%",
        ])
        XCTAssertTrue(lines.contains("华东    346.18    400.50  +54.32   +15.69%"), text)
    }

    func testPercentChangeWithZeroBaselineIsADash() throws {
        var c = try Fixtures.comparison()
        c.baseline.lines.append("bonus")
        c.variant.lines.append("bonus")
        c.baseline.whole.amounts.append(.zero)
        c.variant.whole.amounts.append(try dec("5"))
        let text = Render.comparison(c)
        XCTAssertTrue(text.contains("\nbonus         0.00      5.00   +5.00         —\n"), text)
        XCTAssertEqual(PercentChange.of(.zero, base: .zero), .undefined)
        XCTAssertEqual(PercentChange.of(.zero, base: .zero).text, "—")
    }

    func testPercentChangeRoundsOnceAndUsesTheBaselineMagnitude() throws {
        XCTAssertEqual(PercentChange.change(Delta(baseline: try dec("3"), variant: try dec("4"))).text, "+33.33%")
        XCTAssertEqual(PercentChange.change(Delta(baseline: try dec("3"), variant: try dec("1"))).text, "-66.67%")
        // From -100 to -50 is a rise: +50%, not -50%.
        XCTAssertEqual(PercentChange.change(Delta(baseline: try dec("-100"), variant: try dec("-50"))).text, "+50.00%")
        XCTAssertEqual(PercentChange.change(Delta(baseline: try dec("8"), variant: try dec("8"))).text, "0.00%")
        // 0.00005 of 1 is 0.005%: half-even to 0.00% (4th digit of the ratio is 0, the 5 is a tie to even).
        XCTAssertEqual(PercentChange.of(try dec("0.00005"), base: .one).text, "0.00%")
        XCTAssertEqual(PercentChange.of(try dec("0.00015"), base: .one).text, "+0.02%")
    }

    func testRowsAreMatchedByKeyAndLineByName() throws {
        var c = try Fixtures.comparison()
        // The variant moves 华东 into a new segment 华南 and declares its lines in the other order.
        c.variant.breakdowns[0].rows[1].key = "华南"
        c.variant.lines = ["fee", "interest"]
        c.variant.whole.amounts = [try dec("40"), try dec("3400.5")]
        let model = ComparisonModel(c)
        XCTAssertEqual(model.lines, ["interest", "fee"])
        XCTAssertEqual(model.whole.lines[0], Delta(baseline: try dec("3346.178"), variant: try dec("3400.5")))
        XCTAssertEqual(model.breakdowns[0].rows.map(\.key), ["A", "华东", "华南"])
        XCTAssertEqual(model.breakdowns[0].rows[1].total, Delta(baseline: try dec("346.178"), variant: .zero))
        XCTAssertEqual(model.breakdowns[0].rows[2].total, Delta(baseline: .zero, variant: try dec("400.5")))
    }

    func testOverflowingChangeIsShownNotTrapped() throws {
        var c = try Fixtures.comparison()
        c.baseline.whole.total = .minimum
        c.variant.whole.total = .maximum
        let text = Render.comparison(c)
        XCTAssertTrue(text.contains("overflow"), text)
        XCTAssertTrue(text.contains("What accounts for the change: cannot be worked out: arithmetic overflow"), text)
        XCTAssertTrue(Render.csv(c).contains("\r\ntotal,total,interest,3346.178,3400.5,54.322\r\n"))
        XCTAssertThrowsError(try Explain.change(c)) { XCTAssertEqual($0 as? ArithmeticError, .overflow) }
        XCTAssertTrue(Render.json(c).contains("\"change\": null"))
        XCTAssertTrue(Render.html(c.baseline, comparison: c).contains("Cannot be worked out"))
        XCTAssertTrue(Render.svg(c).contains("</svg>"))
    }
}
