import XCTest
@testable import SuanpanValues

final class FixedDecimalRoundingTests: XCTestCase {
    /// Every mode on positive and negative ties and non-ties, rounding to integers.
    /// Columns: value, then the result for half_up, half_even, down, up, floor, ceiling.
    func testModeTable() throws {
        let table: [(String, [String])] = [
            ("2.5", ["3", "2", "2", "3", "2", "3"]),
            ("3.5", ["4", "4", "3", "4", "3", "4"]),
            ("-2.5", ["-3", "-2", "-2", "-3", "-3", "-2"]),
            ("-3.5", ["-4", "-4", "-3", "-4", "-4", "-3"]),
            ("2.4", ["2", "2", "2", "3", "2", "3"]),
            ("2.6", ["3", "3", "2", "3", "2", "3"]),
            ("-2.4", ["-2", "-2", "-2", "-3", "-3", "-2"]),
            ("-2.6", ["-3", "-3", "-2", "-3", "-3", "-2"]),
            ("2.500000000000000001", ["3", "3", "2", "3", "2", "3"]),
            ("2.499999999999999999", ["2", "2", "2", "3", "2", "3"]),
            ("0.5", ["1", "0", "0", "1", "0", "1"]),
            ("-0.5", ["-1", "0", "0", "-1", "-1", "0"]),
            ("0.000000000000000001", ["0", "0", "0", "1", "0", "1"]),
            ("-0.000000000000000001", ["0", "0", "0", "-1", "-1", "0"]),
            ("7", ["7", "7", "7", "7", "7", "7"]),
            ("-7", ["-7", "-7", "-7", "-7", "-7", "-7"]),
            ("0", ["0", "0", "0", "0", "0", "0"]),
        ]
        let modes: [RoundingMode] = [.halfUp, .halfEven, .down, .up, .floor, .ceiling]
        for (value, expected) in table {
            for (mode, want) in zip(modes, expected) {
                XCTAssertEqual(try dec(value).rounded(toMultipleOf: .one, mode: mode).description, want, "\(value) \(mode)")
                XCTAssertEqual(try dec(value).rounded(places: 0, mode: mode).description, want, "\(value) \(mode) places")
            }
        }
    }

    func testRoundingToCents() throws {
        let cent = try dec("0.01")
        XCTAssertEqual(try dec("2.675").rounded(toMultipleOf: cent, mode: .halfEven), try dec("2.68"))
        XCTAssertEqual(try dec("2.665").rounded(toMultipleOf: cent, mode: .halfEven), try dec("2.66"))
        XCTAssertEqual(try dec("2.665").rounded(toMultipleOf: cent, mode: .halfUp), try dec("2.67"))
        XCTAssertEqual(try dec("-2.665").rounded(toMultipleOf: cent, mode: .halfUp), try dec("-2.67"))
        XCTAssertEqual(try dec("-2.665").rounded(toMultipleOf: cent, mode: .halfEven), try dec("-2.66"))
        XCTAssertEqual(try dec("0.05").rounded(toMultipleOf: cent, mode: .up), try dec("0.05"))
        XCTAssertEqual(try dec("0.051").rounded(toMultipleOf: cent, mode: .up), try dec("0.06"))
        XCTAssertEqual(try dec("0.059").rounded(toMultipleOf: cent, mode: .down), try dec("0.05"))
        XCTAssertEqual(try dec("105.6").rounded(places: 2, mode: .halfEven), try dec("105.6"))
        XCTAssertEqual(try dec("906.666666666666666667").rounded(places: 2, mode: .halfEven), try dec("906.67"))
        XCTAssertEqual(try dec("1.2345").rounded(places: 3, mode: .halfEven), try dec("1.234"))
        XCTAssertEqual(try dec("1.2355").rounded(places: 3, mode: .halfEven), try dec("1.236"))
    }

    func testRoundingToOtherQuanta() throws {
        let nickel = try dec("0.05")
        XCTAssertEqual(try dec("7.325").rounded(toMultipleOf: nickel, mode: .halfUp), try dec("7.35"))
        XCTAssertEqual(try dec("7.325").rounded(toMultipleOf: nickel, mode: .halfEven), try dec("7.30"))
        XCTAssertEqual(try dec("7.375").rounded(toMultipleOf: nickel, mode: .halfEven), try dec("7.40"))
        XCTAssertEqual(try dec("7.31").rounded(toMultipleOf: nickel, mode: .ceiling), try dec("7.35"))
        XCTAssertEqual(try dec("-7.31").rounded(toMultipleOf: nickel, mode: .ceiling), try dec("-7.30"))
        XCTAssertEqual(try dec("-7.31").rounded(toMultipleOf: nickel, mode: .floor), try dec("-7.35"))
        XCTAssertEqual(try dec("7.3").rounded(toMultipleOf: nickel, mode: .ceiling), try dec("7.3"))
        let hundred = FixedDecimal(100)
        XCTAssertEqual(try dec("1250").rounded(toMultipleOf: hundred, mode: .halfEven), FixedDecimal(1200))
        XCTAssertEqual(try dec("1350").rounded(toMultipleOf: hundred, mode: .halfEven), FixedDecimal(1400))
        XCTAssertEqual(try dec("1250").rounded(toMultipleOf: hundred, mode: .halfUp), FixedDecimal(1300))
        XCTAssertEqual(try dec("1249.99").rounded(toMultipleOf: hundred, mode: .halfUp), FixedDecimal(1200))
        XCTAssertEqual(try dec("1250").rounded(places: -2, mode: .halfEven), FixedDecimal(1200))
        XCTAssertEqual(try dec("-1251").rounded(places: -2, mode: .halfEven), FixedDecimal(-1300))
        XCTAssertEqual(try dec("12.5").rounded(toMultipleOf: .one, mode: .halfEven), FixedDecimal(12))
        XCTAssertEqual(try dec("1.23456").rounded(places: 18, mode: .up), try dec("1.23456"))
        XCTAssertEqual(try dec("1.23456").rounded(places: 40, mode: .up), try dec("1.23456"))
        XCTAssertEqual(try dec("5").rounded(places: -20, mode: .halfUp), .zero)
    }

    func testInvalidQuantaAndOverflow() throws {
        assertThrows(.invalidArgument("the rounding quantum must be positive")) { () throws(ArithmeticError) in
            try FixedDecimal.one.rounded(toMultipleOf: .zero, mode: .halfUp)
        }
        assertThrows(.invalidArgument("the rounding quantum must be positive")) { () throws(ArithmeticError) in
            try FixedDecimal.one.rounded(toMultipleOf: dec("-0.01"), mode: .halfUp)
        }
        assertThrows(.invalidArgument("places must be at least -20")) { () throws(ArithmeticError) in
            try FixedDecimal.one.rounded(places: -21, mode: .halfUp)
        }
        // Rounding away from zero past the limit is an overflow, not a trap.
        assertThrows(.overflow) { () throws(ArithmeticError) in
            try FixedDecimal.maximum.rounded(toMultipleOf: .one, mode: .up)
        }
        assertThrows(.overflow) { () throws(ArithmeticError) in
            try FixedDecimal.maximum.negated().rounded(places: 0, mode: .floor)
        }
        XCTAssertEqual(try FixedDecimal.maximum.rounded(toMultipleOf: .one, mode: .down).description, "170141183460469231731")
        XCTAssertEqual(try FixedDecimal.maximum.rounded(toMultipleOf: FixedDecimal.maximum, mode: .up), .maximum)
    }
}
