// Fixed-width helpers wider than the standard library's: 128×128→256-bit products and
// 256-bit divisions. `FixedDecimal` keeps 18 fraction digits in an `Int128`, so the exact
// product or scaled dividend of two values needs up to 254 bits; doing the division on the
// exact value is what lets every result be rounded once, correctly.
//
// All operations here are on magnitudes (unsigned). Callers guarantee the documented
// preconditions (nonzero divisors, quotients that fit); the wrapping operators below are
// used only where a comment shows the value cannot wrap.

/// An unsigned 256-bit integer held as two 128-bit halves.
@usableFromInline
struct UInt256: Equatable, Comparable, Sendable {
    @usableFromInline var high: UInt128
    @usableFromInline var low: UInt128

    @inlinable
    init(high: UInt128, low: UInt128) {
        self.high = high
        self.low = low
    }

    @inlinable
    init(_ value: UInt128) {
        self.high = 0
        self.low = value
    }

    @inlinable
    static func < (a: UInt256, b: UInt256) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }

    @inlinable
    var isZero: Bool { (high | low) == 0 }

    @inlinable
    var leadingZeroBitCount: Int {
        high == 0 ? 128 &+ low.leadingZeroBitCount : high.leadingZeroBitCount
    }

    /// `self >> shift` for `0 <= shift < 256`.
    @inlinable
    func shiftedRight(_ shift: Int) -> UInt256 {
        if shift == 0 { return self }
        if shift < 128 {
            let s = UInt128(truncatingIfNeeded: shift)
            return UInt256(high: high &>> s, low: (low &>> s) | (high &<< (128 &- s)))
        }
        return UInt256(high: 0, low: high &>> UInt128(truncatingIfNeeded: shift &- 128))
    }

    /// `self << shift` for `0 <= shift < 256`; bits shifted past bit 255 are lost.
    @inlinable
    func shiftedLeft(_ shift: Int) -> UInt256 {
        if shift == 0 { return self }
        if shift < 128 {
            let s = UInt128(truncatingIfNeeded: shift)
            return UInt256(high: (high &<< s) | (low &>> (128 &- s)), low: low &<< s)
        }
        return UInt256(high: low &<< UInt128(truncatingIfNeeded: shift &- 128), low: 0)
    }

    /// The low `count` bits, `0 <= count < 256`.
    @inlinable
    func lowBits(_ count: Int) -> UInt256 {
        if count == 0 { return UInt256(high: 0, low: 0) }
        if count < 128 {
            let mask = (UInt128(1) &<< UInt128(truncatingIfNeeded: count)) &- 1
            return UInt256(high: 0, low: low & mask)
        }
        if count == 128 { return UInt256(high: 0, low: low) }
        let mask = (UInt128(1) &<< UInt128(truncatingIfNeeded: count &- 128)) &- 1
        return UInt256(high: high & mask, low: low)
    }

    /// `2^bit` for `0 <= bit < 256`.
    @inlinable
    static func power(ofTwo bit: Int) -> UInt256 {
        bit < 128
            ? UInt256(high: 0, low: UInt128(1) &<< UInt128(truncatingIfNeeded: bit))
            : UInt256(high: UInt128(1) &<< UInt128(truncatingIfNeeded: bit &- 128), low: 0)
    }
}

extension UInt128 {
    /// Zero-extends a 64-bit limb; spelled out so the optimizer sees a plain `zext`.
    @inlinable
    init(limb: UInt64) {
        self.init(_low: limb, _high: 0)
    }
}

/// The exact 256-bit product of two 128-bit magnitudes.
///
/// Built from four 64×64→128 multiplies; the middle column sums at most three values
/// below 2^64 each, so it cannot wrap.
@inlinable @inline(__always)
func multiplyFull(_ a: UInt128, _ b: UInt128) -> UInt256 {
    let a0 = UInt128(limb: a._low), a1 = UInt128(limb: a._high)
    let b0 = UInt128(limb: b._low), b1 = UInt128(limb: b._high)
    let p00 = a0 &* b0, p01 = a0 &* b1, p10 = a1 &* b0, p11 = a1 &* b1
    let middle = (p00 &>> 64) &+ UInt128(limb: p01._low) &+ UInt128(limb: p10._low)
    let low = (middle &<< 64) | UInt128(limb: p00._low)
    let high = p11 &+ (p01 &>> 64) &+ (p10 &>> 64) &+ (middle &>> 64)
    return UInt256(high: high, low: low)
}

/// Divides a 128-bit magnitude by a nonzero 64-bit divisor with the hardware 128/64 divide
/// (one or two `div` instructions instead of a call to the generic 128-bit routine).
@inlinable
func divide(_ n: UInt128, by d: UInt64) -> (quotient: UInt128, remainder: UInt64) {
    let high = n._high
    if high < d {
        // The quotient fits 64 bits because the high limb is below the divisor.
        let (q, r) = d.dividingFullWidth((high: high, low: n._low))
        return (UInt128(limb: q), r)
    }
    let (q1, r1) = high.quotientAndRemainder(dividingBy: d)
    let (q0, r0) = d.dividingFullWidth((high: r1, low: n._low))  // r1 < d: fits
    return (UInt128(_low: q0, _high: q1), r0)
}

/// Divides a 256-bit magnitude by a nonzero 64-bit divisor, limb by limb.
@inlinable
func divide(_ n: UInt256, by d: UInt64) -> (quotient: UInt256, remainder: UInt64) {
    // Each step divides (remainder, next limb) with remainder < d, so every partial
    // quotient fits 64 bits.
    let (q3, r3) = n.high._high.quotientAndRemainder(dividingBy: d)
    let (q2, r2) = d.dividingFullWidth((high: r3, low: n.high._low))
    let (q1, r1) = d.dividingFullWidth((high: r2, low: n.low._high))
    let (q0, r0) = d.dividingFullWidth((high: r1, low: n.low._low))
    return (UInt256(high: UInt128(_low: q2, _high: q3), low: UInt128(_low: q0, _high: q1)), r0)
}

/// Divides a 256-bit magnitude by a nonzero 128-bit divisor when the quotient fits 128 bits,
/// that is when `n.high < d` (callers check this; it is how they detect overflow).
///
/// Knuth's algorithm D specialised to a two-limb divisor: two steps, each producing one
/// 64-bit quotient limb from a hardware divide plus an exact correction.
@usableFromInline
func divide(_ n: UInt256, by d: UInt128) -> (quotient: UInt128, remainder: UInt128) {
    if d._high == 0 {
        // Single-limb divisor: n.high < d < 2^64, so n.high is one limb below d.
        let d64 = d._low
        let (q1, r1) = d64.dividingFullWidth((high: n.high._low, low: n.low._high))
        let (q0, r0) = d64.dividingFullWidth((high: r1, low: n.low._low))
        return (UInt128(_low: q0, _high: q1), UInt128(limb: r0))
    }
    // Normalise so the divisor's top bit is set; since n.high < d, no bit of n is lost.
    let shift = d._high.leadingZeroBitCount
    let dn = d &<< UInt128(truncatingIfNeeded: shift)
    let nn = n.shiftedLeft(shift)
    let (q1, r1) = divide3by2(nn.high._high, nn.high._low, nn.low._high, by: dn)
    let (q0, r0) = divide3by2(r1._high, r1._low, nn.low._low, by: dn)
    return (UInt128(_low: q0, _high: q1), r0 &>> UInt128(truncatingIfNeeded: shift))
}

/// One step of algorithm D: divides the three limbs (u2, u1, u0) by a normalised two-limb
/// divisor `d`, given (u2, u1) < d so that the quotient fits one limb.
@usableFromInline
func divide3by2(_ u2: UInt64, _ u1: UInt64, _ u0: UInt64, by d: UInt128) -> (UInt64, UInt128) {
    let d1 = d._high, d0 = d._low
    var qhat: UInt64
    var rhat: UInt128
    if u2 >= d1 {
        // Then u2 == d1; the estimate saturates at 2^64 - 1 and
        // rhat = (u2·2^64 + u1) - qhat·d1 = u1 + d1, which cannot wrap 128 bits.
        qhat = .max
        rhat = UInt128(limb: u1) &+ UInt128(limb: d1)
    } else {
        let (q, r) = d1.dividingFullWidth((high: u2, low: u1))  // u2 < d1: fits
        qhat = q
        rhat = UInt128(limb: r)
    }
    // With a two-limb divisor this test is exact: after it, qhat is the true quotient limb.
    while rhat._high == 0
        && UInt128(limb: qhat) &* UInt128(limb: d0) > ((rhat &<< 64) | UInt128(limb: u0)) {
        qhat &-= 1
        rhat &+= UInt128(limb: d1)
    }
    // The true remainder is below d < 2^128, so computing it modulo 2^128 is exact.
    let remainder = UInt128(_low: u0, _high: u1) &- UInt128(limb: qhat) &* d
    return (qhat, remainder)
}
