import XCTest
@testable import SuanpanValues

final class CivilDateTests: XCTestCase {
    func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> CivilDate {
        try XCTUnwrap(CivilDate.parse(Substring(text)), "not a date: \(text)", file: file, line: line)
    }

    func testEpochAndRange() throws {
        XCTAssertEqual(try date("1970-01-01").dayNumber, 0)
        XCTAssertEqual(try date("1970-01-02").dayNumber, 1)
        XCTAssertEqual(try date("1969-12-31").dayNumber, -1)
        XCTAssertEqual(try date("2000-03-01").dayNumber, 11_017)
        XCTAssertEqual(try date("0001-01-01").dayNumber, CivilDate.minimumDayNumber)
        XCTAssertEqual(try date("9999-12-31").dayNumber, CivilDate.maximumDayNumber)
        XCTAssertNil(CivilDate(dayNumber: Int(CivilDate.minimumDayNumber) - 1))
        XCTAssertNil(CivilDate(dayNumber: Int(CivilDate.maximumDayNumber) + 1))
        XCTAssertEqual(CivilDate(dayNumber: 18_443)?.description, "2020-06-30")
    }

    func testRoundTripOverEveryDayOfSomeYears() throws {
        for year in [1, 4, 100, 400, 1600, 1900, 1969, 1970, 2000, 2020, 2021, 2100, 9999] {
            var expected = CivilDate(year: year, month: 1, day: 1)?.dayNumber
            for month in 1...12 {
                for day in 1...CivilDate.daysInMonth(year: year, month: month) {
                    let d = try XCTUnwrap(CivilDate(year: year, month: month, day: day))
                    XCTAssertEqual(d.dayNumber, expected)
                    XCTAssertEqual(d.year, year)
                    XCTAssertEqual(d.month, month)
                    XCTAssertEqual(d.day, day)
                    XCTAssertEqual(CivilDate.parse(Substring(d.description)), d)
                    expected = expected.map { $0 + 1 }
                }
            }
        }
    }

    func testLeapYears() {
        XCTAssertTrue(CivilDate.isLeapYear(2020))
        XCTAssertTrue(CivilDate.isLeapYear(2000))
        XCTAssertFalse(CivilDate.isLeapYear(1900))
        XCTAssertFalse(CivilDate.isLeapYear(2021))
        XCTAssertEqual(CivilDate.daysInMonth(year: 2020, month: 2), 29)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2021, month: 2), 28)
        XCTAssertEqual(CivilDate.daysInMonth(year: 1900, month: 2), 28)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2021, month: 4), 30)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2021, month: 12), 31)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2021, month: 13), 0)
        XCTAssertNotNil(CivilDate(year: 2020, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 2021, month: 2, day: 29))
    }

    func testInvalidDates() {
        for text in ["2021-02-29", "2020-13-01", "2020-00-10", "2020-04-31", "2020-01-00", "0000-01-01",
                     "2020-1-01", "2020-01-1", "20200101", "2020/01/01", "2020-01-01 ", " 2020-01-01",
                     "２020-01-01", "+020-01-01", "2020-0a-01", "", "10000-01-01"] {
            XCTAssertNil(CivilDate.parse(Substring(text)), text)
        }
        XCTAssertNil(CivilDate(year: 0, month: 1, day: 1))
        XCTAssertNil(CivilDate(year: 10_000, month: 1, day: 1))
        XCTAssertNil(CivilDate(year: 2020, month: 6, day: 31))
    }

    func testWeekday() throws {
        XCTAssertEqual(try date("2020-06-30").weekday, 2)   // Tuesday
        XCTAssertEqual(try date("1970-01-01").weekday, 4)   // Thursday
        XCTAssertEqual(try date("1969-12-28").weekday, 7)   // Sunday
        XCTAssertEqual(try date("1969-12-29").weekday, 1)   // Monday
        XCTAssertEqual(try date("0001-01-01").weekday, 1)   // Monday (proleptic Gregorian)
        XCTAssertEqual(try date("2014-01-02").weekday, 4)
    }

    func testDayArithmetic() throws {
        XCTAssertEqual(try date("2020-02-28").adding(days: 1), try date("2020-02-29"))
        XCTAssertEqual(try date("2020-02-28").adding(days: 2), try date("2020-03-01"))
        XCTAssertEqual(try date("2020-12-31").adding(days: 1), try date("2021-01-01"))
        XCTAssertEqual(try date("2021-01-01").adding(days: -1), try date("2020-12-31"))
        XCTAssertEqual(try date("2020-06-30").adding(days: 40), try date("2020-08-09"))
        XCTAssertEqual(try date("2013-12-27").days(to: date("2014-01-02")), 6)
        XCTAssertEqual(try date("2014-01-02").days(to: date("2013-12-27")), -6)
        XCTAssertEqual(try date("2020-01-01").days(to: date("2021-01-01")), 366)
        XCTAssertEqual(try date("2021-01-01").days(to: date("2022-01-01")), 365)
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("9999-12-31")!.adding(days: 1) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("0001-01-01")!.adding(days: -1) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("2020-01-01")!.adding(days: .max) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("2020-01-01")!.adding(days: .min) }
    }

    func testMonthArithmeticClampsToMonthEnd() throws {
        XCTAssertEqual(try date("2020-01-31").adding(months: 1), try date("2020-02-29"))
        XCTAssertEqual(try date("2021-01-31").adding(months: 1), try date("2021-02-28"))
        XCTAssertEqual(try date("2020-03-31").adding(months: -1), try date("2020-02-29"))
        XCTAssertEqual(try date("2020-05-31").adding(months: 1), try date("2020-06-30"))
        XCTAssertEqual(try date("2020-01-15").adding(months: 12), try date("2021-01-15"))
        XCTAssertEqual(try date("2020-01-15").adding(months: -1), try date("2019-12-15"))
        XCTAssertEqual(try date("2020-02-29").adding(months: 12), try date("2021-02-28"))
        XCTAssertEqual(try date("2020-02-29").adding(months: 48), try date("2024-02-29"))
        XCTAssertEqual(try date("2020-12-10").adding(months: 1), try date("2021-01-10"))
        XCTAssertEqual(try date("2020-06-30").adding(months: 0), try date("2020-06-30"))
        XCTAssertEqual(try date("2020-06-30").adding(months: -25), try date("2018-05-30"))
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("9999-12-01")!.adding(months: 1) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("0001-01-31")!.adding(months: -1) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("2020-01-31")!.adding(months: .max) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try CivilDate.parse("2020-01-31")!.adding(months: .min) }
    }

    func testLastDayOfMonthAndDescription() throws {
        XCTAssertEqual(try date("2020-02-10").lastDayOfMonth, try date("2020-02-29"))
        XCTAssertEqual(try date("2021-02-28").lastDayOfMonth, try date("2021-02-28"))
        XCTAssertEqual(try date("2020-06-01").lastDayOfMonth.description, "2020-06-30")
        XCTAssertEqual(try date("9999-12-05").lastDayOfMonth.description, "9999-12-31")
        XCTAssertEqual(CivilDate(year: 7, month: 3, day: 9)?.description, "0007-03-09")
        XCTAssertTrue(try date("2020-06-29") < date("2020-06-30"))
        XCTAssertEqual(try date("2020-06-30").components.month, 6)
    }
}
