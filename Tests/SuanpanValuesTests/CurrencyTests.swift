import XCTest
@testable import SuanpanValues

final class CurrencyTests: XCTestCase {
    func testKnownCodes() throws {
        XCTAssertEqual(Currency.named("CNY")?.minorUnits, 2)
        XCTAssertEqual(Currency.named("USD")?.minorUnits, 2)
        XCTAssertEqual(Currency.named("EUR")?.minorUnits, 2)
        XCTAssertEqual(Currency.named("JPY")?.minorUnits, 0)
        XCTAssertEqual(Currency.named("KRW")?.minorUnits, 0)
        for code in ["BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD"] {
            XCTAssertEqual(Currency.named(code)?.minorUnits, 3, code)
        }
        XCTAssertEqual(Currency.named("CLF")?.minorUnits, 4)
        XCTAssertEqual(Currency.named("UYW")?.minorUnits, 4)
        XCTAssertEqual(Currency.named(Substring("HKD"))?.code, "HKD")
        XCTAssertEqual(Currency.named("CNY")?.description, "CNY")
        XCTAssertEqual(Currency.named("CNY"), Currency.named("CNY"))
        XCTAssertEqual(try XCTUnwrap(Currency.named("CNY")).minorUnit, try dec("0.01"))
        XCTAssertEqual(try XCTUnwrap(Currency.named("JPY")).minorUnit, .one)
        XCTAssertEqual(try XCTUnwrap(Currency.named("KWD")).minorUnit, try dec("0.001"))
    }

    func testTableShape() {
        XCTAssertGreaterThanOrEqual(Currency.all.count, 150)
        XCTAssertEqual(Set(Currency.all.map(\.code)).count, Currency.all.count, "duplicate codes")
        XCTAssertEqual(Currency.all.map(\.code), Currency.all.map(\.code).sorted())
        for c in Currency.all {
            XCTAssertEqual(c.code.count, 3)
            XCTAssertTrue(c.code.allSatisfy { $0.isASCII && $0.isUppercase }, c.code)
            XCTAssertTrue([0, 2, 3, 4].contains(c.minorUnits), c.code)
        }
    }

    func testUnknownCodes() {
        XCTAssertNil(Currency.named("XYZ"))
        XCTAssertNil(Currency.named("cny"))
        XCTAssertNil(Currency.named(""))
        XCTAssertNil(Currency.named("RMB"))
        XCTAssertNil(Currency.named("XAU"))  // no minor unit: not an amount currency
    }

    func testSuggestions() {
        XCTAssertEqual(Currency.suggestion(for: "CYN"), "CNY")
        XCTAssertEqual(Currency.suggestion(for: "cny"), "CNY")
        XCTAssertEqual(Currency.suggestion(for: "UDS"), "USD")
        XCTAssertEqual(Currency.suggestion(for: "USDD"), "USD")
        XCTAssertEqual(Currency.suggestion(for: "EU"), "EUR")
        XCTAssertEqual(Currency.suggestion(for: "RMB"), "CNY")
        XCTAssertEqual(Currency.suggestion(for: Substring("JYP")), "JPY")
        XCTAssertNil(Currency.suggestion(for: "QQQQQQ"))
        XCTAssertNil(Currency.suggestion(for: ""))
    }

    func testEditDistance() {
        func distance(_ a: String, _ b: String) -> Int { Currency.editDistance(Array(a.utf8), Array(b.utf8)) }
        XCTAssertEqual(distance("CYN", "CNY"), 1)
        XCTAssertEqual(distance("CNY", "CNY"), 0)
        XCTAssertEqual(distance("", "ABC"), 3)
        XCTAssertEqual(distance("ABC", "XYZ"), 3)
        XCTAssertEqual(distance("USDD", "USD"), 1)
    }
}
