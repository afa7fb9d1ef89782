// Division by powers of ten with multiplications instead of divide instructions.
//
// On x86-64 a 128-bit division is a library call around a `div` instruction (about 10 ns
// here); products and rounding divide by 10^18 on every operation and rounding to cents by
// 10^16, so those divisions use precomputed reciprocals: for x < 2^128 and 1 ≤ k ≤ 38,
// x / 10^k = (x >> k) / 5^k = ((x >> k) · M) >> s with s = 128 - k + bitLength(5^k) and
// M = ceil(2^s / 5^k). The error term (x >> k)·(M·5^k - 2^s) / 2^s stays below 1 because
// (x >> k) < 2^(128-k) and M·5^k - 2^s < 5^k ≤ 2^s / 2^(128-k), so the quotient is exact.

/// Powers of ten that fit 128 bits and their division reciprocals.
@usableFromInline
enum PowersOfTen {
    // The constants are written out (generated with Python's exact integers and checked by
    // PowersOfTenTests) so that a lookup is a jump-table load: no lazy global initialisation and
    // no array retain/release on the hot path.

    /// 10^k for k = 0...38 (10^38 < 2^127); 0 outside that range.
    @inlinable @inline(__always)
    static func value(_ k: Int) -> UInt128 {
        switch k {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        case 19: 10_000_000_000_000_000_000
        case 20: 100_000_000_000_000_000_000
        case 21: 1_000_000_000_000_000_000_000
        case 22: 10_000_000_000_000_000_000_000
        case 23: 100_000_000_000_000_000_000_000
        case 24: 1_000_000_000_000_000_000_000_000
        case 25: 10_000_000_000_000_000_000_000_000
        case 26: 100_000_000_000_000_000_000_000_000
        case 27: 1_000_000_000_000_000_000_000_000_000
        case 28: 10_000_000_000_000_000_000_000_000_000
        case 29: 100_000_000_000_000_000_000_000_000_000
        case 30: 1_000_000_000_000_000_000_000_000_000_000
        case 31: 10_000_000_000_000_000_000_000_000_000_000
        case 32: 100_000_000_000_000_000_000_000_000_000_000
        case 33: 1_000_000_000_000_000_000_000_000_000_000_000
        case 34: 10_000_000_000_000_000_000_000_000_000_000_000
        case 35: 100_000_000_000_000_000_000_000_000_000_000_000
        case 36: 1_000_000_000_000_000_000_000_000_000_000_000_000
        case 37: 10_000_000_000_000_000_000_000_000_000_000_000_000
        case 38: 100_000_000_000_000_000_000_000_000_000_000_000_000
        default: 0
        }
    }

    /// (M, s - 128) for 1 ≤ k ≤ 38, as described above.
    @inlinable @inline(__always)
    static func reciprocal(_ k: Int) -> (multiplier: UInt128, highShift: UInt128) {
        switch k {
        case 1: (0xcccccccccccccccccccccccccccccccd, 2)
        case 2: (0x51eb851eb851eb851eb851eb851eb852, 3)
        case 3: (0x20c49ba5e353f7ced916872b020c49bb, 4)
        case 4: (0x1a36e2eb1c432ca57a786c226809d496, 6)
        case 5: (0xa7c5ac471b4784230fcf80dc33721d6, 7)
        case 6: (0x431bde82d7b634dad31fcd24e160d89, 8)
        case 7: (0x35afe535795e90af0f4ca41d811a46e, 10)
        case 8: (0x15798ee2308c39df9fb841a566d74f9, 11)
        case 9: (0x89705f4136b4a59731680a88f89531, 12)
        case 10: (0x6df37f675ef6eadf5ab9a2072d4427, 14)
        case 11: (0x2bfaffc2f2c92abfbde3da69454e76, 15)
        case 12: (0x119799812dea11197f27f0f6e885c9, 16)
        case 13: (0xe12e13424bb40e132865a5f206b07, 18)
        case 14: (0x5a126e1a84ae6c07a9c24260cf79d, 19)
        case 15: (0x24075f3dceac2b3643e74dc052fd9, 20)
        case 16: (0x1cd2b297d889bc2b6985d7cd0f314, 22)
        case 17: (0xb877aa3236a4b44909befeb9fad5, 23)
        case 18: (0x49c97747490eae839d7f99173122, 24)
        case 19: (0x3b07929f6da558694acc7a78f41c, 26)
        case 20: (0x179ca10c9242235d511e976394d8, 27)
        case 21: (0x971da05074da7beed3f6fc16ebd, 28)
        case 22: (0x78e480405d7b9658a9926345897, 30)
        case 23: (0x305b66802564a289dd6dc14f03d, 31)
        case 24: (0x1357c299a88ea76a58924d52ce5, 32)
        case 25: (0xf79687aed3eec5513a83ddbd84, 34)
        case 26: (0x63090312bb2c4eed4a9b257f02, 35)
        case 27: (0x279d346de4781f921dd7a89934, 36)
        case 28: (0x1fb0f6be50601941b17953adc4, 38)
        case 29: (0xcad2f7f5359a3b3e096ee4582, 39)
        case 30: (0x51212ffbaf0a7e18d092c1bce, 40)
        case 31: (0x2073accb12d0ff3d203ab3e53, 41)
        case 32: (0x19f623d5a8a732974cfbc31dc, 43)
        case 33: (0xa6274bbdd0fadd61ecb1ad8b, 44)
        case 34: (0x42761e4bed31255a5ead789e, 45)
        case 35: (0x352b4b6ff0f41de1e55793b2, 47)
        case 36: (0x154484932d2e725a5bbca17b, 48)
        case 37: (0x881cea14545c75757e50d65, 49)
        case 38: (0x6ce3ee76a9e3912acb73dea, 51)
        default: (0, 0)
        }
    }


    /// (M, s) for 1 ≤ j ≤ 18 with s = 60 - j + bitLength(5^j) and M = ceil(2^s / 5^j): for
    /// f < 10^18 < 2^60, f / 10^j = ((f >> j) · M) >> s by the same argument as above.
    @inlinable @inline(__always)
    static func smallReciprocal(_ j: Int) -> (multiplier: UInt64, shift: UInt128) {
        switch j {
        case 1: (0xccccccccccccccd, 62)
        case 2: (0x51eb851eb851eb9, 63)
        case 3: (0x20c49ba5e353f7d, 64)
        case 4: (0x1a36e2eb1c432cb, 66)
        case 5: (0xa7c5ac471b4785, 67)
        case 6: (0x431bde82d7b635, 68)
        case 7: (0x35afe535795e91, 70)
        case 8: (0x15798ee2308c3a, 71)
        case 9: (0x89705f4136b4b, 72)
        case 10: (0x6df37f675ef6f, 74)
        case 11: (0x2bfaffc2f2c93, 75)
        case 12: (0x119799812dea2, 76)
        case 13: (0xe12e13424bb5, 78)
        case 14: (0x5a126e1a84af, 79)
        case 15: (0x24075f3dcead, 80)
        case 16: (0x1cd2b297d88a, 82)
        case 17: (0xb877aa3236b, 83)
        case 18: (0x49c97747491, 84)
        default: (0, 0)
        }
    }

    /// `f / 10^j` and `f % 10^j` for a fraction part `f < 10^18` and 0 ≤ j ≤ 18, with one
    /// 64×64-bit multiply.
    @inlinable @inline(__always)
    static func dividing(fraction f: UInt64, byPowerOf j: Int) -> (quotient: UInt64, remainder: UInt64) {
        if j == 0 { return (f, 0) }
        let (multiplier, shift) = smallReciprocal(j)
        let q = UInt64(truncatingIfNeeded: (UInt128(limb: f &>> UInt64(truncatingIfNeeded: j)) &* UInt128(limb: multiplier)) &>> shift)
        return (q, f &- q &* UInt64(truncatingIfNeeded: value(j)))
    }

    /// k when `value == 10^k` for some k in 0...38, else `nil`.
    @inlinable @inline(__always)
    static func exponent(of x: UInt128) -> Int? {
        guard x != 0 else { return nil }
        // bitLength · log10(2) lands on k for 10^k (checked for every k by a test).
        let k = ((128 &- x.leadingZeroBitCount) &* 1233) >> 12
        return value(k) == x ? k : nil
    }

    /// `x / 10^k` and `x % 10^k` for 0 ≤ k ≤ 38, by multiplication.
    @inlinable @inline(__always)
    static func dividing(_ x: UInt128, byPowerOf k: Int) -> (quotient: UInt128, remainder: UInt128) {
        if k == 0 { return (x, 0) }
        let (multiplier, highShift) = reciprocal(k)
        let product = multiplyFull(x &>> UInt128(truncatingIfNeeded: k), multiplier)
        let q = product.high &>> highShift
        return (q, x &- q &* value(k))   // q·10^k ≤ x: the remainder is exact
    }
}

extension FixedDecimal {
    /// `floor(p / 10^18)` and the remainder for any 128-bit `p`: the reciprocal method with the
    /// constants for k = 18 written out, since every multiplication uses it.
    @inlinable @inline(__always)
    static func divideByScale(_ p: UInt128) -> (quotient: UInt128, remainder: UInt64) {
        let product = multiplyFull(p &>> 18, reciprocalOfFivePower18)
        let q = product.high &>> 24
        let r = p &- q &* UInt128(limb: unitsPerOne)
        return (q, UInt64(truncatingIfNeeded: r))
    }

    /// ceil(2^152 / 5^18), the multiplier for k = 18 (s = 152).
    @inlinable
    static var reciprocalOfFivePower18: UInt128 { 1_496_577_676_626_844_588_240_573_268_701_474 }

    /// `floor(p / 10^18)` and the remainder for a 256-bit `p`, or `nil` when the quotient would
    /// reach 2^128 (p ≥ 2^187: beyond any representable result).
    ///
    /// With 2^128 = Qc·10^18 + R, p = ph·2^128 + pl = ph·Qc·10^18 + (ph·R + pl), which leaves
    /// one 128-bit reciprocal division.
    @inlinable @inline(__always)
    static func divideByScaleBranchless(_ p: UInt256) -> (quotient: UInt128, remainder: UInt64)? {
        guard p.high &>> 59 == 0 else { return nil }
        let twoTo128Quotient: UInt128 = 340_282_366_920_938_463_463      // floor(2^128 / 10^18)
        let twoTo128Remainder: UInt128 = 374_607_431_768_211_456          // 2^128 mod 10^18
        let (v, carry) = p.low.addingReportingOverflow(p.high &* twoTo128Remainder)  // ph·R < 2^118
        // A carried 2^128 is Qc·10^18 + R; v then wrapped below 2^118, so adding R cannot wrap.
        let carried: UInt128 = carry ? 1 : 0
        let (q2, r) = divideByScale(v &+ carried &* twoTo128Remainder)
        return ((p.high &+ carried) &* twoTo128Quotient &+ q2, r)   // < 2^128: see below
    }

    @inlinable @inline(__always)
    static func divideByScale(_ p: UInt256) -> (quotient: UInt128, remainder: UInt64)? {
        if p.high == 0 { return divideByScale(p.low) }
        guard p.high &>> 59 == 0 else { return nil }
        let twoTo128Quotient: UInt128 = 340_282_366_920_938_463_463      // floor(2^128 / 10^18)
        let twoTo128Remainder: UInt128 = 374_607_431_768_211_456          // 2^128 mod 10^18
        var q = p.high &* twoTo128Quotient                                // < 2^59 · 2^69
        var (v, carry) = p.low.addingReportingOverflow(p.high &* twoTo128Remainder)  // ph·R < 2^118
        if carry {
            // The carried 2^128 is Qc·10^18 + R; v wrapped below 2^118, so adding R cannot wrap.
            q &+= twoTo128Quotient
            v &+= twoTo128Remainder
        }
        let (q2, r) = divideByScale(v)
        return (q &+ q2, r)   // the true quotient p / 10^18 < 2^128
    }
}
