import Foundation
import Suanpan
import SuanpanLibrary
import SuanpanRuntime
import SuanpanValues
import XCTest

/// The calendar plugin: every function against Python's `datetime` and `calendar` modules
/// (the figures next to each assertion), agreement with the language's own date operators,
/// the billing-cycle conventions, and clear errors.
final class CalendarTests: XCTestCase {
    private let eval = LibraryEvaluator()

    func e(_ text: String) -> String { eval.show(text) }

    func testTheFunctions() {
        XCTAssertEqual(StandardLibrary.calendar.functions.map(\.name).sorted(), [
            "add_days", "add_months", "day_of_month", "days_between", "days_in_month", "end_of_month",
            "interest_free_period", "is_leap_year", "overdue_days", "payment_due_date", "start_of_month",
            "statement_date", "weekday",
        ])
    }

    func testAddDays() {
        // Python: date(2020,2,28) + timedelta(2) = 2020-03-01; date(2019,2,28) + 1 = 2019-03-01
        XCTAssertEqual(e("calendar.add_days(2020-02-28, 2 days)"), "2020-03-01 : date")
        XCTAssertEqual(e("add_days(2019-02-28, 1)"), "2019-03-01 : date")
        XCTAssertEqual(e("add_days(2020-03-01, -1 days)"), "2020-02-29 : date")
        XCTAssertEqual(e("add_days(2020-07-01, 40 days)"), "2020-08-10 : date")
        XCTAssertEqual(e("add_days(9999-12-30, 1)"), "9999-12-31 : date")
    }

    func testAddMonthsFollowsTheMonthEndRule() {
        // Python (calendar.monthrange clamp): 2020-01-31 +1 → 2020-02-29; 2021-01-31 +1 → 2021-02-28;
        // 2020-03-31 −1 → 2020-02-29; 2020-02-29 +12 → 2021-02-28; 2020-05-31 +1 → 2020-06-30;
        // 2020-01-31 +13 → 2021-02-28
        XCTAssertEqual(e("calendar.add_months(2020-01-31, 1)"), "2020-02-29 : date")
        XCTAssertEqual(e("add_months(2021-01-31, 1)"), "2021-02-28 : date")
        XCTAssertEqual(e("add_months(2020-03-31, -1)"), "2020-02-29 : date")
        XCTAssertEqual(e("add_months(2020-02-29, 12 months)"), "2021-02-28 : date")
        XCTAssertEqual(e("add_months(2020-05-31, 1)"), "2020-06-30 : date")
        XCTAssertEqual(e("add_months(2020-01-31, 13)"), "2021-02-28 : date")
    }

    func testAgreesWithTheLanguage() {
        guard let program = eval.program else { return XCTFail("the standard plugins did not load") }
        // Every day of 2019-2020 (a common and a leap year) against `d + n months`, `d + k days`,
        // `b - a` and `d.weekday`/`d.day`.
        var checked = 0
        var day = CivilDate(year: 2019, month: 1, day: 1)
        while let d = day, d.year <= 2020 {
            let n = checked % 27 - 13
            let text = "calendar.add_months(\(d), \(n)) == \(d) + \(n) * 1 month"
                + " and calendar.add_days(\(d), \(n * 7) days) == \(d) + \(n * 7) days"
                + " and calendar.days_between(\(d), 2020-07-01) == 2020-07-01 - \(d)"
                + " and calendar.weekday(\(d)) == (\(d)).weekday and calendar.day_of_month(\(d)) == (\(d)).day"
            guard case .value(.bool(true), _) = program.evaluate(text) else {
                return XCTFail("calendar and the language disagree on \(d): \(e(text))")
            }
            checked += 1
            day = try? d.adding(days: 1)
        }
        XCTAssertEqual(checked, 731)
    }

    func testDaysBetweenAndWeekday() {
        // Python: (date(2021,1,1) − date(2020,1,1)).days = 366; reversed −366; 2020-07-01 → 08-10 = 40
        XCTAssertEqual(e("calendar.days_between(2020-01-01, 2021-01-01)"), "366 days : days")
        XCTAssertEqual(e("days_between(2021-01-01, 2020-01-01)"), "-366 days : days")
        XCTAssertEqual(e("days_between(2020-07-01, 2020-08-10)"), "40 days : days")
        // Python isoweekday: 2020-07-01 → 3, 2014-01-02 → 4, 2000-01-01 → 6, 0001-01-01 → 1, 9999-12-31 → 5
        XCTAssertEqual(e("calendar.weekday(2020-07-01)"), "3 : int")
        XCTAssertEqual(e("weekday(2014-01-02)"), "4 : int")
        XCTAssertEqual(e("weekday(2000-01-01)"), "6 : int")
        XCTAssertEqual(e("weekday(0001-01-01)"), "1 : int")
        XCTAssertEqual(e("weekday(9999-12-31)"), "5 : int")
    }

    func testMonthFunctions() {
        // Python calendar.monthrange(2020, m)[1] for m = 1…12
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (i, n) in lengths.enumerated() {
            let month = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
            XCTAssertEqual(e("calendar.days_in_month(2020-\(month)-15)"), "\(n) : int")
            XCTAssertEqual(e("days_in_month(2020, \(i + 1))"), "\(n) : int")
            XCTAssertEqual(e("end_of_month(2020-\(month)-15)"), "2020-\(month)-\(n) : date")
            XCTAssertEqual(e("start_of_month(2020-\(month)-15)"), "2020-\(month)-01 : date")
        }
        // monthrange: 1900-02 → 28, 2000-02 → 29, 2023-02 → 28
        XCTAssertEqual(e("days_in_month(1900, 2)"), "28 : int")
        XCTAssertEqual(e("days_in_month(2000-02-01)"), "29 : int")
        XCTAssertEqual(e("days_in_month(2023, 2)"), "28 : int")
        XCTAssertEqual(e("day_of_month(2020-07-31)"), "31 : int")
        XCTAssertEqual(e("start_of_month(0001-01-31)"), "0001-01-01 : date")
        XCTAssertEqual(e("end_of_month(9999-12-01)"), "9999-12-31 : date")
        // calendar.isleap: 1900 False, 2000 True, 2020 True, 2023 False
        XCTAssertEqual(e("calendar.is_leap_year(1900)"), "false : bool")
        XCTAssertEqual(e("is_leap_year(2000)"), "true : bool")
        XCTAssertEqual(e("is_leap_year(2020-07-01)"), "true : bool")
        XCTAssertEqual(e("is_leap_year(2023-07-01)"), "false : bool")
    }

    func testStatementDates() {
        // Statement day 1: all of June on the July 1 statement, July 1 on August 1's.
        XCTAssertEqual(e("calendar.statement_date(2020-06-01, 1)"), "2020-07-01 : date")
        XCTAssertEqual(e("statement_date(2020-06-30, 1)"), "2020-07-01 : date")
        XCTAssertEqual(e("statement_date(2020-07-01, 1)"), "2020-08-01 : date")
        XCTAssertEqual(e("statement_date(2020-12-31, 1)"), "2021-01-01 : date")
        // statement day 31 clamps to the month's end (Python: min(31, monthrange))
        XCTAssertEqual(e("statement_date(2020-01-31, 31)"), "2020-02-29 : date")
        XCTAssertEqual(e("statement_date(2020-02-10, 31)"), "2020-02-29 : date")
        XCTAssertEqual(e("statement_date(2020-02-29, 31)"), "2020-03-31 : date")
        XCTAssertEqual(e("statement_date(2021-04-29, 31)"), "2021-04-30 : date")
        XCTAssertEqual(e("statement_date(2021-04-30, 31)"), "2021-05-31 : date")
        // inclusive: the statement day's own purchases are on that statement
        XCTAssertEqual(e("statement_date(2020-06-20, 20)"), "2020-07-20 : date")
        XCTAssertEqual(e("statement_date(2020-06-20, 20, true)"), "2020-06-20 : date")
        XCTAssertEqual(e("statement_date(2020-06-21, 20, true)"), "2020-07-20 : date")
    }

    func testDueDates() {
        // Huabei: statement 08-01, due day 10 → 08-10 (9 for some users); a card: 06-20, due 8 → 07-08
        XCTAssertEqual(e("calendar.payment_due_date(2020-08-01, 10)"), "2020-08-10 : date")
        XCTAssertEqual(e("payment_due_date(2020-08-01, 9)"), "2020-08-09 : date")
        XCTAssertEqual(e("payment_due_date(2020-06-20, 8)"), "2020-07-08 : date")
        XCTAssertEqual(e("payment_due_date(2020-12-20, 8)"), "2021-01-08 : date")
        // due day = statement day: a month later; due days beyond the month clamp
        XCTAssertEqual(e("payment_due_date(2020-08-01, 1)"), "2020-09-01 : date")
        XCTAssertEqual(e("payment_due_date(2020-01-31, 30)"), "2020-02-29 : date")
        XCTAssertEqual(e("payment_due_date(2021-01-30, 30)"), "2021-02-28 : date")
        XCTAssertEqual(e("payment_due_date(2021-01-31, 31)"), "2021-02-28 : date")
    }

    func testInterestFreePeriods() {
        // PRODUCTS.md §2 (statement 1st, due 10th): 2020-07-01 → 40 days, 2020-07-31 → 10 days.
        XCTAssertEqual(e("calendar.interest_free_period(2020-07-01, 1, 10)"), "40 days : days")
        XCTAssertEqual(e("interest_free_period(2020-07-31, 1, 10)"), "10 days : days")
        // Python: 2020-07-15 → 2020-08-10 = 26; due on the 9th: 39; February: 38 (2020), 37 (2021)
        XCTAssertEqual(e("interest_free_period(2020-07-15, 1, 10)"), "26 days : days")
        XCTAssertEqual(e("interest_free_period(2020-07-01, 1, 9)"), "39 days : days")
        XCTAssertEqual(e("interest_free_period(2020-02-01, 1, 10)"), "38 days : days")
        XCTAssertEqual(e("interest_free_period(2021-02-01, 1, 10)"), "37 days : days")
        XCTAssertEqual(e("interest_free_period(2020-12-15, 1, 10)"), "26 days : days")
        // statement 20th, due 8th: 06-19 → 07-08 = 19; 06-20 → 08-08 = 49; 06-21 → 48; inclusive 06-20 → 18
        XCTAssertEqual(e("interest_free_period(2020-06-19, 20, 8)"), "19 days : days")
        XCTAssertEqual(e("interest_free_period(2020-06-20, 20, 8)"), "49 days : days")
        XCTAssertEqual(e("interest_free_period(2020-06-21, 20, 8)"), "48 days : days")
        XCTAssertEqual(e("interest_free_period(2020-06-20, 20, 8, true)"), "18 days : days")
        // the same as Examples/huabei.suan's rule, which computes the due date by hand
        guard let program = eval.program else { return XCTFail("the standard plugins did not load") }
        var day = CivilDate(year: 2020, month: 1, day: 1)
        while let d = day, d.year == 2020 {
            let byHand = "(\(d) - (\(d).day - 1) * 1 day + 1 month + 9 days) - \(d)"
            guard case .value(.bool(true), _) = program.evaluate("calendar.interest_free_period(\(d), 1, 10) == \(byHand)") else {
                return XCTFail("disagree on \(d): \(e("calendar.interest_free_period(\(d), 1, 10)")) vs \(e(byHand))")
            }
            day = try? d.adding(days: 1)
        }
    }

    func testOverdueDays() {
        // from the day after the due date; never negative
        XCTAssertEqual(e("calendar.overdue_days(2020-08-10, 2020-08-10)"), "0 days : days")
        XCTAssertEqual(e("overdue_days(2020-08-10, 2020-08-11)"), "1 day : days")
        XCTAssertEqual(e("overdue_days(2020-08-10, 2020-09-09)"), "30 days : days")
        XCTAssertEqual(e("overdue_days(2020-08-10, 2020-08-01)"), "0 days : days")
    }

    func testRuntimeErrors() {
        XCTAssertEqual(e("statement_date(2020-06-01, 0)"),
                       "runtime: statement_date: argument 2 ('statement_day') must be a day of the month, 1 to 31, not 0")
        XCTAssertEqual(e("statement_date(2020-06-01, 32)"),
                       "runtime: statement_date: argument 2 ('statement_day') must be a day of the month, 1 to 31, not 32")
        XCTAssertEqual(e("payment_due_date(2020-06-01, -1)"), "runtime: payment_due_date: argument 2 ('due_day') must be a day of the month, 1 to 31, not -1")
        XCTAssertEqual(e("interest_free_period(2020-06-01, 1, 40)"), "runtime: interest_free_period: argument 3 ('due_day') must be a day of the month, 1 to 31, not 40")
        XCTAssertEqual(e("statement_date(9999-12-31, 1)"),
                       "runtime: the statement for a purchase on 9999-12-31 would fall after 9999-12-31")
        XCTAssertEqual(e("payment_due_date(9999-12-20, 8)"),
                       "runtime: the due date of a statement on 9999-12-20 would fall after 9999-12-31")
        XCTAssertEqual(e("add_days(9999-12-31, 1)"), "runtime: 9999-12-31 + 1 days is outside the calendar (years 1 to 9999)")
        XCTAssertEqual(e("add_months(0001-01-31, -1)"), "runtime: 0001-01-31 + -1 months is outside the calendar (years 1 to 9999)")
        XCTAssertEqual(e("add_days(2020-01-01, 100000000000000000000)"), "runtime: add_days: argument 2 ('days') is too large: 100000000000000000000")
        XCTAssertEqual(e("days_in_month(2020, 13)"), "runtime: days_in_month: argument 2 ('month') must be 1 to 12, not 13")
        XCTAssertEqual(e("days_in_month(0, 1)"), "runtime: days_in_month: argument 1 ('year') must be 1 to 9999, not 0")
        XCTAssertEqual(e("is_leap_year(10000)"), "runtime: is_leap_year: argument 1 ('year') must be 1 to 9999, not 10000")
    }

    func testArgumentErrors() {
        XCTAssertTrue(e("add_days(2020-01-01, 1 month)").hasPrefix(
            "check: argument 2 ('days') of 'calendar.add_days' must be days, found months"))
        XCTAssertTrue(e("add_months(2020-01-01, 1.5)").hasPrefix(
            "check: argument 2 ('months') of 'calendar.add_months' must be int, found number"))
        XCTAssertEqual(e("statement_date(\"2020-06-01\", 1)"),
                       "check: argument 1 ('purchase') of 'calendar.statement_date' must be date, found string")
        XCTAssertEqual(e("statement_date(2020-06-01, 1.5)"),
                       "check: argument 2 ('statement_day') of 'calendar.statement_date' must be int, found number")
        XCTAssertEqual(e("interest_free_period(2020-06-01, 1, 10, 1)"),
                       "check: argument 4 ('inclusive') of 'calendar.interest_free_period' must be bool, found int")
        XCTAssertEqual(e("days_between(2020-06-01, 5 days)"),
                       "check: argument 2 ('to') of 'calendar.days_between' must be date, found days")
        XCTAssertTrue(e("weekday(2020-06-01, 2020-06-02)").hasPrefix("check: wrong number of arguments to 'calendar.weekday': 2 given"))
    }
}
