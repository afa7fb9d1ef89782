import XCTest
@testable import SuanpanReport
import SuanpanValues

final class CSVTests: XCTestCase {
    func testReportIsTidyAndExact() throws {
        XCTAssertEqual(Render.csv(try Fixtures.sample()).components(separatedBy: "\r\n"), [
            "section,key,line,amount,accounts,charged",
            "total,total,interest,3346.178,3,3",
            "total,total,fee,20,3,3",
            "period,2021-01-01,interest,1000.5,3,2",
            "period,2021-01-01,fee,20,3,2",
            "period,2021-02-01,interest,2345.678,3,3",
            "period,2021-02-01,fee,0,3,3",
            "by_band,A,interest,3000,2,2",
            "by_band,A,fee,20,2,2",
            "by_band,华东,interest,346.178,1,1",
            "by_band,华东,fee,0,1,1",
            "",
        ])
    }

    func testComparisonHasBaselineVariantAndChange() throws {
        let lines = Render.csv(try Fixtures.comparison()).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "section,key,line,baseline,variant,change")
        XCTAssertEqual(lines[1], "total,total,interest,3346.178,3400.5,54.322")
        XCTAssertTrue(lines.contains("period,2021-02-01,interest,2345.678,2400,54.322"))
        XCTAssertTrue(lines.contains("by_band,A,fee,20,40,20"))
        XCTAssertEqual(lines.count, 12)  // header, 5 rows × 2 lines, and the empty string after the last CRLF
    }

    func testFullPrecisionAndNoGrouping() throws {
        var report = try Fixtures.tiny()
        report.whole.amounts = [try dec("-1234567.000000000000000001")]
        XCTAssertTrue(Render.csv(report).contains("\r\ntotal,total,fee,-1234567.000000000000000001,2,1\r\n"))
    }

    func testRFC4180Quoting() throws {
        XCTAssertEqual(CSVWriter.field("plain"), "plain")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.field("cr\r\nlf"), "\"cr\r\nlf\"")
        var report = try Fixtures.tiny()
        report.lines = ["a<b&\"c\""]
        XCTAssertTrue(Render.csv(report).contains("\r\ntotal,total,\"a<b&\"\"c\"\"\",1200,2,1\r\n"))
    }
}
