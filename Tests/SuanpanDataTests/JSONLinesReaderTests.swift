import XCTest
import SuanpanChecker
import SuanpanData
import SuanpanReaders
import SuanpanRuntime
import SuanpanValues

final class JSONLinesReaderTests: XCTestCase {
    let account = record("Account", [("id", .string), ("name", .string), ("balance", .money("CNY")), ("vip", .bool)])

    func testObjectsWithEscapesExactNumbersAndMissingKeys() throws {
        let scratch = Scratch()
        let path = scratch.write("a.jsonl", """
            {"id": "A1", "name": "\\u676d\\u5dde \\"West\\"\\n", "balance": 0.1, "vip": true, "extra": [1, {"x": 2}]}

            {"id": "A2", "name": "emoji \\ud83d\\ude00", "balance": 12, "vip": false}\r
            {"balance": "3.50 CNY", "id": "A3", "vip": null, "unknown": 1}
            """)
        var spec = PopulationSpec(name: "a", path: path, record: account)
        spec.defaults["vip"] = .bool(false)
        let batch = try XCTUnwrap(readAll(spec).batches.first)
        XCTAssertEqual(batch.columns[0].strings, ["A1", "A2", "A3"])
        XCTAssertEqual(batch.columns[1].strings, ["杭州 \"West\"\n", "emoji 😀", ""])
        XCTAssertEqual(batch.columns[2].decimals, [decimal("0.1"), decimal("12"), decimal("3.50")])
        guard case .bools(let vip) = batch.columns[3] else { return XCTFail("not bools") }
        XCTAssertEqual(vip, [true, false, false])
    }

    func testMalformedLineNamesLineAndCharacter() {
        let scratch = Scratch()
        let path = scratch.write("a.jsonl", "{\"id\": \"A1\", \"name\": \"x\", \"balance\": 1, \"vip\": true}\n{\"id\": \"杭\" \"name\": 1}\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path):2: row 2: character 12: expected ',' or '}' after a value (write one JSON object per line, such as {\"id\": \"A1\", \"balance\": 2000.00})")
    }

    func testNestedValueInAUsedKeyIsAnError() {
        let scratch = Scratch()
        let path = scratch.write("a.jsonl", "{\"id\": \"A1\", \"name\": \"x\", \"balance\": 1, \"vip\": true}\n{\"id\": \"A2\", \"name\": [\"x\"], \"balance\": 1, \"vip\": true}\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path):2: row 2, column 'name': key 'name' holds an array; a column holds one value (write one number, string, true, false or null for 'name')")
    }

    func testStringEscapeErrors() {
        let scratch = Scratch()
        let one = record("One", [("id", .string)])
        let cases: [(String, String)] = [
            ("{\"id\": \"\\ud83d\"}", "character 9: a high surrogate \\u without its low surrogate"),
            ("{\"id\": \"\\x\"}", "character 9: an unknown escape \\x"),
            ("{\"id\": \"\\u12\"}", "character 9: \\u needs four hex digits"),
            ("{\"id\": \"open}", "character 8: a string that is never closed"),
            ("[1, 2]", "character 1: expected a JSON object, starting with {"),
            ("{\"id\": \"a\"} x", "character 13: text after the object's closing }"),
        ]
        for (k, (line, message)) in cases.enumerated() {
            let path = scratch.write("e\(k).jsonl", line + "\n")
            XCTAssertEqual(errorText(PopulationSpec(name: "e", path: path, record: one)),
                           "\(path):1: row 1: \(message) (write one JSON object per line, such as {\"id\": \"A1\", \"balance\": 2000.00})")
        }
    }

    func testNumbersFollowJSONGrammar() throws {
        let scratch = Scratch()
        let numbers = record("N", [("a", .number), ("b", .number), ("c", .int), ("d", .number)])
        let path = scratch.write("n.jsonl", "{\"a\": 10, \"b\": -0.50, \"c\": -0, \"d\": 100.25}\n{\"a\": 0123, \"b\": 1, \"c\": 1, \"d\": 1}\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "n", path: path, record: numbers)),
                       "\(path):2: row 2: character 7: a number with a leading zero: write it without the zero, or as a string (write one JSON object per line, such as {\"id\": \"A1\", \"balance\": 2000.00})")
        let first = try readAll(PopulationSpec(name: "n", path: path, record: numbers, badRows: .skip)).batches.first
        XCTAssertEqual(first?.columns.flatMap(\.decimals), [decimal("10"), decimal("-0.5"), .zero, decimal("100.25")])
    }

    func testExponentNumbersAreRefusedWithTheirDecimalForm() {
        let scratch = Scratch()
        let path = scratch.write("a.jsonl", "{\"id\": \"A1\", \"name\": \"x\", \"balance\": 1.5e3, \"vip\": true}\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path):1: row 1, column 'balance': '1.5e3' is not an amount of CNY (write 1500)")
    }
}
