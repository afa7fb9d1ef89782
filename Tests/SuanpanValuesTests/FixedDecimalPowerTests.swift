import XCTest
@testable import SuanpanValues

/// Reference values were computed with Python's mpmath at 60 significant digits (and Python's
/// decimal module for exact integer powers), then rounded half-even to 18 fraction digits, e.g.
/// `python3 -c "import mpmath; mpmath.mp.dps = 60; print(mpmath.power(mpmath.mpf('1.1'), mpmath.mpf('2.5')))"`.
final class FixedDecimalPowerTests: XCTestCase {
    func testIntegerPowersAreExactThenRoundedOnce() throws {
        // Decimal('1.012')**12 = 1.153894624182585988|2...
        XCTAssertEqual(try dec("1.012").power(FixedDecimal(12)).description, "1.153894624182585988")
        // Daily 万分之四 compounded over a year: (1.0004)^365 - 1 = 0.157162407423171856|...
        XCTAssertEqual(try dec("1.0004").power(FixedDecimal(365)).subtracting(.one).description, "0.157162407423171856")
        XCTAssertEqual(try dec("1.0004").power(dec("365.0")).description, "1.157162407423171856")
        XCTAssertEqual(try FixedDecimal(2).power(FixedDecimal(10)), FixedDecimal(1024))
        XCTAssertEqual(try FixedDecimal(-2).power(FixedDecimal(3)), FixedDecimal(-8))
        XCTAssertEqual(try FixedDecimal(-2).power(FixedDecimal(4)), FixedDecimal(16))
        XCTAssertEqual(try dec("1.5").power(FixedDecimal(2)), try dec("2.25"))
        XCTAssertEqual(try dec("0.1").power(FixedDecimal(18)).units, 1)
        XCTAssertEqual(try dec("0.1").power(FixedDecimal(19)), .zero)
        XCTAssertEqual(try dec("0.1").power(FixedDecimal(1000)), .zero)
        // 0.5^19 = 0.0000019073486328125 exactly: a tie at the 19th digit, to even ...812.
        XCTAssertEqual(try dec("0.5").power(FixedDecimal(19)).description, "0.000001907348632812")
        // ...and -0.5^19 the same magnitude, negative.
        XCTAssertEqual(try dec("-0.5").power(FixedDecimal(19)).description, "-0.000001907348632812")
        XCTAssertEqual(try FixedDecimal(10).power(FixedDecimal(20)).description, "100000000000000000000")
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal(10).power(FixedDecimal(21)) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal(2).power(FixedDecimal(1_000_000)) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal(-3).power(dec("99999999999999999999")) }
        XCTAssertEqual(try dec("0.999").power(dec("99999999999999999999")), .zero)
        XCTAssertEqual(try FixedDecimal(1).power(dec("99999999999999999999")), .one)
        XCTAssertEqual(try FixedDecimal(-1).power(dec("99999999999999999999")), FixedDecimal(-1))
        XCTAssertEqual(try FixedDecimal(-1).power(dec("99999999999999999998")), .one)
    }

    func testZeroAndOneExponents() throws {
        XCTAssertEqual(try dec("123.456").power(.zero), .one)
        XCTAssertEqual(try FixedDecimal.zero.power(.zero), .one)
        XCTAssertEqual(try dec("123.456").power(.one), try dec("123.456"))
        XCTAssertEqual(try FixedDecimal.zero.power(FixedDecimal(5)), .zero)
        assertThrows(.divisionByZero) { () throws(ArithmeticError) in try FixedDecimal.zero.power(FixedDecimal(-1)) }
        assertThrows(.divisionByZero) { () throws(ArithmeticError) in try FixedDecimal.zero.power(FixedDecimal(-2)) }
    }

    func testNegativeIntegerExponents() throws {
        XCTAssertEqual(try FixedDecimal(2).power(FixedDecimal(-3)), try dec("0.125"))
        XCTAssertEqual(try FixedDecimal(-2).power(FixedDecimal(-3)), try dec("-0.125"))
        XCTAssertEqual(try FixedDecimal(3).power(FixedDecimal(-1)).description, "0.333333333333333333")
        // 1/1.05^10 = 0.613913253540759374|3...  (present value factor)
        XCTAssertEqual(try dec("1.05").power(FixedDecimal(-10)).description, "0.613913253540759374")
        // 1/1.0004^365 = 0.864182930230900688|...
        XCTAssertEqual(try dec("1.0004").power(FixedDecimal(-365)).description, "0.864182930230900688")
        XCTAssertEqual(try dec("0.001").power(FixedDecimal(-6)), FixedDecimal(1_000_000_000_000_000_000))
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("0.000000001").power(FixedDecimal(-3)) }
        XCTAssertEqual(try FixedDecimal(10).power(FixedDecimal(-18)).units, 1)
        XCTAssertEqual(try FixedDecimal(10).power(FixedDecimal(-19)), .zero)
        // 2^-61 = 4.3e-19 rounds to 0; 2^-60 = 8.7e-19 rounds to 1e-18.
        XCTAssertEqual(try FixedDecimal(2).power(FixedDecimal(-61)), .zero)
        XCTAssertEqual(try FixedDecimal(2).power(FixedDecimal(-60)).units, 1)
    }

    func testYuebaoSevenDayYield() throws {
        // Y7 = [Π(1 + R_i/10,000)^(365/7) - 1] × 100, published to 3 dp; the fund's peak,
        // 2013-12-27 ... 2014-01-02, was 6.763%. mpmath gives 6.763278463188479906... for the
        // exact formula; with the product and 365/7 rounded at 18 digits, 6.7632784631884737.
        let dailyIncomePer10k = ["1.8030", "1.7889", "1.7886", "1.7947", "1.7869", "1.7807", "1.8092"]
        var product = FixedDecimal.one
        for r in dailyIncomePer10k {
            product = try product.multiplied(by: FixedDecimal.one.adding(dec(r).divided(by: FixedDecimal(10_000))))
        }
        XCTAssertEqual(product.description, "1.001255875424754619")
        let exponent = try FixedDecimal(365).divided(by: FixedDecimal(7))
        let annual = try product.power(exponent)
        XCTAssertEqual(annual.description, "1.067632784631884737")
        let yield = try annual.subtracting(.one).multiplied(by: FixedDecimal(100))
        XCTAssertEqual(try yield.rounded(places: 3, mode: .halfEven), try dec("6.763"))
        XCTAssertEqual(try yield.rounded(places: 3, mode: .halfUp).description, "6.763")
    }

    func testFractionalPowers() throws {
        XCTAssertEqual(try FixedDecimal(2).power(dec("0.5")).description, "1.414213562373095049")
        XCTAssertEqual(try dec("1.1").power(dec("2.5")).description, "1.269058706285883372")
        XCTAssertEqual(try FixedDecimal(10000).power(dec("-0.25")), try dec("0.1"))
        XCTAssertEqual(try dec("2.25").power(dec("0.5")), try dec("1.5"))
        XCTAssertEqual(try dec("0.5").power(dec("0.5")).description, "0.707106781186547524")
        XCTAssertEqual(try dec("1.0004").power(dec("365.5")).description, "1.157393816766035835")
        // Monthly rate equivalent to 1.2% a year: 1.012^(1/12), with 1/12 at 18 digits.
        let twelfth = try FixedDecimal.one.divided(by: FixedDecimal(12))
        XCTAssertEqual(try dec("1.012").power(twelfth).description, "1.00099454180114278")
        assertThrows(.invalidArgument("a fractional power needs a positive base")) { () throws(ArithmeticError) in
            try FixedDecimal(-2).power(dec("0.5"))
        }
        XCTAssertEqual(try FixedDecimal.zero.power(dec("0.5")), .zero)
        XCTAssertEqual(try FixedDecimal.zero.power(dec("2.5")), .zero)
        assertThrows(.divisionByZero) { () throws(ArithmeticError) in try FixedDecimal.zero.power(dec("-0.5")) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal(1000).power(dec("7.5")) }
        XCTAssertEqual(try dec("0.001").power(dec("7.5")), .zero)
    }

    func testLogarithm() throws {
        XCTAssertEqual(try FixedDecimal(2).ln().description, "0.693147180559945309")
        XCTAssertEqual(try dec("0.5").ln().description, "-0.693147180559945309")
        XCTAssertEqual(try FixedDecimal(10).ln().description, "2.302585092994045684")
        XCTAssertEqual(try FixedDecimal.one.ln(), .zero)
        XCTAssertEqual(try dec("1.0004").ln().description, "0.000399920021326935")
        XCTAssertEqual(try dec("1.000000000000000001").ln().units, 1)
        XCTAssertEqual(try FixedDecimal(units: 1).ln().description, "-41.446531673892822312")
        XCTAssertEqual(try FixedDecimal.maximum.ln().description, "46.583160257220231984")
        assertThrows(.invalidArgument("the logarithm needs a positive argument")) { () throws(ArithmeticError) in
            try FixedDecimal.zero.ln()
        }
        assertThrows(.invalidArgument("the logarithm needs a positive argument")) { () throws(ArithmeticError) in
            try FixedDecimal(-1).ln()
        }
    }

    func testExponential() throws {
        XCTAssertEqual(try FixedDecimal.zero.exp(), .one)
        XCTAssertEqual(try FixedDecimal.one.exp().description, "2.718281828459045235")
        XCTAssertEqual(try FixedDecimal(-1).exp().description, "0.367879441171442322")
        XCTAssertEqual(try dec("0.5").exp().description, "1.648721270700128147")
        XCTAssertEqual(try FixedDecimal(10).exp().description, "22026.465794806716516958")
        // e^46 = 94961194206024488745.133649117118323102...: 38 significant digits, of which the
        // working precision (relative error ~1e-35) guarantees about 35.
        let e46 = try FixedDecimal(46).exp()
        XCTAssertLessThan(abs(e46.units - (try dec("94961194206024488745.133649117118323102")).units), 10_000)
        XCTAssertEqual(e46.formatted(maxFractionDigits: 12), "94961194206024488745.133649117118")
        XCTAssertEqual(try FixedDecimal(-40).exp().units, 4)
        XCTAssertEqual(try FixedDecimal(-50).exp(), .zero)
        XCTAssertEqual(try FixedDecimal.minimum.exp(), .zero)
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal(47).exp() }
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("46.6").exp() }
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal.maximum.exp() }
        // exp and ln are inverse to within what the 18-digit intermediate allows: e^x carries
        // a relative error up to 0.5e-18 / e^x, which ln turns into an absolute error.
        for (text, tolerance) in [("0.0004", 1), ("1.5", 1), ("12.345678901234567", 1), ("-3.25", 13), ("-20", 250_000_000)] {
            let x = try dec(text)
            let back = try x.exp().ln()
            XCTAssertLessThanOrEqual(abs(back.units - x.units), Int128(tolerance), text)
        }
    }

    func testSquareRoot() throws {
        XCTAssertEqual(try FixedDecimal(2).squareRoot().description, "1.414213562373095049")
        XCTAssertEqual(try dec("0.5").squareRoot().description, "0.707106781186547524")
        XCTAssertEqual(try FixedDecimal(144).squareRoot(), FixedDecimal(12))
        XCTAssertEqual(try dec("0.0004").squareRoot(), try dec("0.02"))
        XCTAssertEqual(try FixedDecimal.zero.squareRoot(), .zero)
        XCTAssertEqual(try FixedDecimal(units: 1).squareRoot().units, 1_000_000_000)
        XCTAssertEqual(try FixedDecimal.maximum.squareRoot().description, "13043817825.332782212349571806")
        assertThrows(.invalidArgument("the square root needs a nonnegative argument")) { () throws(ArithmeticError) in
            try FixedDecimal(-4).squareRoot()
        }
    }
}
