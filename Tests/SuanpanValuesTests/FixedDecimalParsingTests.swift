import XCTest
@testable import SuanpanValues

final class FixedDecimalParsingTests: XCTestCase {
    func testPlainNumbers() throws {
        XCTAssertEqual(try dec("0").units, 0)
        XCTAssertEqual(try dec("1").units, 1_000_000_000_000_000_000)
        XCTAssertEqual(try dec("1200"), FixedDecimal(1200))
        XCTAssertEqual(try dec("0.146").units, 146_000_000_000_000_000)
        XCTAssertEqual(try dec("-3.5").units, -3_500_000_000_000_000_000)
        XCTAssertEqual(try dec("007.50"), try dec("7.5"))
        XCTAssertEqual(try dec("0.000000000000000001").units, 1)
        XCTAssertEqual(try dec("-0"), .zero)
        XCTAssertEqual(try dec("-0.0").units, 0)
    }

    func testUnderscoresBetweenDigits() throws {
        XCTAssertEqual(try dec("1_000_000"), FixedDecimal(1_000_000))
        XCTAssertEqual(try dec("1_000.000_4"), try dec("1000.0004"))
        XCTAssertEqual(try dec("-20_000.00"), FixedDecimal(-20_000))
        XCTAssertEqual(try dec("1_2_3"), FixedDecimal(123))
    }

    func testStringOverload() throws {
        XCTAssertEqual(try FixedDecimal.parse("2.5"), try dec("2.5"))
    }

    func testMalformed() {
        for text in ["", "-", "+1", " 1", "1 ", "1.", ".5", "-.5", "1..2", "1.2.3", "1e5", "_1", "1_", "1__0",
                     "1_.5", "1._5", "--1", "1-", "0x10", "１", "1,000", "NaN", "∞", "1.5_"] {
            assertThrows(.malformed) { () throws(ArithmeticError) in try FixedDecimal.parse(Substring(text)) }
        }
    }

    func testFractionDigitLimit() throws {
        XCTAssertEqual(try dec("0.123456789012345678").units, 123_456_789_012_345_678)
        assertThrows(.tooManyFractionDigits) { () throws(ArithmeticError) in try dec("0.1234567890123456789") }
        // Trailing zeros count too: a literal is exactly what was written.
        assertThrows(.tooManyFractionDigits) { () throws(ArithmeticError) in try dec("1.0000000000000000000") }
        assertThrows(.tooManyFractionDigits) { () throws(ArithmeticError) in try dec("-0.000_000_000_000_000_000_1") }
    }

    func testMagnitudeLimit() throws {
        // The range is ±(2^127 - 1) units: 170141183460469231731.687303715884105727.
        XCTAssertEqual(try dec("170141183460469231731.687303715884105727").units, Int128.max)
        XCTAssertEqual(try dec("-170141183460469231731.687303715884105727").units, -Int128.max)
        XCTAssertEqual(FixedDecimal.maximum.description, "170141183460469231731.687303715884105727")
        XCTAssertEqual(FixedDecimal.minimum.description, "-170141183460469231731.687303715884105727")
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("170141183460469231731.687303715884105728") }
        // Int128.min itself is outside the symmetric range.
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("-170141183460469231731.687303715884105728") }
        // 20 integer digits fit up to 1.7e20; 21 digits never do.
        XCTAssertEqual(try dec("99999999999999999999").description, "99999999999999999999")
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("170141183460469231732") }
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("200000000000000000000") }
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("999999999999999999999") }
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("-1_000_000_000_000_000_000_000_000_000_000_000_000_000") }
    }

    func testErrorPrecedence() {
        // Syntax first, then fraction digits, then magnitude.
        assertThrows(.malformed) { () throws(ArithmeticError) in try dec("9999999999999999999999.1234567890123456789x") }
        assertThrows(.tooManyFractionDigits) { () throws(ArithmeticError) in try dec("9999999999999999999999.1234567890123456789") }
    }

    func testRoundTripThroughDescription() throws {
        for text in ["0", "1", "-1", "0.5", "1200", "0.146", "-3.5", "0.000000000000000001", "123456789.987654321",
                     "170141183460469231731.687303715884105727", "-99.99"] {
            XCTAssertEqual(try dec(text).description, text)
        }
    }

    func testIntInitializer() {
        XCTAssertEqual(FixedDecimal(0), .zero)
        XCTAssertEqual(FixedDecimal(1), .one)
        XCTAssertEqual(FixedDecimal(Int.max).description, "9223372036854775807")
        XCTAssertEqual(FixedDecimal(Int.min).description, "-9223372036854775808")
    }

    func testProperties() throws {
        XCTAssertEqual(try dec("-2.5").magnitude, try dec("2.5"))
        XCTAssertEqual(FixedDecimal(units: .min).magnitude.units, .max)  // saturates, never traps
        XCTAssertEqual(try dec("-2.5").signum, -1)
        XCTAssertEqual(FixedDecimal.zero.signum, 0)
        XCTAssertEqual(try dec("0.01").signum, 1)
        XCTAssertTrue(try dec("12.000").isInteger)
        XCTAssertFalse(try dec("12.000000000000000001").isInteger)
        XCTAssertEqual(try dec("-12").intValue, -12)
        XCTAssertNil(try dec("12.5").intValue)
        XCTAssertEqual(try dec("9223372036854775807").intValue, Int.max)
        XCTAssertEqual(try dec("-9223372036854775808").intValue, Int.min)
        XCTAssertNil(try dec("9223372036854775808").intValue)
        XCTAssertTrue(try dec("-1") < dec("0.5"))
        XCTAssertTrue(try dec("0.1") < dec("0.10000000000000001"))
    }
}
