import XCTest
@testable import SuanpanValues

final class FixedDecimalFormattingTests: XCTestCase {
    func testCanonicalDescription() throws {
        XCTAssertEqual(FixedDecimal(1200).description, "1200")
        XCTAssertEqual(try dec("0.1460").description, "0.146")
        XCTAssertEqual(try dec("-3.50").description, "-3.5")
        XCTAssertEqual(FixedDecimal.zero.description, "0")
        XCTAssertEqual(try dec("-0.000").description, "0")
        XCTAssertEqual(try dec("-0.000000000000000001").description, "-0.000000000000000001")
        XCTAssertEqual(try dec("10000000000000000000").description, "10000000000000000000")
        XCTAssertEqual(try dec("10000000000000000000.5").description, "10000000000000000000.5")
        XCTAssertEqual(try dec("9999999999999999999").description, "9999999999999999999")
        XCTAssertEqual("\(try dec("2.5"))", "2.5")
    }

    func testMinimumFractionDigits() throws {
        XCTAssertEqual(FixedDecimal(1200).formatted(minFractionDigits: 2), "1200.00")
        XCTAssertEqual(try dec("105.6").formatted(minFractionDigits: 2), "105.60")
        XCTAssertEqual(try dec("0.146").formatted(minFractionDigits: 2), "0.146")
        XCTAssertEqual(try dec("-3.5").formatted(minFractionDigits: 4), "-3.5000")
    }

    func testMaximumFractionDigitsRoundHalfEvenForDisplay() throws {
        XCTAssertEqual(try dec("2.675").formatted(maxFractionDigits: 2), "2.68")
        XCTAssertEqual(try dec("2.665").formatted(maxFractionDigits: 2), "2.66")
        XCTAssertEqual(try dec("6.7632784631884737").formatted(minFractionDigits: 3, maxFractionDigits: 3), "6.763")
        XCTAssertEqual(try dec("0.999").formatted(maxFractionDigits: 2), "1")
        XCTAssertEqual(try dec("0.999").formatted(minFractionDigits: 2, maxFractionDigits: 2), "1.00")
        XCTAssertEqual(try dec("-0.004").formatted(minFractionDigits: 2, maxFractionDigits: 2), "0.00")
        XCTAssertEqual(try dec("-0.005").formatted(minFractionDigits: 2, maxFractionDigits: 2), "0.00")
        XCTAssertEqual(try dec("-0.015").formatted(minFractionDigits: 2, maxFractionDigits: 2), "-0.02")
        XCTAssertEqual(try dec("1.5").formatted(maxFractionDigits: 0), "2")
        XCTAssertEqual(try dec("2.5").formatted(maxFractionDigits: 0), "2")
        XCTAssertEqual(FixedDecimal.maximum.formatted(maxFractionDigits: 0), "170141183460469231732")
        // Out-of-range arguments are clamped; max is raised to min.
        XCTAssertEqual(try dec("1.25").formatted(minFractionDigits: 3, maxFractionDigits: 1), "1.250")
        XCTAssertEqual(try dec("1.25").formatted(minFractionDigits: -5, maxFractionDigits: 99), "1.25")
    }

    func testGrouping() throws {
        XCTAssertEqual(FixedDecimal(1200).formatted(minFractionDigits: 2, grouping: true), "1,200.00")
        XCTAssertEqual(try dec("2753163484.08").formatted(minFractionDigits: 2, maxFractionDigits: 2, grouping: true),
                       "2,753,163,484.08")
        XCTAssertEqual(try dec("-1234567.891").formatted(grouping: true), "-1,234,567.891")
        XCTAssertEqual(FixedDecimal(999).formatted(grouping: true), "999")
        XCTAssertEqual(FixedDecimal(1000).formatted(grouping: true), "1,000")
        XCTAssertEqual(FixedDecimal.zero.formatted(grouping: true), "0")
        XCTAssertEqual(try dec("0.123456").formatted(grouping: true), "0.123456")
        XCTAssertEqual(FixedDecimal.maximum.formatted(maxFractionDigits: 2, grouping: true), "170,141,183,460,469,231,731.69")
        XCTAssertEqual(try dec("10000000000000000000").formatted(grouping: true), "10,000,000,000,000,000,000")
    }
}
