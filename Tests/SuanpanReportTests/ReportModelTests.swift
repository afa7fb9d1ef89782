import XCTest
import SuanpanReport
import SuanpanValues

final class ReportModelTests: XCTestCase {
    func testRowsCompare() {
        let row = ScenarioReport.Row(key: "total", amounts: [.one], total: .one, accounts: 1, charged: 1)
        XCTAssertEqual(row, row)
    }
}
