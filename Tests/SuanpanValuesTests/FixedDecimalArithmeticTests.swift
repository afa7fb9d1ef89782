import XCTest
@testable import SuanpanValues

final class FixedDecimalArithmeticTests: XCTestCase {
    func testDecimalExactness() throws {
        XCTAssertEqual(try dec("0.1").adding(dec("0.2")), try dec("0.3"))
        XCTAssertEqual(try dec("0.3").subtracting(dec("0.1")), try dec("0.2"))
        XCTAssertEqual(try FixedDecimal(1200).multiplied(by: dec("0.088")), try dec("105.6"))
        XCTAssertEqual(try FixedDecimal(10000).multiplied(by: dec("0.0004")).multiplied(by: FixedDecimal(30)), FixedDecimal(120))
        XCTAssertEqual(try dec("500").multiplied(by: dec("0.0005")).multiplied(by: FixedDecimal(5)), try dec("1.25"))
        XCTAssertEqual(try dec("900").multiplied(by: dec("0.0005")).multiplied(by: FixedDecimal(30)), try dec("13.5"))
        XCTAssertEqual(try dec("123456.78").multiplied(by: dec("0.002")), try dec("246.91356"))
        XCTAssertEqual(try dec("-1.5").multiplied(by: dec("-1.5")), try dec("2.25"))
        XCTAssertEqual(try dec("-1.5").multiplied(by: dec("2")), try dec("-3"))
        XCTAssertEqual(try dec("0.000000001").multiplied(by: dec("0.000000001")), try dec("0.000000000000000001"))
        XCTAssertEqual(try FixedDecimal(7).divided(by: FixedDecimal(2)), try dec("3.5"))
        XCTAssertEqual(try FixedDecimal(1200).divided(by: FixedDecimal(12)), FixedDecimal(100))
        XCTAssertEqual(try dec("10000").divided(by: dec("1.015")), try dec("9852.216748768472906404"))
    }

    func testProductsRoundHalfEvenAt18Digits() throws {
        // 0.000000001 × 0.0000000005 = 5e-19: a tie, to the even neighbour 0.
        XCTAssertEqual(try dec("0.000000001").multiplied(by: dec("0.0000000005")), .zero)
        // 1.5e-18: a tie between 1e-18 and 2e-18, to 2e-18.
        XCTAssertEqual(try dec("0.000000003").multiplied(by: dec("0.0000000005")).units, 2)
        XCTAssertEqual(try dec("-0.000000003").multiplied(by: dec("0.0000000005")).units, -2)
        XCTAssertEqual(try dec("0.000000001").multiplied(by: dec("0.00000000051")).units, 1)
        XCTAssertEqual(try dec("0.000000001").multiplied(by: dec("0.00000000049")).units, 0)
    }

    func testDivisionRoundsHalfEvenAt18Digits() throws {
        XCTAssertEqual(try FixedDecimal(1).divided(by: FixedDecimal(3)).description, "0.333333333333333333")
        XCTAssertEqual(try FixedDecimal(2).divided(by: FixedDecimal(3)).description, "0.666666666666666667")
        XCTAssertEqual(try FixedDecimal(-2).divided(by: FixedDecimal(3)).description, "-0.666666666666666667")
        XCTAssertEqual(try FixedDecimal(1).divided(by: FixedDecimal(-3)).description, "-0.333333333333333333")
        // 1e-18 / 2 = 5e-19, a tie: to even (0); 3e-18 / 2 = 1.5e-18: to 2e-18.
        XCTAssertEqual(try FixedDecimal(units: 1).divided(by: FixedDecimal(2)).units, 0)
        XCTAssertEqual(try FixedDecimal(units: 3).divided(by: FixedDecimal(2)).units, 2)
        XCTAssertEqual(try FixedDecimal(365).divided(by: FixedDecimal(7)).description, "52.142857142857142857")
        XCTAssertEqual(try FixedDecimal(100).divided(by: dec("0.000000000000000003")).description,
                       "33333333333333333333.333333333333333333")
    }

    func testDivisionByZero() throws {
        assertThrows(.divisionByZero) { () throws(ArithmeticError) in try FixedDecimal(1).divided(by: .zero) }
        assertThrows(.divisionByZero) { () throws(ArithmeticError) in try FixedDecimal.zero.divided(by: .zero) }
        assertThrows(.divisionByZero) { () throws(ArithmeticError) in
            try FixedDecimal(1).divided(by: .zero, roundedToMultipleOf: dec("0.01"), mode: .halfUp)
        }
    }

    func testOverflowIsAnErrorNotATrap() throws {
        let max = FixedDecimal.maximum
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.adding(FixedDecimal(units: 1)) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.negated().subtracting(FixedDecimal(units: 1)) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.multiplied(by: dec("1.000000000000000001")) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.multiplied(by: max) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.negated().multiplied(by: max) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try dec("10000000000").multiplied(by: dec("100000000000")) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.divided(by: dec("0.5")) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.divided(by: FixedDecimal(units: 1)) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal(1000).divided(by: FixedDecimal(units: 1)) }
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal(units: .min).negated() }
        // Up to the limit is fine.
        XCTAssertEqual(try max.multiplied(by: .one), max)
        XCTAssertEqual(try max.divided(by: .one), max)
        XCTAssertEqual(try max.negated().adding(max), .zero)
        XCTAssertEqual(try max.subtracting(max), .zero)
        XCTAssertEqual(try FixedDecimal(170).divided(by: FixedDecimal(units: 1_000_000_000_000_000_000)), FixedDecimal(170))
        // A sum that would be exactly Int128.min is outside the symmetric range.
        assertThrows(.overflow) { () throws(ArithmeticError) in try max.negated().subtracting(FixedDecimal(units: 1)) }
    }

    func testWideProductsAndQuotients() throws {
        // Products of 2^128 units and more take the 256-bit path.
        XCTAssertEqual(try dec("123456789012.5").multiplied(by: dec("1000000.25")).description, "123456819876697253.125")
        XCTAssertEqual(try dec("-123456789012.5").multiplied(by: dec("1000000.25")).description, "-123456819876697253.125")
        XCTAssertEqual(try dec("99999999999999999999").divided(by: dec("99999999999999999999")), .one)
        XCTAssertEqual(try dec("100000000000000000000").divided(by: dec("3")).description,
                       "33333333333333333333.333333333333333333")
    }

    func testFusedMultiplyRoundHasNoDoubleRounding() throws {
        // 0.499999999999999999 × 0.01 = 0.00499999999999999999: exact rounding to cents
        // half-up gives 0.00, while rounding first to 18 digits (0.005) and then to cents
        // would give 0.01.
        let a = try dec("0.499999999999999999")
        let b = try dec("0.01")
        let cent = try dec("0.01")
        XCTAssertEqual(try a.multiplied(by: b, roundedToMultipleOf: cent, mode: .halfUp), .zero)
        XCTAssertEqual(try a.multiplied(by: b).rounded(toMultipleOf: cent, mode: .halfUp), cent)
        // Huabei: 100.88 × 2.3% → 2.32; 10,000 × 8.8% → 880.00.
        XCTAssertEqual(try dec("100.88").multiplied(by: dec("0.023"), roundedToMultipleOf: cent, mode: .halfEven), try dec("2.32"))
        XCTAssertEqual(try dec("10000").multiplied(by: dec("0.088"), roundedToMultipleOf: cent, mode: .halfEven), FixedDecimal(880))
        // Fund purchase: 10,000 / 1.015 = 9,852.2167... → 9,852.22.
        XCTAssertEqual(try dec("10000").divided(by: dec("1.015"), roundedToMultipleOf: cent, mode: .halfUp), try dec("9852.22"))
        XCTAssertEqual(try dec("8210.1822").divided(by: dec("1"), roundedToMultipleOf: cent, mode: .down), try dec("8210.18"))
        assertThrows(.invalidArgument("the rounding quantum must be positive")) { () throws(ArithmeticError) in
            try FixedDecimal(1).multiplied(by: .one, roundedToMultipleOf: .zero, mode: .halfUp)
        }
    }

    /// 400 random cases across magnitudes, signs and the overflow boundary. Expected values
    /// come from Python integer arithmetic on units (exact, half-even at 18 digits), made by
    /// a generator script kept in the comment of `ReferenceCases.swift`.
    func testAgainstPythonReference() {
        for (a, b, sum, difference, product, quotient) in ReferenceCases.arithmetic {
            guard let x = try? dec(a), let y = try? dec(b) else { return XCTFail("bad case \(a), \(b)") }
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try x.adding(y) }, sum, "\(a) + \(b)")
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try x.subtracting(y) }, difference, "\(a) - \(b)")
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try x.multiplied(by: y) }, product, "\(a) × \(b)")
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try x.divided(by: y) }, quotient, "\(a) ÷ \(b)")
        }
    }

    func testRoundingAgainstPythonReference() {
        for (a, b, quantumText, mode, rounded, fused) in ReferenceCases.rounding {
            guard let x = try? dec(a), let y = try? dec(b), let quantum = try? dec(quantumText) else {
                return XCTFail("bad case \(a), \(b)")
            }
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try x.rounded(toMultipleOf: quantum, mode: mode) },
                           rounded, "\(a) to \(quantumText) \(mode)")
            XCTAssertEqual(outcome { () throws(ArithmeticError) in
                try x.multiplied(by: y, roundedToMultipleOf: quantum, mode: mode)
            }, fused, "\(a) × \(b) to \(quantumText) \(mode)")
        }
    }
}
