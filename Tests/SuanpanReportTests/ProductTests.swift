import XCTest
import SuanpanReport
import SuanpanValues

/// Lines credited to products: each product's lines and total, in the order they
/// first appear, lines of no product last as "other".
final class ProductTests: XCTestCase {
    func report() throws -> ScenarioReport {
        let d = { (s: String) throws -> FixedDecimal in try FixedDecimal.parse(s) }
        var r = ScenarioReport(name: "Mix", title: nil, currency: "CNY", source: "u.csv", period: "month",
                               lines: ["merchant_fee", "loan_interest", "installment_fee", "ads"],
                               whole: .init(key: "total", amounts: [try d("10.50"), try d("7"), try d("2.25"), try d("1")],
                                            total: try d("20.75"), accounts: 3, charged: 3),
                               periods: [], breakdowns: [], skippedRows: 0)
        r.lineProducts = ["Huabei", "Jiebei", "Huabei", nil]
        return r
    }

    func testProductsSumTheirLines() throws {
        let products = try report().products
        XCTAssertEqual(products.map(\.name), ["Huabei", "Jiebei", "other"])
        XCTAssertEqual(products.map(\.lines), [["merchant_fee", "installment_fee"], ["loan_interest"], ["ads"]])
        // 10.50 + 2.25, 7, 1: worked by hand.
        XCTAssertEqual(products.map(\.total), [try FixedDecimal.parse("12.75"), FixedDecimal(7), FixedDecimal(1)])
    }

    func testTheTableAndJSONShowThem() throws {
        let r = try report()
        XCTAssertTrue(Render.table(r).contains("Huabei   merchant_fee, installment_fee  12.75"), Render.table(r))
        XCTAssertTrue(Render.json(r).contains("""
                {
                  "product": "Jiebei",
                  "lines": ["loan_interest"],
                  "total": "7"
                },
            """), Render.json(r))
    }

    func testNoProductsNoTable() throws {
        var r = try report()
        r.lineProducts = []
        XCTAssertEqual(r.products.count, 0)
        XCTAssertFalse(Render.table(r).contains("product"))
    }
}
