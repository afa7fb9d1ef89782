/// log and exp from +, −, ×, ÷ alone, and a standard normal from them.
///
/// IEEE 754 makes those four operations (and sqrt) exact-rounded everywhere, while the C
/// library's log, exp and cos may differ in the last bit between glibc, Darwin and musl. With
/// these, a lognormal or normal column is byte-identical on any machine too. Accuracy is a few
/// ulps, far below the one-unit-of-the-last-place rounding applied before anything is written.
enum DeterministicMath {
    // fdlibm's split of ln 2: the high part has trailing zero bits, so k·ln2Hi is exact.
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10

    /// Natural log of a positive, finite x; −∞ for 0, NaN below 0.
    static func log(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        // x = m·2^e with m in [√½, √2), so s below is small and the series short.
        var e = Double(Int(x.exponent))
        var m = x.significand
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        // ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …), s = (m−1)/(m+1), |s| < 0.172.
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var sum = 0.0
        var k = 23.0
        while k >= 1 {
            sum = 1 / k + s2 * sum
            k -= 2
        }
        return e * ln2Hi + (e * ln2Lo + 2 * s * sum)
    }

    /// e^x; +∞ above the largest finite result and 0 below the smallest.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        // x = k·ln2 + r, |r| ≤ ln2/2; e^x = 2^k · e^r with e^r from its Taylor series.
        let k = (x / (ln2Hi + ln2Lo)).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var sum = 1.0
        var n = 18.0
        while n >= 1 {
            sum = 1 + r / n * sum
            n -= 1
        }
        // Scaling by a power of two is exact (or a single rounding into the subnormals).
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    /// A standard normal draw: Box–Muller in Marsaglia's polar form, which needs log and sqrt
    /// but no sine or cosine. The partner draw is discarded so each call depends only on the
    /// generator's state.
    static func standardNormal(_ random: inout Xoshiro256) -> Double {
        while true {
            let v1 = 2 * random.nextUnit() - 1
            let v2 = 2 * random.nextUnit() - 1
            let s = v1 * v1 + v2 * v2
            if s > 0, s < 1 {
                return v1 * (-2 * log(s) / s).squareRoot()
            }
        }
    }

    /// The nearest Int64 to x (ties to even), saturating instead of trapping; NaN gives 0.
    static func saturatingInt64(_ x: Double) -> Int64 {
        if x.isNaN { return 0 }
        let rounded = x.rounded(.toNearestOrEven)
        // 2^63 is exactly representable; anything at or above it does not fit.
        if rounded >= 9_223_372_036_854_775_808.0 { return .max }
        if rounded < -9_223_372_036_854_775_808.0 { return .min }
        return Int64(rounded)
    }
}
