import Foundation
import XCTest
@testable import SuanpanSynthetic

/// Each message names the field by index and name and says what to write instead.
final class SpecErrorTests: SyntheticTestCase {
    func testUnknownKind() {
        XCTAssertEqual(fieldError(#"{"name": "balance", "kind": "lognorm"}"#),
                       #"fields[1] "balance": unknown kind "lognorm"; write one of sequence, uniform, lognormal, normal, choice, date, bool, parkmiller"#)
    }

    func testMissingKeys() {
        XCTAssertEqual(fieldError(#"{"name": "balance", "kind": "lognormal", "sigma": 1}"#),
                       #"fields[1] "balance" (lognormal): missing "median"; write e.g. "median": "3000.00""#)
        XCTAssertEqual(fieldError(#"{"kind": "uniform"}"#), #"fields[1]: missing "name"; write e.g. "name": "balance""#)
        XCTAssertEqual(fieldError(#"{"name": "x"}"#), #"fields[1] "x": missing "kind"; write e.g. "kind": "uniform""#)
        XCTAssertEqual(specError(#"{"seed": 1, "fields": []}"#), #"missing "rows"; write e.g. "rows": 1000"#)
        XCTAssertEqual(specError(#"{"rows": 1, "fields": []}"#), #"missing "seed"; write e.g. "seed": 42"#)
    }

    func testUnknownKeysAreReportedInSortedOrder() {
        XCTAssertEqual(fieldError(#"{"name": "b", "kind": "bool", "p": "0.5", "zz": 1, "prob": 2}"#),
                       #"fields[1] "b" (bool): unknown key "prob"; the keys of bool are name, kind, p"#)
        XCTAssertEqual(specError(#"{"rows": 1, "seed": 1, "fields": [], "row": 3}"#),
                       #"unknown key "row"; the keys of a spec are rows, seed, table, fields"#)
    }

    func testMinAboveMax() {
        XCTAssertEqual(fieldError(#"{"name": "limit", "kind": "uniform", "min": "50000", "max": "1000"}"#),
                       #"fields[1] "limit" (uniform): min 50000 is above max 1000; write a min no greater than max"#)
        XCTAssertEqual(fieldError(#"{"name": "s", "kind": "normal", "mean": "1", "sd": 1, "min": "5.5", "max": "5.25"}"#),
                       #"fields[1] "s" (normal): min 5.5 is above max 5.25; write a min no greater than max"#)
    }

    func testBoundsWithMorePlacesThanTheField() {
        XCTAssertEqual(fieldError(#"{"name": "limit", "kind": "uniform", "min": "1000.5", "max": "2000", "places": 0}"#),
                       #"fields[1] "limit" (uniform): "min" "1000.5" has 1 decimal place but the field writes 0; write "places": 1 or a min with at most 0"#)
    }

    func testWeightsCountMismatch() {
        XCTAssertEqual(fieldError(#"{"name": "overdue_days", "kind": "choice", "values": [0, 5, 15], "weights": [80, 20]}"#),
                       #"fields[1] "overdue_days" (choice): 3 values but 2 weights; write one weight per value"#)
        XCTAssertEqual(fieldError(#"{"name": "o", "kind": "choice", "values": [0, 5], "weights": [1, -2]}"#),
                       #"fields[1] "o" (choice): weights[1] is -2; write a whole number of at least 0, e.g. "weights": [80, 10, 5, 5]"#)
        XCTAssertEqual(fieldError(#"{"name": "o", "kind": "choice", "values": [0, 5], "weights": [0, 0]}"#),
                       #"fields[1] "o" (choice): the weights are all 0; write at least one weight above 0"#)
        let max = "9223372036854775807"
        XCTAssertEqual(fieldError("{\"name\": \"o\", \"kind\": \"choice\", \"values\": [0, 5, 6], \"weights\": [\(max), \(max), \(max)]}"),
                       #"fields[1] "o" (choice): the weights add up to more than 18446744073709551615; write smaller weights"#)
    }

    func testBadDates() {
        XCTAssertEqual(fieldError(#"{"name": "opened", "kind": "date", "from": "2018-02-30", "to": "2020-12-31"}"#),
                       #"fields[1] "opened" (date): "from" is "2018-02-30", not a date; write YYYY-MM-DD, e.g. "from": "2018-01-01""#)
        XCTAssertEqual(fieldError(#"{"name": "opened", "kind": "date", "from": "2021-01-01", "to": "2020-12-31"}"#),
                       #"fields[1] "opened" (date): "from" is after "to"; write a from no later than to"#)
    }

    func testRowsOutOfRange() {
        let expected = #""rows" is %@; write a whole number from 0 to 1000000000, e.g. "rows": 1000"#
        for rows in ["-1", "1000000001", "2.5", "\"10\""] {
            XCTAssertEqual(specError("{\"rows\": \(rows), \"seed\": 1, \"fields\": []}"), expected.replacingOccurrences(of: "%@", with: rows))
        }
        XCTAssertThrowsError(try spec(rows: 1, #"{"name": "id", "kind": "sequence"}"#).overriding(rows: -5, seed: nil)) { error in
            XCTAssertEqual("\(error)", expected.replacingOccurrences(of: "%@", with: "-5"))
        }
    }

    func testDecimalsMustBeTextNotFractions() {
        XCTAssertEqual(fieldError(#"{"name": "b", "kind": "uniform", "min": 0.5, "max": "1"}"#),
                       #"fields[1] "b" (uniform): "min" is 0.5; write a decimal as text, e.g. "min": "1000.00""#)
        XCTAssertEqual(fieldError(#"{"name": "a", "kind": "bool", "p": "1.5"}"#),
                       #"fields[1] "a" (bool): "p" is "1.5"; write a probability from 0 to 1 as text, e.g. "p": "0.9""#)
        XCTAssertEqual(fieldError(#"{"name": "b", "kind": "lognormal", "median": "0", "sigma": 1}"#),
                       #"fields[1] "b" (lognormal): "median" is "0"; write a decimal above 0, e.g. "median": "3000.00""#)
        XCTAssertEqual(fieldError(#"{"name": "b", "kind": "lognormal", "median": "1", "sigma": -1}"#),
                       #"fields[1] "b" (lognormal): "sigma" is -1; write a number of at least 0, e.g. "sigma": 1.0"#)
    }

    func testParkMillerShapes() {
        XCTAssertEqual(fieldError(#"{"name": "i", "kind": "parkmiller", "mod": 4, "values": [1, 3, 6, 9, 12]}"#),
                       #"fields[1] "i" (parkmiller): "mod" is 4 but there are 5 values; write "mod": 5 or leave it out"#)
        XCTAssertEqual(fieldError(#"{"name": "i", "kind": "parkmiller", "mod": 0}"#),
                       #"fields[1] "i" (parkmiller): "mod" is 0; write a whole number from 1 to 2147483647, e.g. "mod": 10000000"#)
    }

    func testNamesAndShapes() {
        XCTAssertEqual(fieldError(#"{"name": "id", "kind": "sequence"}"#),
                       #"fields[1] "id": the name is also fields[0]'s; write a different name"#)
        XCTAssertEqual(fieldError(#"{"name": "ID", "kind": "sequence"}"#),
                       #"fields[1] "ID": the name differs only in case from fields[0]'s, which SQLite columns do not tell apart; write a different name"#)
        XCTAssertEqual(specError(#"{"rows": 1, "seed": 1, "fields": []}"#),
                       #""fields" is a list; write at least one field, e.g. "fields": [{"name": "id", "kind": "sequence"}]"#)
        XCTAssertEqual(specError("[1]"), #"the spec is a list; write one object, e.g. {"rows": 1000, "seed": 42, "fields": [...]}"#)
        XCTAssertEqual(specError("{"), #"the spec is not valid JSON; write one object, e.g. {"rows": 1000, "seed": 42, "fields": [{"name": "id", "kind": "sequence"}]}"#)
        XCTAssertEqual(fieldError("7"), #"fields[1] is 7; write an object, e.g. {"name": "id", "kind": "sequence"}"#)
    }

    /// Every prefix of a valid spec and a few mangled ones: each parses or throws, none crashes.
    func testNoSpecInputCrashes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/data/accounts.spec.json").standardized
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertNoThrow(try Synthetic.Spec.parse(json: Data(text.utf8)))
        let bytes = Array(text.utf8)
        for end in stride(from: 0, to: bytes.count, by: 7) {
            _ = try? Synthetic.Spec.parse(json: Data(bytes[..<end]))
        }
        for (from, to) in [("\"0.9\"", "1e400"), ("42", "-42"), ("1000000", "1e9"), ("\"5000\"", "\"99999999999999999999\""),
                           ("[3, 6, 12]", "[[3]]"), ("0.8", "1e308"), ("8", "-9223372036854775808")] {
            _ = try? Synthetic.Spec.parse(json: Data(text.replacingOccurrences(of: from, with: to).utf8))
        }
        let huge = try spec(rows: 3, #"{"name": "b", "kind": "lognormal", "median": "999999999999999999", "sigma": 1e300}"#)
        XCTAssertEqual(try column(huge).count, 3)
    }
}
