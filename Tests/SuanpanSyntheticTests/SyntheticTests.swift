import XCTest
import SuanpanSynthetic

final class SyntheticTests: XCTestCase {
    func testTargetBuilds() {}
}
