import XCTest
@testable import SuanpanValues

/// Checks the internal 256-bit and big-integer kernels by identities (q·d + r == n, r < d) on
/// pseudo-random operands, so that no external reference is needed.
final class WideArithmeticTests: XCTestCase {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A 128-bit value with a random bit length, so every size class is exercised.
        mutating func wide() -> UInt128 {
            let v = UInt128(_low: next(), _high: next())
            return v >> UInt128(next() % 128)
        }
    }

    func testMagicReciprocalOfFivePower18() {
        // M = ceil(2^152 / 5^18): M·5^18 ≥ 2^152 > (M - 1)·5^18.
        let m = FixedDecimal.reciprocalOfFivePower18
        let five18: UInt128 = 3_814_697_265_625
        let upper = multiplyFull(m, five18)
        let lower = multiplyFull(m - 1, five18)
        let twoTo152 = UInt256.power(ofTwo: 152)
        XCTAssertFalse(upper < twoTo152)
        XCTAssertTrue(lower < twoTo152)
    }

    func testDivideByScaleMatchesHardwareDivision() {
        var rng = SplitMix(state: 1)
        var samples: [UInt128] = [0, 1, 999_999_999_999_999_999, 1_000_000_000_000_000_000, .max, .max - 1,
                                  UInt128(UInt64.max), UInt128(UInt64.max) + 1]
        for _ in 0..<20_000 { samples.append(rng.wide()) }
        for p in samples {
            let (q, r) = FixedDecimal.divideByScale(p)
            XCTAssertEqual(q, p / 1_000_000_000_000_000_000, "\(p)")
            XCTAssertEqual(UInt128(r), p % 1_000_000_000_000_000_000, "\(p)")
        }
    }

    func testMultiplyFull() {
        var rng = SplitMix(state: 2)
        for _ in 0..<5_000 {
            let a = rng.wide(), b = rng.wide()
            let p = multiplyFull(a, b)
            let (high, low) = a.multipliedFullWidth(by: b)
            XCTAssertEqual(p.high, high)
            XCTAssertEqual(p.low, low)
        }
        XCTAssertEqual(multiplyFull(.max, .max), UInt256(high: .max - 1, low: 1))
    }

    func testWideDivisionBy128Bits() {
        var rng = SplitMix(state: 3)
        for _ in 0..<20_000 {
            var d = rng.wide()
            if d == 0 { d = 1 }
            // A dividend whose high half is below d, so the quotient fits 128 bits.
            let q0 = rng.wide(), extra = rng.wide() % d
            let n0 = multiplyFull(q0, d)
            let (low, carry) = n0.low.addingReportingOverflow(extra)
            let n = UInt256(high: n0.high + (carry ? 1 : 0), low: low)
            let (q, r) = divide(n, by: d)
            XCTAssertEqual(q, q0, "\(n) / \(d)")
            XCTAssertEqual(r, extra, "\(n) % \(d)")
        }
    }

    func testWideDivisionBy64Bits() {
        var rng = SplitMix(state: 4)
        for _ in 0..<5_000 {
            let n = UInt256(high: rng.wide(), low: rng.wide())
            var d = rng.next() >> (rng.next() % 64)
            if d == 0 { d = 7 }
            let (q, r) = divide(n, by: d)
            XCTAssertLessThan(r, d)
            // q·d + r == n, checked half by half.
            let lowProduct = multiplyFull(q.low, UInt128(d))
            let highProduct = multiplyFull(q.high, UInt128(d))
            XCTAssertEqual(highProduct.high, 0)
            let (sumLow, carry) = lowProduct.low.addingReportingOverflow(UInt128(r))
            XCTAssertEqual(sumLow, n.low)
            XCTAssertEqual(lowProduct.high &+ highProduct.low &+ (carry ? 1 : 0), n.high)
        }
    }

    func testBigUIntDivision() {
        var rng = SplitMix(state: 5)
        for _ in 0..<500 {
            let a = BigUInt(limbs: (0..<Int(rng.next() % 9 + 1)).map { _ in rng.next() >> (rng.next() % 64) })
            var b = BigUInt(limbs: (0..<Int(rng.next() % 5 + 1)).map { _ in rng.next() >> (rng.next() % 64) })
            if b.isZero { b = BigUInt(3) }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            XCTAssertLessThan(r.compare(b), 0)
            // q·b + r == a
            let back = q * b
            var sum = back.limbs + [UInt64](repeating: 0, count: r.limbs.count + 1)
            var carry: UInt64 = 0
            for i in 0..<sum.count {
                let s = UInt128(sum[i]) + UInt128(i < r.limbs.count ? r.limbs[i] : 0) + UInt128(carry)
                sum[i] = s._low
                carry = s._high
            }
            XCTAssertEqual(BigUInt(limbs: sum), a)
        }
        // The add-back step of algorithm D (rare with random data): a classic trigger.
        let u = BigUInt(limbs: [0, 0, 0x8000_0000_0000_0000, 0x7FFF_FFFF_FFFF_FFFF])
        let v = BigUInt(limbs: [1, 0, 0x8000_0000_0000_0000])
        let (q, r) = u.quotientAndRemainder(dividingBy: v)
        XCTAssertEqual((q * v).limbs.count <= 4, true)
        XCTAssertLessThan(r.compare(v), 0)
    }

    func testBigUIntPowers() {
        XCTAssertEqual(BigUInt.powerOfTen(0), BigUInt(1))
        XCTAssertEqual(BigUInt.powerOfTen(19), BigUInt(10_000_000_000_000_000_000))
        XCTAssertEqual(BigUInt.powerOfTen(38), BigUInt(100_000_000_000_000_000_000_000_000_000_000_000_000))
        XCTAssertEqual(BigUInt(2).power(127), BigUInt(UInt128(1) << 127))
        XCTAssertEqual(BigUInt(10).power(38), BigUInt.powerOfTen(38))
        XCTAssertNil(BigUInt.powerOfTen(39).uint128)
    }
}
