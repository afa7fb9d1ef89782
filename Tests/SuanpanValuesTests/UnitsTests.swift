import SuanpanValues
import XCTest

/// The facts about units agree with one another.
final class UnitsTests: XCTestCase {
    func testDurationWordsAreEveryPeriodAndAWeek() {
        let words = DurationWord.allCases.map(\.singular)
        XCTAssertEqual(words, ["day", "month", "year", "week"])
        XCTAssertEqual(Set(words + DurationWord.allCases.map(\.plural)).count, 2 * words.count, "a duration word is listed twice")
        for period in Period.allCases {
            let worth = DurationWord.period(period).worth
            XCTAssertEqual(worth.count, period.length.count)
            XCTAssertEqual(worth.unit, period.length.unit)
        }
        XCTAssertEqual(DurationWord(written: "weeks")?.worth.count, 7)
        XCTAssertNil(DurationWord(written: "fortnight"))
    }

    func testEachDurationUnitIsAPeriodOfLengthOne() {
        for unit in DurationUnit.allCases {
            XCTAssertEqual(unit.period.length.count, 1, "\(unit)")
            XCTAssertEqual(unit.period.length.unit, unit, "\(unit)")
        }
    }

    func testConventionalDaysAgreeWithLengths() {
        // A day-counted period is worth its own days; a month-counted one, whole months of 30 days or a 365-day year.
        XCTAssertEqual(Period.day.conventionalDays, 1)
        XCTAssertEqual(Period.month.conventionalDays, 30)
        XCTAssertEqual(Period.year.conventionalDays, 365)
        XCTAssertEqual(Set(Period.allCases.map(\.converter)).count, Period.allCases.count)
        XCTAssertEqual(Set(Period.allCases.map(\.adjective)).count, Period.allCases.count)
    }

    func testChoicesAreSpelledOut() {
        XCTAssertEqual(["day", "month", "year"].spelledOut(), "day, month or year")
        XCTAssertEqual(["a", "b"].spelledOut("and"), "a and b")
        XCTAssertEqual(["a"].spelledOut(), "a")
        XCTAssertEqual([String]().spelledOut(), "")
    }
}
