import XCTest
@testable import SuanpanValues

/// Compares powers, ln, exp and square roots with the Python reference tables.
final class TranscendentalReferenceTests: XCTestCase {
    /// Units apart, or nil when either side is not a number.
    func distance(_ a: String, _ b: String) -> Int128? {
        guard let x = try? dec(a), let y = try? dec(b) else { return nil }
        return abs(x.units - y.units)
    }

    /// Allowed error in units for a result of this size: the 120-bit working precision gives a
    /// relative error around 1e-34, which shows in the 18th fraction digit only above ~1e16.
    func tolerance(_ expected: String) -> Int128 {
        guard let v = try? dec(expected) else { return 0 }
        return 1 + abs(v.units) / 1_000_000_000_000_000_000_000_000_000_000   // 1e-33 relative
    }

    func testIntegerPowersAreCorrectlyRounded() throws {
        for (base, exponent, expected) in TranscendentalReferenceCases.integerPowers {
            let got = outcome { () throws(ArithmeticError) in try dec(base).power(dec(exponent)) }
            XCTAssertEqual(got, expected, "\(base)^\(exponent)")
        }
    }

    func testFractionalPowers() throws {
        var exact = 0
        for (base, exponent, expected) in TranscendentalReferenceCases.fractionalPowers {
            let got = outcome { () throws(ArithmeticError) in try dec(base).power(dec(exponent)) }
            if got == expected { exact += 1; continue }
            let d = try XCTUnwrap(distance(got, expected), "\(base)^\(exponent): \(got) vs \(expected)")
            XCTAssertLessThanOrEqual(d, tolerance(expected), "\(base)^\(exponent): \(got) vs \(expected)")
        }
        // Nearly all are the correctly rounded value.
        XCTAssertGreaterThan(exact, TranscendentalReferenceCases.fractionalPowers.count * 9 / 10)
    }

    func testLogarithms() throws {
        for (x, expected) in TranscendentalReferenceCases.logarithms {
            XCTAssertEqual(try dec(x).ln().description, expected, "ln \(x)")
        }
    }

    func testExponentials() throws {
        for (x, expected) in TranscendentalReferenceCases.exponentials {
            let got = outcome { () throws(ArithmeticError) in try dec(x).exp() }
            if got == expected { continue }
            let d = try XCTUnwrap(distance(got, expected), "exp \(x): \(got) vs \(expected)")
            XCTAssertLessThanOrEqual(d, tolerance(expected), "exp \(x): \(got) vs \(expected)")
        }
    }

    func testSquareRoots() throws {
        for (x, expected) in TranscendentalReferenceCases.squareRoots {
            XCTAssertEqual(try dec(x).squareRoot().description, expected, "sqrt \(x)")
        }
    }
}
