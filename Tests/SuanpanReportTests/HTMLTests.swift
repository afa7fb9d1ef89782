import XCTest
@testable import SuanpanReport
import SuanpanValues

final class HTMLTests: XCTestCase {
    func testSelfContainedPage() throws {
        let html = Render.html(try Fixtures.sample(), comparison: try Fixtures.comparison())
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        XCTAssertTrue(html.hasSuffix("</body>\n</html>\n"))
        // Nothing is fetched: no scripts, links, images or imports; the only URL is the SVG namespace.
        for outside in ["<script", "<link", "<img", "src=", "href=", "url(", "@import"] {
            XCTAssertFalse(html.contains(outside), outside)
        }
        XCTAssertEqual(html.components(separatedBy: "http").count - 1, html.components(separatedBy: "<svg ").count - 1)
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 2)  // the report's chart and the comparison's
        XCTAssertFalse(html.contains("<?xml"))  // no XML declaration inside HTML
    }

    func testTablesHaveRightAlignedNumbers() throws {
        let html = Render.html(try Fixtures.sample())
        XCTAssertTrue(html.contains("td.num,th.num{text-align:right"))
        XCTAssertTrue(html.contains("<tr><td>2021-01</td><td class=\"num\">1,000.50</td><td class=\"num\">20.00</td>"
                                    + "<td class=\"num\">1,020.50</td><td class=\"num\">2</td></tr>"))
        XCTAssertTrue(html.contains("<tfoot>\n<tr><td>total</td><td class=\"num\">3,346.18</td>"))
        XCTAssertTrue(html.contains("<h2>By band</h2>"))
        XCTAssertTrue(html.contains("<tr><td>华东</td><td class=\"num\">1</td>"))
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 1)
    }

    func testComparisonAndExplanation() throws {
        let html = Render.html(try Fixtures.sample(), comparison: try Fixtures.comparison())
        XCTAssertTrue(html.contains("<li><code>Huabei.fee_rate = 2%</code></li>"))
        XCTAssertTrue(html.contains("<h2>What accounts for the change of +74.32</h2>"))
        XCTAssertTrue(html.contains("<tr><td>interest</td><td>华东</td><td class=\"num\">346.18</td>"
                                    + "<td class=\"num\">400.50</td><td class=\"num\">+54.32</td><td class=\"num\">+73.09%</td></tr>"))
        XCTAssertTrue(html.contains("<p class=\"sum\">sum of 2 contributions: +74.32 = total change +74.32</p>"))
    }

    func testTextIsEscaped() throws {
        var report = try Fixtures.sample()
        report.lines[1] = "a<b&\"c\""
        report.title = "<script>alert(1)</script>"
        let html = Render.html(report)
        XCTAssertFalse(html.contains("a<b"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("<th class=\"num\">a&lt;b&amp;&quot;c&quot;</th>"))
        XCTAssertTrue(html.contains("<title>huabei — &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
    }
}
