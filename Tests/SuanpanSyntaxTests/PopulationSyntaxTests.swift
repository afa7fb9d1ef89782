import XCTest
@testable import SuanpanSyntax

/// What the parser says to the ways populations and scenarios are written wrong.
final class PopulationSyntaxTests: XCTestCase {
    func firstError(_ text: String) -> (message: String, hint: String?, line: Int)? {
        let file = SourceFile(path: "t.suan", text: text)
        guard let e = Parser.parse(file).diagnostics.first(where: { $0.severity == .error }) else { return nil }
        return (e.message, e.hint, file.location(of: e.span.start).line)
    }

    func scenario(_ entry: String) -> String {
        "scenario S {\n  for c in cards\n  from 2021-01-01 to 2021-02-01 by month\n  \(entry)\n}\n"
    }

    func testMessagesSayWhatToWrite() {
        let cases: [(String, String, String?)] = [
            (scenario("state balance = 0 CNY"), "a state needs its type", "write state balance: money<CNY> = … (the type it keeps from step to step)"),
            (scenario("by a.band = a.zhima_band"), "a breakdown is named with a plain name before '='",
             "write by band = a.band, or by a.band alone to name it for its field"),
            (scenario("by (band) = c.band"), "a breakdown is named with a plain name before '='", nil),
            (scenario("revenue fee: money = 1 CNY"), "a revenue line is money in the scenario's currency; it takes no type", "write revenue fee = …"),
            ("population p = Account from \"a.csv\"", "expected ':' and the record type of its rows, found '='",
             "write population p: Account from \"accounts.csv\""),
            ("population p: list<Account> from \"a.csv\"", "a population's rows are one record type, not a list", nil),
            ("population p: Account from \"a.csv\" {\n  encoding = gbk\n}", "expected the option's value in quotes, found a name",
             "write encoding = \"gbk\""),
            ("scenario S = T", "expected 'with' and the changes, as in scenario S = Base with Huabei { merchant_rate = 0.6% }, found the end of the input", nil),
        ]
        for (text, message, hint) in cases {
            guard let e = firstError(text) else {
                XCTFail("no error for:\n\(text)")
                continue
            }
            XCTAssertEqual(e.message, message, text)
            if let hint { XCTAssertEqual(e.hint, hint, text) }
        }
    }

    func testABareColumnIsReportedWhereItIsWritten() {
        let e = firstError("population p: Account from \"a.csv\" {\n  column balance\n}\n")
        XCTAssertEqual(e?.message, "'column balance' says nothing about the column")
        XCTAssertEqual(e?.line, 2)
    }

    func testAnEmptyWithIsReportedAtItsBrace() {
        let e = firstError("scenario S = T with Huabei { }\nrecord R { a: int }\n")
        XCTAssertEqual(e?.message, "'with Huabei { }' changes nothing")
        XCTAssertEqual(e?.line, 1)
    }

    func testTheInnerWordsStayNames() {
        let text = "let from = 1\nlet to = 2\nrule next(state: int) -> int = state + from + to\nrecord R { column: int, revenue: int }\n"
        XCTAssertNil(firstError(text))
    }
}
