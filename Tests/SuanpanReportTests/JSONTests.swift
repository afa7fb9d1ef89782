import XCTest
import Foundation
@testable import SuanpanReport
import SuanpanValues

final class JSONTests: XCTestCase {
    func testTinyReportSpelledOut() throws {
        XCTAssertEqual(Render.json(try Fixtures.tiny()), """
        {
          "name": "t",
          "title": null,
          "currency": "JPY",
          "source": "a.csv",
          "period": "day",
          "lines": ["fee"],
          "skipped_rows": 0,
          "products": [],
          "total": {
            "key": "total",
            "amounts": {
              "fee": "1200"
            },
            "total": "1200",
            "accounts": 2,
            "charged": 1
          },
          "periods": [
            {
              "key": "2021-01-05",
              "amounts": {
                "fee": "1200"
              },
              "total": "1200",
              "accounts": 2,
              "charged": 1
            }
          ],
          "breakdowns": []
        }

        """)
    }

    func testEqualReportsGiveIdenticalBytes() throws {
        XCTAssertEqual(Array(Render.json(try Fixtures.sample()).utf8), Array(Render.json(try Fixtures.sample()).utf8))
        XCTAssertEqual(Render.json(try Fixtures.comparison()), Render.json(try Fixtures.comparison()))
        XCTAssertNotEqual(Render.json(try Fixtures.sample()), Render.json(try Fixtures.variant()))
    }

    func testAmountsAreExactStrings() throws {
        var report = try Fixtures.tiny()
        report.whole.total = try dec("0.100000000000000001")
        let text = Render.json(report)
        XCTAssertTrue(text.contains("\"total\": \"0.100000000000000001\""))
        // And it is JSON: a standard parser reads it, amounts as strings.
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let total = try XCTUnwrap(object["total"] as? [String: Any])
        XCTAssertEqual(total["total"] as? String, "0.100000000000000001")
    }

    func testStringsAreEscaped() throws {
        var report = try Fixtures.tiny()
        report.name = "a<b&\"c\"\\\n\t\u{01}\u{2028}"
        XCTAssertTrue(Render.json(report).contains(#""name": "a<b&\"c\"\\\n\t\u0001\u2028","#))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(Render.json(report).utf8)))
    }

    func testComparisonJSON() throws {
        let text = Render.json(try Fixtures.comparison())
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["changes"] as? [String], ["Huabei.fee_rate = 2%"])
        let explanation = try XCTUnwrap(object["explanation"] as? [String: Any])
        XCTAssertEqual(explanation["total_change"] as? String, "74.322")
        XCTAssertEqual(explanation["sum"] as? String, "74.322")
        let first = try XCTUnwrap((explanation["contributions"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["segment"] as? String, "华东")
        XCTAssertEqual(first["share_percent"] as? String, "73.09")
        XCTAssertTrue(text.contains("""
              "total": {
                "baseline": "3366.178",
                "variant": "3440.5",
                "change": "74.322",
                "change_percent": "2.21"
              },
        """))
        // Keys in the written order, not sorted.
        let keys = ["\"changes\"", "\"baseline\"", "\"variant\"", "\"difference\"", "\"explanation\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
        XCTAssertEqual(positions.count, keys.count)
    }
}
