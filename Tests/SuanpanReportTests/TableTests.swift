import XCTest
@testable import SuanpanReport
import SuanpanValues

final class TableTests: XCTestCase {
    func testSampleTableLineByLine() throws {
        let text = Render.table(try Fixtures.sample())
        let expected = [
            "huabei — Huabei fees · CNY · 3 accounts, 3 charged · data/accounts.csv · 2 months, 2021-01 to 2021-02 · 1 row skipped",
            "",
            "period   interest    fee     total  charged",
            "───────  ────────  ─────  ────────  ───────",
            "2021-01  1,000.50  20.00  1,020.50        2",
            "2021-02  2,345.68   0.00  2,345.68        3",
            "───────  ────────  ─────  ────────  ───────",
            "total    3,346.18  20.00  3,366.18        3",
            "",
            "band  accounts  charged  interest    fee     total",
            "────  ────────  ───────  ────────  ─────  ────────",
            "A            2        2  3,000.00  20.00  3,020.00",
            "华东         1        1    346.18   0.00    346.18",
            "",
        ]
        XCTAssertEqual(text.components(separatedBy: "\n"), expected)
    }

    func testChineseKeysAlignByDisplayWidth() throws {
        let text = Render.table(try Fixtures.sample())
        let lines = text.components(separatedBy: "\n").filter { $0.hasPrefix("A ") || $0.hasPrefix("华东") || $0.hasPrefix("band") }
        XCTAssertEqual(lines.count, 3)
        // Every row of the breakdown table is as wide on screen, though 华东 is 2 characters for 4 columns.
        XCTAssertEqual(Set(lines.map(DisplayWidth.of)).count, 1)
        XCTAssertNotEqual(Set(lines.map(\.count)).count, 1)
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("华东"), 4)
        XCTAssertEqual(DisplayWidth.of("ｆｅｅ"), 6)       // fullwidth Latin
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)     // e + combining acute
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("─"), 1)            // ambiguous: narrow
        XCTAssertEqual(DisplayWidth.pad("华东", to: 6, right: true), "  华东")
        XCTAssertEqual(DisplayWidth.of("👨\u{200D}👩\u{200D}👧"), 2)  // one glyph
        XCTAssertEqual(DisplayWidth.of("\u{1112}\u{1161}\u{11AB}"), 2)  // 한 spelled in jamo
    }

    func testControlCharactersCannotBreakTheGridOrDriveTheTerminal() throws {
        var report = try Fixtures.sample()
        report.breakdowns[0].rows[0].key = "A\nB\u{1B}[31m"
        let text = Render.table(report)
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertTrue(text.contains("\nA B [31m         2        2  3,000.00  20.00  3,020.00\n"), text)
    }

    func testJPYHasNoDecimalsAndDailyKeysStayWhole() throws {
        let text = Render.table(try Fixtures.tiny())
        XCTAssertTrue(text.hasPrefix("t · JPY · 2 accounts, 1 charged · a.csv · 1 day, 2021-01-05\n"), text)
        XCTAssertTrue(text.contains("\n2021-01-05  1,200  1,200        1\n"), text)
    }

    func testPeriodLabels() {
        XCTAssertEqual(PeriodLabel.of("2021-01-01", period: "month"), "2021-01")
        XCTAssertEqual(PeriodLabel.of("2021-01-05", period: "day"), "2021-01-05")
        XCTAssertEqual(PeriodLabel.of("2021-01-01", period: "year"), "2021")
        XCTAssertEqual(PeriodLabel.of("total", period: "month"), "total")
    }

    func testMoneyRoundsOnlyForDisplay() throws {
        let format = AmountFormat(currency: "CNY")
        XCTAssertEqual(format.money(try dec("1234567.125")), "1,234,567.12")  // half-even
        XCTAssertEqual(format.money(try dec("-0.001")), "0.00")
        XCTAssertEqual(AmountFormat(currency: "KWD").money(try dec("1.5")), "1.500")
        XCTAssertEqual(AmountFormat(currency: "XYZ").money(try dec("1.5")), "1.50")  // unknown: 2 digits
    }

    func testEmptyReportStillHasTotals() {
        let zero = ScenarioReport.Row(key: "total", amounts: [], total: .zero, accounts: 0, charged: 0)
        let report = ScenarioReport(name: "e", title: nil, currency: "CNY", source: "", period: "month", lines: [],
                                    whole: zero, periods: [], breakdowns: [], skippedRows: 0)
        XCTAssertEqual(Render.table(report), "e · CNY · 0 accounts, 0 charged · no periods\n\nperiod  total  charged\n──────  ─────  ───────\ntotal    0.00        0\n")
    }

    func testBarsUseEighthBlocks() throws {
        var report = try Fixtures.tiny()
        report.period = "month"
        report.periods = [try row("2021-01-01", ["100"], "100", accounts: 1, charged: 1),
                          try row("2021-02-01", ["50"], "50", accounts: 1, charged: 1),
                          try row("2021-03-01", ["1"], "1", accounts: 1, charged: 1)]
        report.whole = try row("total", ["151"], "151", accounts: 1, charged: 1)
        let text = Render.bars(report, width: 4)
        XCTAssertEqual(text, """
        t · JPY by month
        2021-01  ████  100
        2021-02  ██     50
        2021-03  ▏       1
        total          151

        """)
    }

    // Largest total 2,400 over 10 columns: 2,345.678 is 78.2 eighths → 78 (9 full and ▊ = 6/8),
    // 1,040.50 is 34.7 → 35 (4 and ▍ = 3/8), 1,020.50 is 34.0 → 34 (4 and ▎ = 2/8).
    func testComparisonBars() throws {
        XCTAssertEqual(Render.bars(try Fixtures.comparison(), width: 10), """
        huabei_high_fee — Higher fee against huabei — Huabei fees · CNY
        2021-01  baseline  ████▎       1,020.50
                 variant   ████▍       1,040.50  +20.00
        2021-02  baseline  █████████▊  2,345.68
                 variant   ██████████  2,400.00  +54.32
        total: 3,366.18 → 3,440.50 (+74.32, +2.21%)

        """)
    }
}
