import Foundation
import SuanpanChecker
import SuanpanRuntime
import SuanpanValues
import XCTest

/// How values read to a person (`Format.display`) and to a program (`Format.json`).
final class FormatTests: XCTestCase {
    /// A record type as the checker builds it.
    let bill: RecordType = Run("record Bill { amount: money<CNY>, note: string, due: date }").checked.records["Bill"]!

    func date(_ text: String) -> Value { .date(CivilDate.parse(Substring(text))!) }

    func testDisplayOfEveryType() {
        let record = Value.record(RecordValue(type: bill, fields: [money("1234.5", "CNY"), .string("中 \"x\""), date("2020-06-30")]))
        let cases: [(Value, SType, String)] = [
            (money("1234567.5", "CNY"), .money("CNY"), "1,234,567.50 CNY"),
            (money("-1234.5", "CNY"), .money("CNY"), "-1,234.50 CNY"),
            (money("0", "CNY"), .money("CNY"), "0.00 CNY"),
            (money("999.999", "CNY"), .money(nil), "999.999 CNY"),
            (money("1200", "JPY"), .money("JPY"), "1,200 JPY"),
            (money("1", "KWD"), .money("KWD"), "1.000 KWD"),
            (money("0.5", "CNY"), .flow("CNY", .day), "0.50 CNY/day"),
            (.decimal(decimal("0.146")), .percent, "14.6%"),
            (.decimal(decimal("0.025")), .percent, "2.5%"),
            (.decimal(decimal("1")), .percent, "100%"),
            (.decimal(decimal("-0.001")), .percent, "-0.1%"),
            (.decimal(decimal("0.0004")), .rate(.day), "0.04%/day"),
            (.decimal(decimal("0.146")), .rate(.year), "14.6%/year"),
            (.decimal(decimal("0.012")), .rate(.month), "1.2%/month"),
            (.decimal(decimal("1")), .duration(.day), "1 day"),
            (.decimal(decimal("40")), .duration(.day), "40 days"),
            (.decimal(decimal("0")), .duration(.day), "0 days"),
            (.decimal(decimal("1000")), .duration(.day), "1,000 days"),
            (.decimal(decimal("1")), .duration(.month), "1 month"),
            (.decimal(decimal("12")), .duration(.month), "12 months"),
            (.decimal(decimal("1234567")), .int, "1234567"),
            (.decimal(decimal("3.50")), .number, "3.5"),
            (.decimal(decimal("-0.125")), .number, "-0.125"),
            (.bool(true), .bool, "true"),
            (.bool(false), .bool, "false"),
            (.string("a \"b\""), .string, "a \"b\""),
            (date("2020-06-30"), .date, "2020-06-30"),
            (date("0001-01-01"), .date, "0001-01-01"),
            (.roundingMode(.halfUp), .roundingMode, "half_up"),
            (.list([]), .list(.int), "[]"),
            (.list([.decimal(FixedDecimal(1)), .decimal(FixedDecimal(2))]), .list(.int), "[1, 2]"),
            (.list([.string("a"), .string("b\n")]), .list(.string), "[\"a\", \"b\\n\"]"),
            (.list([.decimal(decimal("0.1"))]), .list(.percent), "[10%]"),
            (.list([money("1000", "CNY")]), .list(.money("CNY")), "[1,000.00 CNY]"),
            (.list([.list([.decimal(FixedDecimal(1))]), .list([])]), .list(.list(.int)), "[[1], []]"),
            (record, .record(bill), "Bill { amount: 1,234.50 CNY, note: \"中 \\\"x\\\"\", due: 2020-06-30 }"),
        ]
        for (value, type, shown) in cases { XCTAssertEqual(Format.display(value, type), shown, "\(type)") }
    }

    func testStringsAreQuotedOnlyWhenAsked() {
        XCTAssertEqual(Format.display(.string("a\tb"), .string), "a\tb")
        XCTAssertEqual(Format.display(.string("a\tb\\"), .string, quoteStrings: true), "\"a\\tb\\\\\"")
        XCTAssertEqual(Format.quoted("说\"r\r"), "\"说\\\"r\\r\"")
    }

    func testJSONOfEveryType() {
        let record = Value.record(RecordValue(type: bill, fields: [money("5", "CNY"), .string("n"), date("2020-01-02")]))
        let cases: [(Value, SType, String)] = [
            (money("1200", "CNY"), .money("CNY"), #"{"type":"money","value":"1200.00","currency":"CNY"}"#),
            (money("1234567.891", "CNY"), .money("CNY"), #"{"type":"money","value":"1234567.891","currency":"CNY"}"#),
            (money("-3", "CNY"), .money("CNY"), #"{"type":"money","value":"-3.00","currency":"CNY"}"#),
            (money("100", "JPY"), .money("JPY"), #"{"type":"money","value":"100","currency":"JPY"}"#),
            (money("0.5", "CNY"), .flow("CNY", .day), #"{"type":"flow","value":"0.50","currency":"CNY","per":"day"}"#),
            (.decimal(decimal("0.146")), .percent, #"{"type":"percent","value":"0.146"}"#),
            (.decimal(decimal("0.0004")), .rate(.day), #"{"type":"rate","value":"0.0004","per":"day"}"#),
            (.decimal(decimal("0.146")), .rate(.year), #"{"type":"rate","value":"0.146","per":"year"}"#),
            (.decimal(decimal("40")), .duration(.day), #"{"type":"duration","value":"40","unit":"day"}"#),
            (.decimal(decimal("3")), .duration(.month), #"{"type":"duration","value":"3","unit":"month"}"#),
            (.decimal(decimal("7")), .int, #"{"type":"int","value":"7"}"#),
            (.decimal(decimal("1234.5")), .number, #"{"type":"number","value":"1234.5"}"#),
            (.bool(true), .bool, #"{"type":"bool","value":true}"#),
            (.string("a\"b\\c\n\u{01}中"), .string, #"{"type":"string","value":"a\"b\\c\n\u0001中"}"#),
            (date("2020-06-30"), .date, #"{"type":"date","value":"2020-06-30"}"#),
            (.roundingMode(.halfEven), .roundingMode, #"{"type":"rounding_mode","value":"half_even"}"#),
            (.list([.decimal(decimal("0.1"))]), .list(.percent), #"{"type":"list","value":[{"type":"percent","value":"0.1"}]}"#),
            (.list([]), .list(.int), #"{"type":"list","value":[]}"#),
            (record, .record(bill), #"{"type":"record","name":"Bill","value":{"amount":{"type":"money","value":"5.00","currency":"CNY"},"#
                + #""note":{"type":"string","value":"n"},"due":{"type":"date","value":"2020-01-02"}}}"#),
        ]
        for (value, type, json) in cases {
            XCTAssertEqual(Format.json(value, type), json, "\(type)")
            let data = Data(Format.json(value, type).utf8)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), "valid JSON for \(type)")
        }
    }

    func testEvaluatedValuesFormatByTheirCheckedType() throws {
        let run = Run("")
        let cases: [(String, String, String)] = [
            ("1200.00 CNY", "1,200.00 CNY", #"{"type":"money","value":"1200.00","currency":"CNY"}"#),
            ("14.6%", "14.6%", #"{"type":"percent","value":"0.146"}"#),
            ("0.04%/day", "0.04%/day", #"{"type":"rate","value":"0.0004","per":"day"}"#),
            ("2 weeks", "14 days", #"{"type":"duration","value":"14","unit":"day"}"#),
            ("1 year", "12 months", #"{"type":"duration","value":"12","unit":"month"}"#),
            ("1000 CNY * 0.05%/day", "0.50 CNY/day", #"{"type":"flow","value":"0.50","currency":"CNY","per":"day"}"#),
        ]
        for (expression, shown, json) in cases {
            guard case .success(let (value, type))? = run.evaluate(expression) else { XCTFail(expression); continue }
            XCTAssertEqual(Format.display(value, type), shown, expression)
            XCTAssertEqual(Format.json(value, type), json, expression)
        }
    }

    // MARK: Bounded writing

    /// A value sharing one list many times: each walk stops once its text outgrows its limit.
    func testDisplayTextAndJSONStopAtTheirLimit() {
        let inner = Value.list((1...1_000).map { .decimal(FixedDecimal($0)) })
        let outer = Value.list(Array(repeating: inner, count: 2_000))
        let type = SType.list(.list(.int))
        // "[1, 2, …, 1000]" is 4,893 bytes: 9 one-digit numbers, 90 of two, 900 of three, one of four,
        // 999 separators of two bytes, and "[" "]".
        let one = 9 + 90 * 2 + 900 * 3 + 4 + 999 * 2 + 2
        XCTAssertEqual(Format.display(inner, .list(.int)).utf8.count, one)
        XCTAssertEqual(Format.text(inner, .list(.int), limit: one), Format.display(inner, .list(.int)))
        XCTAssertNil(Format.text(inner, .list(.int), limit: one - 1))
        XCTAssertNil(Format.text(outer, type, limit: 10 * one))
        let shown = Format.display(outer, type, limit: 10 * one)
        XCTAssertEqual(shown.utf8.count, 10 * one + Format.cutNote(10 * one).utf8.count)
        XCTAssertTrue(shown.hasPrefix("[[1, 2, 3"))
        XCTAssertTrue(shown.hasSuffix(" … (the display stops at 48,930 characters: show a part, take(xs, 100), or write it all with --format json)"))
        XCTAssertNil(Format.json(outer, type, limit: 100_000))
        XCTAssertEqual(Format.json(inner, .list(.int), limit: 1 << 20), Format.json(inner, .list(.int)))
        // A cut falls between characters, never inside one.
        let wide = Value.string(String(repeating: "中", count: 100))
        XCTAssertEqual(Format.display(wide, .string, limit: 10), "中中中" + Format.cutNote(10))
    }
}
