import XCTest
@testable import SuanpanValues

/// Checks the written-out constants against their definitions.
final class PowersOfTenTests: XCTestCase {
    func testValues() {
        var power: UInt128 = 1
        for k in 0...38 {
            XCTAssertEqual(PowersOfTen.value(k), power, "10^\(k)")
            XCTAssertEqual(PowersOfTen.exponent(of: power), k)
            XCTAssertNil(PowersOfTen.exponent(of: power + 1))
            if k > 0 {
                XCTAssertNil(PowersOfTen.exponent(of: power - 1))
                XCTAssertNil(PowersOfTen.exponent(of: power / 2))
                XCTAssertNil(PowersOfTen.exponent(of: power * 2))
            }
            if k < 38 { power *= 10 }
        }
        XCTAssertNil(PowersOfTen.exponent(of: 0))
        XCTAssertNil(PowersOfTen.exponent(of: .max))
        XCTAssertEqual(PowersOfTen.value(39), 0)
    }

    func testReciprocals() {
        // M·5^k ≥ 2^s > (M - 1)·5^k with s = 128 + highShift.
        var five: UInt128 = 1
        for k in 1...38 {
            five *= 5
            let (m, highShift) = PowersOfTen.reciprocal(k)
            let s = 128 + Int(highShift)
            XCTAssertEqual(s, 128 - k + (128 - five.leadingZeroBitCount), "s for k = \(k)")
            let twoToS = UInt256.power(ofTwo: s)
            XCTAssertFalse(multiplyFull(m, five) < twoToS, "k = \(k)")
            XCTAssertTrue(multiplyFull(m - 1, five) < twoToS, "k = \(k)")
        }
    }

    func testSmallReciprocals() {
        var five: UInt128 = 1
        for j in 1...18 {
            five *= 5
            let (m, shift) = PowersOfTen.smallReciprocal(j)
            XCTAssertEqual(Int(shift), 60 - j + (128 - five.leadingZeroBitCount), "s for j = \(j)")
            let twoToS = UInt128(1) << shift
            XCTAssertGreaterThanOrEqual(UInt128(m) * five, twoToS, "j = \(j)")
            XCTAssertLessThan(UInt128(m - 1) * five, twoToS, "j = \(j)")
        }
    }

    func testDivisionsAgreeWithHardwareDivision() {
        var rng = WideArithmeticTests.SplitMix(state: 9)
        for _ in 0..<3_000 {
            let x = rng.wide()
            for k in [0, 1, 2, 7, 16, 18, 19, 20, 30, 38] {
                let (q, r) = PowersOfTen.dividing(x, byPowerOf: k)
                XCTAssertEqual(q, x / PowersOfTen.value(k), "\(x) / 10^\(k)")
                XCTAssertEqual(r, x % PowersOfTen.value(k), "\(x) % 10^\(k)")
            }
            let f = rng.next() % 1_000_000_000_000_000_000
            for j in 0...18 {
                let (q, r) = PowersOfTen.dividing(fraction: f, byPowerOf: j)
                let d = UInt64(PowersOfTen.value(j))
                XCTAssertEqual(q, f / d)
                XCTAssertEqual(r, f % d)
            }
        }
        // The largest fraction part.
        let f: UInt64 = 999_999_999_999_999_999
        for j in 0...18 {
            XCTAssertEqual(PowersOfTen.dividing(fraction: f, byPowerOf: j).quotient, f / UInt64(PowersOfTen.value(j)))
        }
    }

    func testWideScaleDivision() {
        var rng = WideArithmeticTests.SplitMix(state: 10)
        for _ in 0..<3_000 {
            let p = UInt256(high: rng.wide() >> 69, low: rng.wide())   // below 2^187
            let expected = divide(p, by: 1_000_000_000_000_000_000 as UInt64)
            for result in [FixedDecimal.divideByScale(p), FixedDecimal.divideByScaleBranchless(p)] {
                XCTAssertEqual(result?.quotient, expected.quotient.low)
                XCTAssertEqual(result?.remainder, expected.remainder)
            }
        }
        XCTAssertNil(FixedDecimal.divideByScale(UInt256(high: 1 << 59, low: 0)))
        XCTAssertNil(FixedDecimal.divideByScaleBranchless(UInt256(high: 1 << 59, low: 0)))
    }
}

final class BinaryFixedPointTests: XCTestCase {
    func testSeriesCoefficients() {
        var factorial: UInt128 = 1
        for n in 0...15 {
            if n > 0 { factorial *= UInt128(n) }
            XCTAssertEqual(Q120.inverseFactorial(n), (UInt128(1) << 120) / factorial, "1/\(n)!")
        }
        for k in 0...9 {
            XCTAssertEqual(Q120.inverseOdd(k), (UInt128(1) << 120) / UInt128(2 * k + 1), "1/\(2 * k + 1)")
        }
    }

    func testTables() {
        // 2^(j/32) squared is 2^(2j/32); 2^(16/32) squared is 2.
        for j in 0..<16 {
            let square = Q120.multiply(Q120.twoToThe32nds(j), Q120.twoToThe32nds(j))
            let expected = Q120.twoToThe32nds(2 * j)
            XCTAssertLessThanOrEqual(square > expected ? square - expected : expected - square, 4, "j = \(j)")
        }
        let two = Q120.multiply(Q120.twoToThe32nds(16), Q120.twoToThe32nds(16))
        XCTAssertLessThanOrEqual(two > (UInt128(2) << 120) ? two - (UInt128(2) << 120) : (UInt128(2) << 120) - two, 4)
        // ln(96/64) + ln(48/64) = ln(1.5 · 0.75) = ln(72/64).
        XCTAssertEqual(Q120.lnOfSixtyFourths(0), 0)
        let sum = Q120.lnOfSixtyFourths(32) + Q120.lnOfSixtyFourths(-16)
        XCTAssertLessThanOrEqual(abs(sum - Q120.lnOfSixtyFourths(8)), 2)
        // ln2Q127 rounded to 120 bits is round(ln 2 · 2^120), 921350637599661305226344307672478455
        // (mpmath); ln2/32 is derived from it.
        let ln2: Int128 = 921_350_637_599_661_305_226_344_307_672_478_455
        XCTAssertEqual((Q120.ln2Q127 + 64) >> 7, UInt128(ln2))
        XCTAssertEqual(Q120.ln2Over32, Int128((Q120.ln2Q127 + 2048) >> 12))
    }

    func testLn2Constant() throws {
        // ln 2 from the series agrees with the constant to the last bits; exp of the 18-digit
        // ln 2 (0.693147180559945309, 4.2e-19 below the true value) is 2 - 8.4e-19.
        XCTAssertEqual(try FixedDecimal(2).ln().exp().description, "1.999999999999999999")
        let ln2: Int128 = 921_350_637_599_661_305_226_344_307_672_478_455
        XCTAssertLessThan(abs(Q120.ln(units: 2_000_000_000_000_000_000) - ln2), 8)
    }
}
