import XCTest
@testable import SuanpanValues

final class FixedDecimalRoundingRuleTests: XCTestCase {
    func testMatchesGeneralRoundingOnReferenceCases() throws {
        for (a, b, quantumText, mode, rounded, fused) in ReferenceCases.rounding {
            let x = try dec(a), y = try dec(b)
            let rule = try FixedDecimal.Rounding(quantum: dec(quantumText), mode: mode)
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try rule.apply(to: x) }, rounded, "\(a) \(quantumText) \(mode)")
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try rule.product(x, y) }, fused, "\(a) × \(b) \(quantumText) \(mode)")
            XCTAssertEqual(outcome { () throws(ArithmeticError) in try rule.quotient(x, y) },
                           outcome { () throws(ArithmeticError) in try x.divided(by: y, roundedToMultipleOf: rule.quantum, mode: mode) },
                           "\(a) ÷ \(b) \(quantumText) \(mode)")
        }
    }

    func testEveryModeAndPowerOfTenAgainstGeneralRounding() throws {
        let values = ["2.5", "-2.5", "2.675", "-2.665", "0.000000000000000005", "123456.789012345678901",
                      "-0.5", "99.995", "170141183460469231731.687303715884105727", "0", "7.30"]
        for text in values {
            guard let x = try? dec(text) else { continue }
            for places in [-3, 0, 1, 2, 3, 8, 17, 18] {
                for mode in RoundingMode.allCases {
                    let rule = try FixedDecimal.Rounding(places: places, mode: mode)
                    XCTAssertEqual(outcome { () throws(ArithmeticError) in try rule.apply(to: x) },
                                   outcome { () throws(ArithmeticError) in try x.rounded(places: places, mode: mode) },
                                   "\(text) places \(places) \(mode)")
                }
            }
        }
    }

    func testCentsExamples() throws {
        let cents = try FixedDecimal.Rounding(quantum: dec("0.01"), mode: .halfEven)
        XCTAssertEqual(try cents.apply(to: dec("2.675")), try dec("2.68"))
        XCTAssertEqual(try cents.apply(to: dec("-2.665")), try dec("-2.66"))
        XCTAssertEqual(try cents.product(dec("100.88"), dec("0.023")), try dec("2.32"))
        XCTAssertEqual(try cents.product(dec("10000"), dec("0.088")), FixedDecimal(880))
        XCTAssertEqual(try cents.quotient(dec("10000"), dec("1.015")), try dec("9852.22"))
        let halfUp = try FixedDecimal.Rounding(quantum: dec("0.01"), mode: .halfUp)
        XCTAssertEqual(try halfUp.product(dec("0.499999999999999999"), dec("0.01")), .zero)
        assertThrows(.divisionByZero) { () throws(ArithmeticError) in try cents.quotient(.one, .zero) }
        assertThrows(.overflow) { () throws(ArithmeticError) in
            try FixedDecimal.Rounding(quantum: .one, mode: .up).apply(to: .maximum)
        }
        assertThrows(.invalidArgument("the rounding quantum must be positive")) { () throws(ArithmeticError) in
            try FixedDecimal.Rounding(quantum: .zero, mode: .up)
        }
        assertThrows(.invalidArgument("places must be at least -20")) { () throws(ArithmeticError) in
            try FixedDecimal.Rounding(places: -21, mode: .up)
        }
        XCTAssertEqual(try FixedDecimal.Rounding(places: 2, mode: .halfUp).quantum, try dec("0.01"))
    }
}
