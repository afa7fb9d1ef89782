// Natural logarithm, exponential and square root.
//
// ln and exp are evaluated in 120-bit binary fixed point (see BinaryFixedPoint.swift) and
// rounded once, half-even, to 18 fraction digits; their working error (about 1e-34
// relative) is far below that last digit. The square root is computed exactly on integers
// and is always correctly rounded.

extension FixedDecimal {
    /// The natural logarithm, rounded half-even at the 18th fraction digit.
    ///
    /// - Throws: `.invalidArgument` when `self <= 0`.
    public func ln() throws(ArithmeticError) -> FixedDecimal {
        guard units > 0 else { throw .invalidArgument("the logarithm needs a positive argument") }
        return FixedDecimal(units: Q120.toUnits(Q120.ln(units: units.magnitude)))
    }

    /// e raised to `self`, rounded half-even at the 18th fraction digit (so tiny results,
    /// below 5e-19, are 0).
    ///
    /// - Throws: `.overflow` when the result exceeds the range (`self` above about 46.58).
    public func exp() throws(ArithmeticError) -> FixedDecimal {
        let limit = Int128(truncatingIfNeeded: FixedDecimal.unitsPerOne)
        if units > 47 &* limit { throw .overflow }
        if units < -43 &* limit { return .zero }
        return FixedDecimal(units: Int128(truncatingIfNeeded: try Q120.expUnits(Q120.fromUnits(units))))
    }

    /// The square root, correctly rounded half-even at the 18th fraction digit
    /// (a tie is impossible for a square root of an integer count of units).
    ///
    /// - Throws: `.invalidArgument` when `self < 0`.
    public func squareRoot() throws(ArithmeticError) -> FixedDecimal {
        guard units >= 0 else { throw .invalidArgument("the square root needs a nonnegative argument") }
        if units == 0 { return .zero }
        // sqrt(units / 10^18) · 10^18 = sqrt(units · 10^18): an integer square root of < 2^187.
        let n = multiplyFull(units.magnitude, UInt128(limb: FixedDecimal.unitsPerOne))
        let bits = 256 &- n.leadingZeroBitCount
        // Newton's iteration from above: s ≥ sqrt(n), decreasing until it stops at floor(sqrt(n)).
        // Since n < s^2 and s < 2^128, n.high ≤ n / s < s, so each division's quotient fits.
        var s = UInt128(1) &<< UInt128(truncatingIfNeeded: (bits &+ 1) / 2)
        while true {
            let next = (s &+ divide(n, by: s).quotient) &>> 1
            if next >= s { break }
            s = next
        }
        // n - s^2 ≤ 2s < 2^96, so it is exact modulo 2^128. Round up when n > (s + 1/2)^2,
        // that is when n - s^2 > s.
        let rest = n.low &- s &* s
        return FixedDecimal(units: Int128(truncatingIfNeeded: s &+ (rest > s ? 1 : 0)))
    }
}
