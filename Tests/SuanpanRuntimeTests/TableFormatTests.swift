import SuanpanChecker
import SuanpanRuntime
import XCTest

/// Lists of records as an aligned table, as CSV and as a flat JSON array.
final class TableFormatTests: XCTestCase {
    let run = Run("""
        record Payee { name: string, amount: money<CNY>, paid: bool }
        let payees = [Payee { name: "Li, Wei", amount: 1200 CNY, paid: true },
                      Payee { name: "say \\"hi\\"", amount: 3.5 CNY, paid: false },
                      Payee { name: "two\\nlines", amount: 0 CNY, paid: true },
                      Payee { name: "张三", amount: -12 CNY, paid: false }]
        """)

    func records(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> ([Value], RecordType) {
        guard case .success(let (value, type))? = run.evaluate(text, file: file, line: line) else {
            throw XCTSkip("\(text) did not evaluate")
        }
        return try XCTUnwrap(Format.records(value, type), "\(text) is a \(type)", file: file, line: line)
    }

    /// A table stops once its cells pass its limit, and says how many rows it left out.
    func testATableStopsAtItsLimitSayingWhatIsLeftOut() throws {
        let (items, record) = try records("payees")
        // The first row's cells are "\"Li, Wei\"" (9 bytes), "1,200.00 CNY" (12) and "true" (4): 25 bytes,
        // just over a limit of 20, so that row is the last one written.
        XCTAssertEqual(Format.table(items, record, limit: 20), """
            name             amount  paid
            "Li, Wei"  1,200.00 CNY  true
            … and 3 more rows (the table stops at 20 characters: show a part, take(xs, 100), or write it all with --format json)
            """)
        XCTAssertFalse(Format.table(items, record, limit: 1_000).contains("more rows"))
    }

    func testTableAlignsColumnsWithCJKTakingTwoCells() throws {
        let (items, record) = try records("payees")
        XCTAssertEqual(Format.table(items, record), """
            name                amount  paid
            "Li, Wei"     1,200.00 CNY  true
            "say \\"hi\\""      3.50 CNY  false
            "two\\nlines"      0.00 CNY  true
            "张三"          -12.00 CNY  false
            """)
    }

    func testCSVQuotesCommasQuotesAndLineBreaks() throws {
        let (items, record) = try records("payees")
        XCTAssertEqual(Format.csv(items, record), "name,amount,paid\n"
            + "\"Li, Wei\",\"1,200.00 CNY\",true\n"
            + "\"say \"\"hi\"\"\",3.50 CNY,false\n"
            + "\"two\nlines\",0.00 CNY,true\n"
            + "张三,-12.00 CNY,false\n")
        let (none, type) = try records("[p for p in payees where p.amount > 10000 CNY]")
        XCTAssertEqual(Format.csv(none, type), "name,amount,paid\n")
        let (rows, row) = try records("[(at: 2020-01-31, share: 2.5%, note: \"a\\rb\")]")
        XCTAssertEqual(Format.csv(rows, row), "at,share,note\n2020-01-31,2.5%,\"a\rb\"\n")
    }

    func testJSONIsAFlatArrayOfObjects() throws {
        let (items, record) = try records("[payees[0]]")
        XCTAssertEqual(Format.jsonRecords(items, record),
            #"[{"name":{"type":"string","value":"Li, Wei"},"amount":{"type":"money","value":"1200.00","currency":"CNY"},"#
            + #""paid":{"type":"bool","value":true}}]"#)
        let (none, type) = try records("[p for p in payees where p.amount > 10000 CNY]")
        XCTAssertEqual(Format.jsonRecords(none, type), "[]")
    }

    func testOnlyListsOfRecordsAreRecords() {
        for text in ["1 CNY", "[1, 2]", "payees[0]", "(a: 1)"] {
            guard case .success(let (value, type))? = run.evaluate(text) else { return XCTFail(text) }
            XCTAssertNil(Format.records(value, type), text)
        }
    }
}
