// A minimal unsigned big integer, for the one place where exactness needs more than 256 bits:
// integer powers such as 1.0004^365, whose exact value has 1,460 fraction digits before it is
// rounded to 18. Only what `FixedDecimal.power` needs: product, power, powers of ten, and
// division with remainder (Knuth's algorithm D).

/// Unsigned arbitrary-precision integer: little-endian 64-bit limbs, no leading zero limbs
/// (zero is the empty array).
@usableFromInline
struct BigUInt: Equatable, Sendable {
    @usableFromInline var limbs: [UInt64]

    init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    init(_ value: UInt128) {
        self.init(limbs: [value._low, value._high])
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value when it fits 128 bits.
    var uint128: UInt128? {
        switch limbs.count {
        case 0: 0
        case 1: UInt128(limb: limbs[0])
        case 2: UInt128(_low: limbs[0], _high: limbs[1])
        default: nil
        }
    }

    /// Number of significant bits (0 for zero).
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count &* 64 &- top.leadingZeroBitCount
    }

    private mutating func normalize() {
        while let top = limbs.last, top == 0 { limbs.removeLast() }
    }

    /// -1, 0 or 1 as `self` is below, equal to or above `other`.
    func compare(_ other: BigUInt) -> Int {
        if limbs.count != other.limbs.count { return limbs.count < other.limbs.count ? -1 : 1 }
        var i = limbs.count
        while i > 0 {
            i &-= 1
            if limbs[i] != other.limbs[i] { return limbs[i] < other.limbs[i] ? -1 : 1 }
        }
        return 0
    }

    /// Schoolbook product. Each column step adds a 128-bit product of two limbs and two limbs
    /// below 2^64, which stays below 2^128.
    static func * (a: BigUInt, b: BigUInt) -> BigUInt {
        if a.isZero || b.isZero { return BigUInt(limbs: []) }
        var result = [UInt64](repeating: 0, count: a.limbs.count &+ b.limbs.count)
        for i in 0..<a.limbs.count {
            var carry: UInt64 = 0
            let ai = UInt128(limb: a.limbs[i])
            for j in 0..<b.limbs.count {
                let t = ai &* UInt128(limb: b.limbs[j]) &+ UInt128(limb: result[i &+ j]) &+ UInt128(limb: carry)
                result[i &+ j] = t._low
                carry = t._high
            }
            result[i &+ b.limbs.count] = carry
        }
        return BigUInt(limbs: result)
    }

    /// `self` doubled (one bit left).
    func doubled() -> BigUInt {
        var result = limbs
        var carry: UInt64 = 0
        for i in 0..<result.count {
            let top = result[i] >> 63
            result[i] = (result[i] << 1) | carry
            carry = top
        }
        if carry != 0 { result.append(carry) }
        return BigUInt(limbs: result)
    }

    /// `self^exponent` by repeated squaring.
    func power(_ exponent: Int) -> BigUInt {
        var result = BigUInt(1)
        var base = self
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }

    /// 10^exponent.
    static func powerOfTen(_ exponent: Int) -> BigUInt {
        // 10^19 is the largest power of ten in one limb.
        let big = BigUInt(UInt128(10_000_000_000_000_000_000)).power(exponent / 19)
        return big * BigUInt(FixedDecimal.powerOfTen(exponent % 19))
    }

    /// Quotient and remainder of `self / divisor` (`divisor` nonzero), by Knuth's algorithm D
    /// (TAOCP vol. 2, 4.3.1) on 64-bit limbs.
    func quotientAndRemainder(dividingBy divisor: BigUInt) -> (quotient: BigUInt, remainder: BigUInt) {
        if compare(divisor) < 0 { return (BigUInt(limbs: []), self) }
        let n = divisor.limbs.count
        if n == 1 {
            let d = divisor.limbs[0]
            var q = [UInt64](repeating: 0, count: limbs.count)
            var r: UInt64 = 0
            var i = limbs.count
            while i > 0 {
                i &-= 1
                let (qi, ri) = d.dividingFullWidth((high: r, low: limbs[i]))  // r < d: fits
                q[i] = qi
                r = ri
            }
            return (BigUInt(limbs: q), BigUInt(limbs: [r]))
        }
        // Normalise: shift both so the divisor's top limb has its top bit set.
        let shift = UInt64(truncatingIfNeeded: divisor.limbs[n &- 1].leadingZeroBitCount)
        let v = BigUInt.shiftedLeft(divisor.limbs, shift, extraLimb: false)
        var u = BigUInt.shiftedLeft(limbs, shift, extraLimb: true)
        let m = limbs.count &- n
        var q = [UInt64](repeating: 0, count: m &+ 1)
        let vTop = v[n &- 1], vNext = v[n &- 2]
        var j = m
        while j >= 0 {
            // Estimate the quotient limb from the top two limbs, then correct it with the
            // third (after which it is at most one too large).
            var qhat: UInt128, rhat: UInt128
            if u[j &+ n] >= vTop {
                qhat = UInt128(limb: UInt64.max)
                rhat = UInt128(_low: u[j &+ n &- 1], _high: u[j &+ n]) &- qhat &* UInt128(limb: vTop)
            } else {
                let (qq, rr) = vTop.dividingFullWidth((high: u[j &+ n], low: u[j &+ n &- 1]))
                qhat = UInt128(limb: qq)
                rhat = UInt128(limb: rr)
            }
            while rhat._high == 0 && qhat &* UInt128(limb: vNext) > ((rhat &<< 64) | UInt128(limb: u[j &+ n &- 2])) {
                qhat &-= 1
                rhat &+= UInt128(limb: vTop)
            }
            // u[j...j+n] -= qhat · v
            var borrow: UInt64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let p = qhat &* UInt128(limb: v[i]) &+ UInt128(limb: carry)
                carry = p._high
                let (d1, b1) = u[i &+ j].subtractingReportingOverflow(p._low)
                let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                u[i &+ j] = d2
                borrow = (b1 || b2) ? 1 : 0
            }
            let (t1, b1) = u[j &+ n].subtractingReportingOverflow(carry)
            let (t2, b2) = t1.subtractingReportingOverflow(borrow)
            u[j &+ n] = t2
            if b1 || b2 {
                // The estimate was one too large: add the divisor back once.
                qhat &-= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let s = UInt128(limb: u[i &+ j]) &+ UInt128(limb: v[i]) &+ UInt128(limb: c)
                    u[i &+ j] = s._low
                    c = s._high
                }
                u[j &+ n] &+= c
            }
            q[j] = qhat._low
            j &-= 1
        }
        // The remainder is the low n limbs of u, shifted back.
        var r = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            let next = i &+ 1 < n ? u[i &+ 1] : 0
            r[i] = shift == 0 ? u[i] : (u[i] >> shift) | (next << (64 &- shift))
        }
        return (BigUInt(limbs: q), BigUInt(limbs: r))
    }

    /// `limbs << shift` (shift < 64), with one extra top limb when asked.
    private static func shiftedLeft(_ limbs: [UInt64], _ shift: UInt64, extraLimb: Bool) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: limbs.count &+ (extraLimb ? 1 : 0))
        var carry: UInt64 = 0
        for i in 0..<limbs.count {
            result[i] = shift == 0 ? limbs[i] : (limbs[i] << shift) | carry
            carry = shift == 0 ? 0 : limbs[i] >> (64 &- shift)
        }
        if extraLimb { result[limbs.count] = carry }
        return result
    }
}
