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
    /// 1.0 in Q120.
    @usableFromInline
    static let one: Int128 = 1 << 120

    /// ln 2 in Q120, rounded to nearest (from mpmath at 80 digits: round(ln(2) · 2^120)).
    @usableFromInline
    static let ln2: Int128 = 921_350_637_599_661_305_226_344_307_672_478_455

    /// Inputs to `exp` above this overflow every FixedDecimal (e^47 > 2.5e20).
    @usableFromInline
    static let expUpperLimit: Int128 = 47 << 120

    /// Inputs to `exp` below this give less than half a unit of the 18th digit (e^-43 < 2.2e-19).
    @usableFromInline
    static let expLowerLimit: Int128 = -(43 << 120)

    /// 1/k! for k = 0...27 in Q120, truncated. |r| ≤ ln2/2 makes the first omitted term
    /// r^28/28! < 1e-41.
    @usableFromInline
    static let inverseFactorials: [UInt128] = {
        var result: [UInt128] = []
        var factorial: UInt128 = 1  // 27! < 1.1e28 fits easily
        var k: UInt128 = 0
        while k <= 27 {
            if k > 0 { factorial &*= k }
            result.append((UInt128(1) << 120) / factorial)
            k &+= 1
        }
        return result
    }()

    /// 1/(2k+1) for k = 0...27 in Q120, truncated: the atanh series in ln. With |s| ≤ 0.2 the
    /// first omitted term s^56/57 is below 1e-41.
    @usableFromInline
    static let inverseOdds: [UInt128] = {
        var result: [UInt128] = []
        var k: UInt128 = 0
        while k <= 27 {
            result.append((UInt128(1) << 120) / (2 &* k &+ 1))
            k &+= 1
        }
        return result
    }()

    /// (a · b) >> 120 for nonnegative Q120 magnitudes whose product stays below 2^247
    /// (both factors below 128), truncated.
    @inlinable
    static func multiply(_ a: UInt128, _ b: UInt128) -> UInt128 {
        let p = multiplyFull(a, b)
        return (p.high &<< 8) | (p.low &>> 120)
    }

    /// (a · b) >> 120 for signed Q120 values, truncated toward zero.
    @inlinable
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
        var series = inverseOdds[27]
        var k = 26
        while k >= 0 {
            series = inverseOdds[k] &+ multiply(series, z)
            k &-= 1
        }
        // ln(a/b) = 2·s·Σ z^k/(2k+1); |s| ≤ 0.2 keeps this below 0.41.
        let lnRatio = Int128(truncatingIfNeeded: multiply(s, series) &<< 1)
        return Int128(e) &* ln2 &+ (negative ? 0 &- lnRatio : lnRatio)
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
        var sum = Int128(truncatingIfNeeded: inverseFactorials[27])
        var n = 26
        while n >= 0 {
            sum = Int128(truncatingIfNeeded: inverseFactorials[n]) &+ multiply(sum, r)
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
        let q = Int128(truncatingIfNeeded: divide(shifted, by: FixedDecimal.unitsPerOne).quotient.low)
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
