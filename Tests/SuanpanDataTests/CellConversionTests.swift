import XCTest
@testable import SuanpanData
import SuanpanValues

/// Every conversion rule, one row per case: the field's kind, the cell, an optional
/// scale, and the result as `kind value` or `error: message (hint)`.
final class CellConversionTests: XCTestCase {
    let cny = Currency.named("CNY")
    let usd = Currency.named("USD")

    func show(_ result: Result<Scalar, CellProblem>) -> String {
        switch result {
        case .success(.decimal(let d)): return "decimal \(d)"
        case .success(.money(let d, let c)): return "money \(d) \(c)"
        case .success(.bool(let b)): return "bool \(b)"
        case .success(.string(let s)): return "string \(s)"
        case .success(.date(let d)): return "date \(d)"
        case .failure(let p): return "error: \(p.message)" + (p.hint.map { " (\($0))" } ?? "")
        }
    }

    func check(_ kind: FieldKind, _ cases: [(Cell, String)], scale: String? = nil, line: UInt = #line) {
        for (cell, expected) in cases {
            let got = show(kind.convert(cell, scale: scale.map(decimal)))
            XCTAssertEqual(got, expected, "\(kind) \(cell)", line: line)
        }
    }

    func testInt() {
        check(.int, [
            (.text("12"), "decimal 12"), (.text("-3"), "decimal -3"), (.text(" 7 "), "decimal 7"),
            (.text("12.0"), "error: '12.0' is not a whole number (write 12)"),
            (.text("12.5"), "error: '12.5' is not a whole number (declare the field number to keep the fraction)"),
            (.text("1,200"), "error: '1,200' is not a whole number (write 1200)"),
            (.text("1e3"), "error: '1e3' is not a whole number (write 1000)"),
            (.integer(42), "decimal 42"),
            (.bool(true), "error: 'true' is not a whole number (write 12)"),
            (.number("3.0"), "error: '3.0' is not a whole number (write 3)"),
            (.missing, "error: empty value (give the field a default in the record, or fill the column)"),
            (.text("  "), "error: empty value (give the field a default in the record, or fill the column)"),
        ])
    }

    func testNumber() {
        check(.number, [
            (.text("2000.10"), "decimal 2000.1"), (.text("-0.5"), "decimal -0.5"), (.number("0.1"), "decimal 0.1"),
            (.text("1e3"), "error: '1e3' is not a number (write 1000)"),
            (.text("1.5E-2"), "error: '1.5E-2' is not a number (write 0.015)"),
            (.text("1,200"), "error: '1,200' is not a number (write 1200)"),
            (.text("1,200.50"), "error: '1,200.50' is not a number (write 1200.50)"),
            (.text("+3"), "error: '+3' is not a number (write 3)"),
            (.text("1,5"), "error: '1,5' is not a number (write a number, such as 2000.10)"),
            (.text("4.5%"), "error: '4.5%' is not a number (write 0.045, or declare the field percent)"),
            (.text(".5"), "error: '.5' is not a number (write 0.5)"),
            (.text("abc"), "error: 'abc' is not a number (write a number, such as 2000.10)"),
            (.text("0.0000000000000000001"), "error: '0.0000000000000000001' has more than 18 digits after the point (round it to 18 places)"),
            (.text("1000000000000000000000"), "error: '1000000000000000000000' is too large (the limit is about \(FixedDecimal.limitText)) (check the column holds what the field means)"),
        ])
    }

    func testPercent() {
        check(.percent, [
            (.text("4.5%"), "decimal 0.045"), (.text("0.045"), "decimal 0.045"), (.text("-1%"), "decimal -0.01"),
            (.text("4.5 %"), "decimal 0.045"),
            (.text("4.5%%"), "error: '4.5%' is not a percentage (write a percentage, such as 4.5% or 0.045)"),
        ])
    }

    func testScaleAppliesToBareNumbersOnly() {
        // `in 1%`: a column of percentage points.
        check(.percent, [(.text("4.5"), "decimal 0.045"), (.text("4.5%"), "decimal 0.045"), (.integer(3), "decimal 0.03")], scale: "0.01")
        check(.int, [(.text("250"), "decimal 2.5"), (.text("200"), "decimal 2")].map { cell, _ in
            (cell, cell == .text("250") ? "error: '250' is 2.5 in the field's unit, not a whole number (check the unit declared for the column)" : "decimal 2")
        }, scale: "0.01")
        check(.money(cny, per: nil), [(.text("12.34 CNY"), "money 12.34 CNY")], scale: "0.01")
        check(.duration(.day), [(.text("2"), "decimal 14"), (.text("2 days"), "decimal 2")], scale: "7")
    }

    func testRate() {
        check(.rate(.day), [
            (.text("0.04%/day"), "decimal 0.0004"), (.text("0.04%"), "decimal 0.0004"), (.text("0.0004"), "decimal 0.0004"),
            (.text("0.0004/day"), "decimal 0.0004"), (.text("0.04% / Day"), "decimal 0.0004"),
            (.text("0.04%/month"), "error: '0.04%/month' is a monthly rate; the field is rate/day (write the rate per day, or declare the field rate/month)"),
            (.text("0.04%/fortnight"), "error: '0.04%/fortnight' is not a rate per day (write 0.04%/day or 0.0004)"),
        ])
    }

    func testMoneyInACurrency() {
        let kind = FieldKind.money(cny, per: nil)
        check(kind, [
            (.text("2000.00"), "money 2000 CNY"), (.text("2000.00 CNY"), "money 2000 CNY"), (.text("2000.00 cny"), "money 2000 CNY"),
            (.text("2000.00 USD"), "error: '2000.00 USD' is in USD; the field is money<CNY> (convert the amount to CNY in the file, or write it without a currency)"),
            (.text("5 CYN"), "error: 'CYN' in '5 CYN' is not a currency (did you mean CNY?)"),
            (.integer(12), "money 12 CNY"), (.number("0.1"), "money 0.1 CNY"),
            (.text("1,234.56"), "error: '1,234.56' is not an amount of CNY (write 1234.56)"),
        ])
        // Fen: one unit in the file is 0.01 CNY.
        check(kind, [(.text("123456"), "money 1234.56 CNY"), (.integer(123456), "money 1234.56 CNY")], scale: "0.01")
        check(kind, [(.text("0.000000000000000001"), "error: '0.000000000000000001' in units of 0.01 needs more than 18 digits after the point (round the column, or declare a coarser unit)")], scale: "0.01")
        check(kind, [(.text("100000000000000000000"), "error: '100000000000000000000' in units of 1000 is too large (the limit is about \(FixedDecimal.limitText)) (check the unit declared for the column)")], scale: "1000")
    }

    func testMoneyWithTheCurrencyInEachCell() {
        check(.money(nil, per: nil), [
            (.text("12.00 CNY"), "money 12 CNY"), (.text("3 USD"), "money 3 USD"),
            (.text("12.00"), "error: '12.00' has no currency (write the currency after the amount: 12.00 CNY)"),
            (.integer(5), "error: '5' has no currency (write the amount as text with its currency: 5 CNY)"),
        ])
        check(.money(usd, per: .day), [(.text("1.50 USD/day"), "money 1.5 USD"), (.text("1.50"), "money 1.5 USD")])
    }

    func testDurations() {
        check(.duration(.day), [
            (.text("40"), "decimal 40"), (.text("40 days"), "decimal 40"), (.text("1 day"), "decimal 1"), (.text("2 weeks"), "decimal 14"), (.text("40 Days"), "decimal 40"),
            (.text("3 months"), "error: '3 months' is counted in months; the field counts days (write the count of days, or declare the field months)"),
            (.text("1.5"), "error: '1.5' is not a whole number of days (durations count whole days: write 40 or 40 days)"),
            (.integer(30), "decimal 30"),
        ])
        check(.duration(.month), [(.text("6"), "decimal 6"), (.text("6 months"), "decimal 6"), (.text("1 year"), "decimal 12")])
    }

    func testDates() {
        check(.date, [
            (.text("2021-01-31"), "date 2021-01-31"), (.text(" 2024-02-29 "), "date 2024-02-29"),
            (.text("2021/01/31"), "error: '2021/01/31' is not a date (write 2021-01-31)"),
            (.text("20210131"), "date 2021-01-31"), (.text("20130701"), "date 2013-07-01"),
            (.text("20210230"), "error: '20210230' is not a day of the calendar (check the month and the day)"),
            (.text("2021013"), "error: '2021013' is not a date (write dates as YYYY-MM-DD, such as 2021-01-31)"),
            (.text("31/01/2021"), "error: '31/01/2021' is not a date (write 2021-01-31)"),
            (.text("01/02/2021"), "error: '01/02/2021' is not a date (write dates as YYYY-MM-DD, such as 2021-01-31)"),
            (.text("2021-02-30"), "error: '2021-02-30' is not a day of the calendar (check the month and the day)"),
            (.integer(20210131), "error: '20210131' is a number, not a date (write dates as text, such as 2021-01-31)"),
        ])
    }

    func testBools() {
        check(.bool, [
            (.text("true"), "bool true"), (.text("FALSE"), "bool false"), (.text("True"), "bool true"),
            (.text("1"), "bool true"), (.text("0"), "bool false"), (.bool(false), "bool false"), (.integer(1), "bool true"),
            (.text("yes"), "error: 'yes' is not true or false (write true, false, 1 or 0 (any case))"),
            (.integer(2), "error: '2' is not true or false (write true, false, 1 or 0)"),
        ])
    }

    func testStrings() {
        check(.string, [
            (.text("  as is "), "string   as is "), (.missing, "string "), (.integer(7), "string 7"), (.bool(true), "string true"),
        ])
    }
}
