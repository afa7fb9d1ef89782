import XCTest
import SuanpanData

final class RawBatchTests: XCTestCase {
    func testRowsAreLaidOutByRow() {
        var batch = RawBatch(columnCount: 2)
        batch.append(row: [.text("a"), .integer(1)], line: 2)
        batch.append(row: [.missing, .number("0.1")], line: 3)
        XCTAssertEqual(batch.rowCount, 2)
        XCTAssertEqual(batch[1, 1], .number("0.1"))
        XCTAssertEqual(batch.lines, [2, 3])
    }
}
