// Working precision for logarithms, exponentials and fractional powers.
//
// Values are signed binary fixed point with 120 fraction bits in an Int128 ("Q120"): range
// ±128, resolution 2^-120 ≈ 7.5e-37. That is about 18 digits more than a FixedDecimal holds,
// so after the handful of roundings inside ln and exp the result is still correct far beyond
// the 18th decimal digit (relative error about 1e-34). Pure integer arithmetic: no binary
// floating point is involved, and results are identical on every platform.

/// Namespace for the Q120 kernels.
@usableFromInline
enum Q120 {
    /// ln 2 in Q120, rounded to nearest (from mpmath at 80 digits: round(ln(2) · 2^120)).
    @inlinable
    static var ln2: Int128 { 921_350_637_599_661_305_226_344_307_672_478_455 }

    /// Inputs to `exp` above this overflow every FixedDecimal (e^47 > 2.5e20).
    @inlinable
    static var expUpperLimit: Int128 { 47 << 120 }

    /// Inputs to `exp` below this give less than half a unit of the 18th digit (e^-43 < 2.2e-19).
    @inlinable
    static var expLowerLimit: Int128 { -(43 << 120) }

    // Series coefficients, written out (generated with Python's exact integers, checked by
    // BinaryFixedPointTests) so the loops below read constants instead of lazily built arrays.
    // exp uses 1/n! up to n = 27: with |r| ≤ ln2/2 the first omitted term r^28/28! is below
    // 1e-41. ln uses 1/(2k+1) up to k = 27: with |s| ≤ 0.2 the first omitted term is below 1e-40.

    /// floor(2^120 / n!) for n = 0...27 (values checked by a test).
    @inlinable @inline(__always)
    static func inverseFactorial(_ n: Int) -> UInt128 {
        switch n {
        case 0: 0x1000000000000000000000000000000
        case 1: 0x1000000000000000000000000000000
        case 2: 0x800000000000000000000000000000
        case 3: 0x2aaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        case 4: 0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        case 5: 0x22222222222222222222222222222
        case 6: 0x5b05b05b05b05b05b05b05b05b05
        case 7: 0xd00d00d00d00d00d00d00d00d00
        case 8: 0x1a01a01a01a01a01a01a01a01a0
        case 9: 0x2e3bc74aad8e671f5583911ca0
        case 10: 0x49f93edde27d71cbbc05b4fa9
        case 11: 0x6b99159fd5138e3f9d1f92e0
        case 12: 0x8f76c77fc6c4bdaa26d4c3d
        case 13: 0xb092309d43684be51c198e
        case 14: 0xc9cba54603e4e905d6f8a
        case 15: 0xd73f9f399dc0f88ec32b
        case 16: 0xd73f9f399dc0f88ec32
        case 17: 0xca963b81856a535930
        case 18: 0xb413c31dcbecbbdd8
        case 19: 0x97a4da340a0ab926
        case 20: 0x7950ae900808941
        case 21: 0x5c6e3bdb73d5c6
        case 22: 0x4338e5b6dfe14
        case 23: 0x2ec368262c70
        case 24: 0x1f2cf01972f
        case 25: 0x13f3ccdd16
        case 26: 0xc4742fe3
        case 27: 0x746ac70
        default: 0
        }
    }

    /// floor(2^120 / (2k + 1)) for k = 0...27 (values checked by a test).
    @inlinable @inline(__always)
    static func inverseOdd(_ k: Int) -> UInt128 {
        switch k {
        case 0: 0x1000000000000000000000000000000
        case 1: 0x555555555555555555555555555555
        case 2: 0x333333333333333333333333333333
        case 3: 0x249249249249249249249249249249
        case 4: 0x1c71c71c71c71c71c71c71c71c71c7
        case 5: 0x1745d1745d1745d1745d1745d1745d
        case 6: 0x13b13b13b13b13b13b13b13b13b13b
        case 7: 0x111111111111111111111111111111
        case 8: 0xf0f0f0f0f0f0f0f0f0f0f0f0f0f0f
        case 9: 0xd79435e50d79435e50d79435e50d7
        case 10: 0xc30c30c30c30c30c30c30c30c30c3
        case 11: 0xb21642c8590b21642c8590b21642c
        case 12: 0xa3d70a3d70a3d70a3d70a3d70a3d7
        case 13: 0x97b425ed097b425ed097b425ed097
        case 14: 0x8d3dcb08d3dcb08d3dcb08d3dcb08
        case 15: 0x84210842108421084210842108421
        case 16: 0x7c1f07c1f07c1f07c1f07c1f07c1f
        case 17: 0x75075075075075075075075075075
        case 18: 0x6eb3e45306eb3e45306eb3e45306e
        case 19: 0x69069069069069069069069069069
        case 20: 0x63e7063e7063e7063e7063e7063e7
        case 21: 0x5f417d05f417d05f417d05f417d05
        case 22: 0x5b05b05b05b05b05b05b05b05b05b
        case 23: 0x572620ae4c415c9882b9310572620
        case 24: 0x5397829cbc14e5e0a72f05397829c
        case 25: 0x50505050505050505050505050505
        case 26: 0x4d4873ecade304d4873ecade304d4
        case 27: 0x4a7904a7904a7904a7904a7904a79
        default: 0
        }
    }


    /// (a · b) >> 120 for nonnegative Q120 magnitudes whose product stays below 2^247
    /// (both factors below 128), truncated.
    @inlinable @inline(__always)
    static func multiply(_ a: UInt128, _ b: UInt128) -> UInt128 {
        let p = multiplyFull(a, b)
        return (p.high &<< 8) | (p.low &>> 120)
    }

    /// (a · b) >> 120 for signed Q120 values, truncated toward zero.
    @inlinable @inline(__always)
    static func multiply(_ a: Int128, _ b: Int128) -> Int128 {
        let m = Int128(truncatingIfNeeded: multiply(a.magnitude, b.magnitude))
        return (a < 0) != (b < 0) ? 0 &- m : m
    }

    /// ln(units / 10^18) in Q120, for `units >= 1` (so the result lies in [-41.5, 46.6]).
    ///
    /// Writes the value as 2^e · (A / B) with A/B in [0.75, 1.5), where A and B are exact
    /// integers, so that ln(A/B) = 2·atanh((A - B)/(A + B)) is computed from an exact
    /// difference: no cancellation near 1, where rates live.
    @usableFromInline
    static func ln(units: UInt128) -> Int128 {
        let scaleUnits = UInt128(limb: FixedDecimal.unitsPerOne)   // 10^18 has 60 bits
        let bitLength = 128 &- units.leadingZeroBitCount              // 1...128
        var e = bitLength &- 60                                     // -59...68
        var a: UInt128, b: UInt128
        if e >= 0 {
            a = units
            b = scaleUnits &<< UInt128(truncatingIfNeeded: e)            // < 10^18 · 2^68 < 2^128
        } else {
            a = units &<< UInt128(truncatingIfNeeded: 0 &- e)            // < 2^60
            b = scaleUnits
        }
        // Here a/b lies in (0.5, 1.16); pull the lower part up into [1, 1.5).
        if a < b &- (b &>> 2) {
            if e >= 1 { b &>>= 1 } else { a &<<= 1 }                  // exact: b is even when e ≥ 1
            e &-= 1
        }
        // units < 2^127 keeps a + b < 2^128 (when e = 68, a < 1.5 b and b < 1.2e38, so a+b < 2^128).
        let sum = a &+ b
        let negative = a < b
        let difference = negative ? b &- a : a &- b
        // s = difference / sum in Q120; difference < sum, so the quotient fits.
        let s = divide(UInt256(high: difference &>> 8, low: difference &<< 120), by: sum).quotient
        let z = multiply(s, s)
        var series = inverseOdd(27)
        var k = 26
        while k >= 0 {
            series = inverseOdd(k) &+ multiply(series, z)
            k &-= 1
        }
        // ln(a/b) = 2·s·Σ z^k/(2k+1); |s| ≤ 0.2 keeps this below 0.41.
        let lnRatio = Int128(truncatingIfNeeded: multiply(s, series) &<< 1)
        return Int128(truncatingIfNeeded: e) &* ln2 &+ (negative ? 0 &- lnRatio : lnRatio)
    }

    /// round(e^t · 10^18), half-even, as a magnitude in units.
    ///
    /// - Throws: `.overflow` when the result exceeds `Int128.max` units.
    @usableFromInline
    static func expUnits(_ t: Int128) throws(ArithmeticError) -> UInt128 {
        guard t <= expUpperLimit else { throw .overflow }
        if t < expLowerLimit { return 0 }
        // t = k·ln2 + r with k the nearest integer to t/ln2, so |r| ≤ ln2/2 (plus rounding).
        let halfLn2 = ln2 >> 1
        let k: Int128 = t >= 0 ? (t &+ halfLn2) / ln2 : 0 &- ((0 &- t &+ halfLn2) / ln2)   // -63...68
        let r = t &- k &* ln2
        // e^r by Horner on the Taylor series; every partial sum stays in (0.6, 1.5).
        var sum = Int128(truncatingIfNeeded: inverseFactorial(27))
        var n = 26
        while n >= 0 {
            sum = Int128(truncatingIfNeeded: inverseFactorial(n)) &+ multiply(sum, r)
            n &-= 1
        }
        // e^t · 10^18 = sum · 10^18 · 2^k / 2^120; the shift 120 - k lies in 52...183.
        let scaled = multiplyFull(UInt128(truncatingIfNeeded: sum), UInt128(limb: FixedDecimal.unitsPerOne))
        let shift = 120 &- Int(truncatingIfNeeded: k)
        let q = scaled.shiftedRight(shift)
        let rest = scaled.lowBits(shift)
        let half = UInt256.power(ofTwo: shift &- 1)
        guard q.high == 0 else { throw .overflow }
        let roundsUp = half < rest || (rest == half && q.low._low & 1 == 1)
        guard q.low <= FixedDecimal.maxMagnitude else { throw .overflow }
        let result = q.low &+ (roundsUp ? 1 : 0)
        guard result <= FixedDecimal.maxMagnitude else { throw .overflow }
        return result
    }

    /// Converts FixedDecimal units to Q120 (truncated), for |units| ≤ 64 · 10^18.
    @usableFromInline
    static func fromUnits(_ units: Int128) -> Int128 {
        let m = units.magnitude                                      // < 2^66
        let shifted = UInt256(high: m &>> 8, low: m &<< 120)
        // shifted < 2^186, so the quotient exists and is below 2^126.
        let q = Int128(truncatingIfNeeded: FixedDecimal.divideByScale(shifted)?.quotient ?? 0)
        return units < 0 ? 0 &- q : q
    }

    /// Converts a Q120 value to FixedDecimal units, rounded half-even.
    @usableFromInline
    static func toUnits(_ value: Int128) -> Int128 {
        let scaled = multiplyFull(value.magnitude, UInt128(limb: FixedDecimal.unitsPerOne))   // < 2^188
        let q = scaled.shiftedRight(120).low
        let rest = scaled.lowBits(120)
        let half = UInt256.power(ofTwo: 119)
        let roundsUp = half < rest || (rest == half && q._low & 1 == 1)
        let m = Int128(truncatingIfNeeded: q &+ (roundsUp ? 1 : 0))    // < 2^68
        return value < 0 ? 0 &- m : m
    }
}
