// Working precision for logarithms, exponentials and fractional powers.
//
// Values are signed binary fixed point with 120 fraction bits in an Int128 ("Q120"): range
// ±128, resolution 2^-120 ≈ 7.5e-37. That is about 18 digits more than a FixedDecimal holds,
// so after the handful of roundings inside ln and exp the result is still correct far beyond
// the 18th decimal digit (relative error about 1e-35). Pure integer arithmetic: no binary
// floating point is involved, and results are identical on every platform.
//
// Both functions reduce their argument with a small table (ln((64+j)/64), 2^(j/32)) so that
// the remaining series are short (10 and 16 terms), and evaluate each series as two
// interleaved Horner chains, which the processor runs in parallel. All constants are written
// out, generated with Python (mpmath at 80 digits, or exact integers), and checked by tests.

/// Namespace for the Q120 kernels.
@usableFromInline
enum Q120 {
    /// Inputs to `exp` above this overflow every FixedDecimal (e^47 > 2.5e20).
    @inlinable
    static var expUpperLimit: Int128 { 47 << 120 }

    /// Inputs to `exp` below this give less than half a unit of the 18th digit (e^-43 < 2.2e-19).
    @inlinable
    static var expLowerLimit: Int128 { -(43 << 120) }

    // Series coefficients, written out (generated with Python's exact integers, checked by
    // BinaryFixedPointTests) so the loops below read constants instead of lazily built arrays.
    // exp uses 1/n! up to n = 15 (r < ln2/32: the first omitted term is below 1e-37 relative).
    // ln uses 1/(2k+1) up to k = 9 (|s| < 0.0053: the first omitted term is below 1e-42).

    /// floor(2^120 / n!) for n = 0...15 (values checked by a test).
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
        default: 0
        }
    }

    /// floor(2^120 / (2k + 1)) for k = 0...9 (values checked by a test).
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

    /// ln(units / 10^18) in Q120, for `units >= 1` (so the result lies in [-41.5, 46.6]).
    ///
    /// Writes the value as 2^e · (A / B) with A/B in [0.75, 1.5), A and B exact integers, then
    /// picks c = (64 + j)/64 nearest to A/B from a table of ln c, so that
    /// ln(A/B) = ln c + 2·atanh(s) with s = (64A - (64+j)B) / (64A + (64+j)B), |s| < 0.0053.
    /// s comes from an exact difference: no cancellation near 1, where rates live.
    @usableFromInline
    static func ln(units: UInt128) -> Int128 {
        let scaleUnits = UInt128(limb: FixedDecimal.unitsPerOne)   // 10^18 has 60 bits
        let bitLength = 128 &- units.leadingZeroBitCount              // 1...127
        var e = bitLength &- 60                                     // -59...67
        var a: UInt128, b: UInt128
        if e >= 0 {
            a = units
            b = scaleUnits &<< UInt128(truncatingIfNeeded: e)            // < 10^18 · 2^67 < 2^127
        } else {
            a = units &<< UInt128(truncatingIfNeeded: 0 &- e)            // < 2^60
            b = scaleUnits
        }
        // Here a/b lies in (0.57, 1.16); pull the lower part up into [1.15, 1.5).
        if a < b &- (b &>> 2) {
            if e >= 1 { b &>>= 1 } else { a &<<= 1 }                  // exact: b is even when e ≥ 1
            e &-= 1
        }
        // Keep b below 2^120 so that 64a and 96b fit: drops at most 7 low bits (relative 2^-120).
        let excess = Swift.max(0, (128 &- b.leadingZeroBitCount) &- 120)
        a &>>= UInt128(truncatingIfNeeded: excess)
        b &>>= UInt128(truncatingIfNeeded: excess)
        // j = round(64·a/b) - 64 from the top 40 bits, with one 64-bit division.
        let topShift = UInt128(truncatingIfNeeded: Swift.max(0, (128 &- b.leadingZeroBitCount) &- 40))
        let aTop = UInt64(truncatingIfNeeded: a &>> topShift), bTop = UInt64(truncatingIfNeeded: b &>> topShift)
        let j = Int(truncatingIfNeeded: ((aTop &<< 7) / bTop &+ 1) &>> 1) &- 64                 // -16...32
        let scaledA = a &<< 6                                                            // < 2^127
        let scaledB = b &* UInt128(truncatingIfNeeded: 64 &+ j)                            // < 2^127
        let sum = scaledA &+ scaledB
        let negative = scaledA < scaledB
        let difference = negative ? scaledB &- scaledA : scaledA &- scaledB
        // s = difference / sum in Q120; difference < sum, so the quotient fits.
        let s = divide(UInt256(high: difference &>> 8, low: difference &<< 120), by: sum).quotient
        // Σ z^k/(2k+1) for k ≤ 9 (z = s² < 2.9e-5: the next term is below 1e-42), as
        // A(z²) + z·B(z²): two short independent Horner chains.
        let z = multiply(s, s)
        let w = multiply(z, z)
        var evenTerms = inverseOdd(8), oddTerms = inverseOdd(9)
        var k = 6
        while k >= 0 {
            evenTerms = inverseOdd(k) &+ multiply(evenTerms, w)
            oddTerms = inverseOdd(k &+ 1) &+ multiply(oddTerms, w)
            k &-= 2
        }
        let series = evenTerms &+ multiply(oddTerms, z)
        let atanhTwice = Int128(truncatingIfNeeded: multiply(s, series) &<< 1)             // < 0.011
        // e·ln2 from the Q127 constant: |e| ≤ 68, error below 2^-121.
        let eLn2Magnitude = Int128(truncatingIfNeeded: (multiplyFull(UInt128(truncatingIfNeeded: e.magnitude), ln2Q127)
                                                            .shiftedRight(6).low &+ 1) &>> 1)
        let eLn2 = e < 0 ? 0 &- eLn2Magnitude : eLn2Magnitude
        return eLn2 &+ lnOfSixtyFourths(j) &+ (negative ? 0 &- atanhTwice : atanhTwice)
    }

    /// round(e^t · 10^18), half-even, as a magnitude in units.
    ///
    /// t = k·(ln2/32) + r with 0 ≤ r < ln2/32 ≈ 0.0217, where sixteen Taylor terms reach
    /// 1e-37 relative; then e^t = 2^(k div 32) · 2^((k mod 32)/32) · e^r, the middle factor
    /// from a table.
    ///
    /// - Throws: `.overflow` when the result exceeds `Int128.max` units.
    @usableFromInline
    static func expUnits(_ t: Int128) throws(ArithmeticError) -> UInt128 {
        guard t <= expUpperLimit else { throw .overflow }
        if t < expLowerLimit { return 0 }
        // k = floor(t · 32/ln2) by multiplication (|t| < 2^126, the constant < 2^70), so that
        // r = t - k·ln2/32 lies in [0, ln2/32) and the series needs no signs. The estimate can
        // be one off at the edges; one correction step each way fixes that.
        let floorMagnitude = Int(truncatingIfNeeded: multiplyFull(t.magnitude, thirtyTwoOverLn2).shiftedRight(184).low)
        var k = t >= 0 ? floorMagnitude : 0 &- floorMagnitude &- 1                         // |k| ≤ 2,200
        var r = t &- multipleOfLn2Over32(k)
        if r < 0 {
            k &-= 1
            r = t &- multipleOfLn2Over32(k)
        } else if r >= ln2Over32 {
            k &+= 1
            r = t &- multipleOfLn2Over32(k)
        }
        // e^r = E(r²) + r·O(r²) with E, O the even and odd halves of the Taylor series up to
        // r^15/15!: two independent Horner chains of 7 steps instead of one of 15, so the
        // processor overlaps them (each step waits for the previous multiplication).
        let x = UInt128(truncatingIfNeeded: r)
        let y = multiply(x, x)
        var even = inverseFactorial(14), odd = inverseFactorial(15)
        var n = 12
        while n >= 0 {
            even = inverseFactorial(n) &+ multiply(even, y)
            odd = inverseFactorial(n &+ 1) &+ multiply(odd, y)
            n &-= 2
        }
        let sum = even &+ multiply(odd, x)                                                // in [1, 1.022)
        let e = k >> 5                          // floor(k / 32): -63...68
        let j = k & 31
        let mantissa = multiply(sum, twoToThe32nds(j))                                    // in [1, 2.05)
        // e^t · 10^18 = mantissa · 10^18 · 2^e / 2^120; the shift 120 - e lies in 52...183.
        let scaled = multiplyFull(mantissa, UInt128(limb: FixedDecimal.unitsPerOne))
        let shift = 120 &- e
        let q = scaled.shiftedRight(shift)
        let rest = scaled.lowBits(shift)
        let half = UInt256.power(ofTwo: shift &- 1)
        guard q.high == 0, q.low <= FixedDecimal.maxMagnitude else { throw .overflow }
        let roundsUp = half < rest || (rest == half && q.low._low & 1 == 1)
        let result = q.low &+ (roundsUp ? 1 : 0)
        guard result <= FixedDecimal.maxMagnitude else { throw .overflow }
        return result
    }

    /// 2^(j/32) in Q120 for j = 0...31, rounded to nearest (mpmath, 80 digits).
    @inlinable @inline(__always)
    static func twoToThe32nds(_ j: Int) -> UInt128 {
        switch j {
        case 0: 0x1000000000000000000000000000000
        case 1: 0x1059b0d31585743ae7c548eb68ca418
        case 2: 0x10b5586cf9890f6298b92b71842a983
        case 3: 0x111301d0125b50a4ebbf1aed9318ceb
        case 4: 0x1172b83c7d517adcdf7c8c50eb14a79
        case 5: 0x11d4873168b9aa7805b8028990f07aa
        case 6: 0x12387a6e75623866c1fadb1c15cb594
        case 7: 0x129e9df51fdee12c25d15f5a24aa3bd
        case 8: 0x1306fe0a31b7152de8d5a46305c85ee
        case 9: 0x1371a7373aa9caa7145502f4547987e
        case 10: 0x13dea64c12342235b41223e13d773fc
        case 11: 0x144e086061892d03136f409df019fbd
        case 12: 0x14bfdad5362a271d4397afec42e20e0
        case 13: 0x15342b569d4f81df0a83c49d86a63f5
        case 14: 0x15ab07dd48542958c93015191eb345e
        case 15: 0x16247eb03a5584b1f0fa06fd2da42bb
        case 16: 0x16a09e667f3bcc908b2fb1366ea957d
        case 17: 0x171f75e8ec5f73dd2370f2ef0acd6cb
        case 18: 0x17a11473eb0186d7d51023f6cda1f5f
        case 19: 0x182589994cce128acf88afab34a010f
        case 20: 0x18ace5422aa0db5ba7c55a192c9bb3e
        case 21: 0x193737b0cdc5e4f4501c3f2540a22d3
        case 22: 0x19c49182a3f0901c7c46b071f2be58e
        case 23: 0x1a5503b23e255c8b424491caf87bc80
        case 24: 0x1ae89f995ad3ad5e8734d1773205a80
        case 25: 0x1b7f76f2fb5e46eaa7b081ab53c5355
        case 26: 0x1c199bdd85529c2220cb12a091ba668
        case 27: 0x1cb720dcef90691503cbd1e949db762
        case 28: 0x1d5818dcfba48725da05aeb66e0dcaa
        case 29: 0x1dfc97337b9b5eb968cac39ed291b72
        case 30: 0x1ea4afa2a490d9858f73a18f5db3020
        case 31: 0x1f50765b6e4540674f84b762862bb00
        default: 0
        }
    }

    /// round(2^64 · 32 / ln 2): k = round(t / (ln2/32)) by multiplication (mpmath, 80 digits).
    @inlinable static var thirtyTwoOverLn2: UInt128 { 0x2e2a8eca5705fc2ef0 }

    /// round(ln 2 · 2^127): ln 2 with seven more bits than Q120, for k·ln2/32 with k up to ~2200.
    @inlinable static var ln2Q127: UInt128 { 0x58b90bfbe8e7bcd5e4f1d9cc01f97b58 }


    /// k · ln2/32 in Q120 (rounded), from the Q127 constant, for |k| ≤ 4,096.
    @inlinable @inline(__always)
    static func multipleOfLn2Over32(_ k: Int) -> Int128 {
        let m = UInt128(truncatingIfNeeded: k.magnitude)
        // k·ln2·2^127 / 2^12 = k·(ln2/32)·2^120; the product has under 140 bits.
        let v = Int128(truncatingIfNeeded: (multiplyFull(m, ln2Q127).shiftedRight(11).low &+ 1) &>> 1)
        return k < 0 ? 0 &- v : v
    }

    /// ln((64 + j) / 64) in Q120 for j = -16...32, rounded to nearest (mpmath, 80 digits).
    @inlinable @inline(__always)
    static func lnOfSixtyFourths(_ j: Int) -> Int128 {
        switch j {
        case -16: -0x49a58844d36e49e0efadd9db02aa71
        case -15: -0x445e3a089f91ef78ce2d07f1cb7a08
        case -14: -0x3f3238d96766f2fb328337cc050c6e
        case -13: -0x3a206fe4cabcf6b0314921238d10f8
        case -12: -0x3527da7915b3c6de57d4ef4b901b9a
        case -11: -0x304782caa3478376e698c7a0c3f4c2
        case -10: -0x2b7e80d6a87b63f70525d9f9040c5b
        case -9: -0x26cbf9602b202c5f504696e512b2a2
        case -8: -0x222f1d044fc8f7bc671683f8e5bd04
        case -7: -0x1da727638446a25007e9c5ccc062fb
        case -6: -0x19335e5d594988ae1d5ea3eccd2509
        case -5: -0x14d3115d207eac5da7d0b1e10b2f67
        case -4: -0x108598b59e3a0688a3fd9bf503372c
        case -3: -0xc4a550a4fd9a19a8be97660a23cc5
        case -2: -0x820aec4f3a222380b9e3aea6c444f
        case -1: -0x408159624d611d27c8e8416e71eee
        case 0: 0x0
        case 1: 0x3f815161f807c79f3db4e9a6f57ab
        case 2: 0x7e0a6c39e0cc0133e3f04f1ef22a0
        case 3: 0xbba2c7b196e7e231a7950f7252c16
        case 4: 0xf85186008b15330be64b8b7759979
        case 5: 0x1341d7961bd1d092998376104d1375
        case 6: 0x16f0d28ae56b4b9be499b9ed19b641
        case 7: 0x1a926d3a4ad563650bd22a9c3aa4c8
        case 8: 0x1e27076e2af2e5e9ea87ffe1fe9e15
        case 9: 0x21aefcf9a11cb2cd2ee2f481855d1c
        case 10: 0x252aa5f03fea46980bb8e203edf4d1
        case 11: 0x289a56d996fa3ccfa7b2a1f0fc3c19
        case 12: 0x2bfe60e14f27a790e7c4140e424776
        case 13: 0x2f57120421b21237c6d65ad40c100d
        case 14: 0x32a4b539e8ad68ec8260ea71712cec
        case 15: 0x35e7929d017fe5b19cc0326f99eb97
        case 16: 0x391fef8f353443584bb03de5ff7345
        case 17: 0x3c4e0edc55e5cbd3d50fffc3fd3c2b
        case 18: 0x3f7230dabc7c551aaa8cd86f29a594
        case 19: 0x428c9389ce438d7dcfde8061c030e3
        case 20: 0x459d72aeae98380e731f55c41b8b82
        case 21: 0x48a507ef3de596890a14f69d750cbd
        case 22: 0x4ba38aeb8474c270b3246a14206cf3
        case 23: 0x4e993155a517a71cbcd735d034237d
        case 24: 0x51862f08717b09f42decdeccf1cd10
        case 25: 0x546ab61cb7e0b42724f5833eabc624
        case 26: 0x5746f6fd6027294236383dc7fe115a
        case 27: 0x5a1b207a6c52bb110af840538e1a59
        case 28: 0x5ce75fdaef401a7389314feb4fbde6
        case 29: 0x5fabe0ee0abf0d92ce979ed2950437
        case 30: 0x6268ce1b05096ad69c620440f055b4
        case 31: 0x651e5070845beae9337451f441babb
        case 32: 0x67cc8fb2fe612fcada35d9bd014886
        default: 0
        }
    }


    /// ln2/32 in Q120, rounded.
    @inlinable static var ln2Over32: Int128 { multipleOfLn2Over32(1) }

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
