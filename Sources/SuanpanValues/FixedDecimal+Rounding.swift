// Rounding to a quantum (0.01, 1, 0.05, 100, ...) or to a number of decimal places.

extension FixedDecimal {
    /// The multiple of `quantum` chosen by `mode` among the two nearest to `self`.
    ///
    /// Examples: 2.675 to 0.01 half-even is 2.68; 2.665 is 2.66; 7.3 to 0.05 ceiling is 7.30;
    /// -2.5 to 1 half-up is -3.
    ///
    /// - Throws: `.invalidArgument` when `quantum` is not positive; `.overflow` when rounding
    ///   away from zero leaves the range.
    @inlinable
    public func rounded(toMultipleOf quantum: FixedDecimal, mode: RoundingMode) throws(ArithmeticError) -> FixedDecimal {
        guard quantum.units > 0 else { throw .invalidArgument("the rounding quantum must be positive") }
        return try FixedDecimal.round(TruncatedMagnitude(units: units.magnitude, discarded: .zero),
                                      toMultipleOf: quantum.units.magnitude, mode: mode, negative: units < 0)
    }

    /// `self` rounded to `places` fraction digits by `mode`.
    ///
    /// `places` of 18 or more returns `self`; negative `places` round to tens, hundreds, ...
    /// (down to -20, the largest power of ten in range).
    ///
    /// - Throws: `.invalidArgument` when `places < -20`; `.overflow`.
    @inlinable
    public func rounded(places: Int, mode: RoundingMode) throws(ArithmeticError) -> FixedDecimal {
        if places >= FixedDecimal.scale { return self }
        guard places >= -20 else { throw .invalidArgument("places must be at least -20") }
        let quantum = FixedDecimal.powerOfTen(FixedDecimal.scale &- places)
        return try FixedDecimal.round(TruncatedMagnitude(units: units.magnitude, discarded: .zero),
                                      toMultipleOf: quantum, mode: mode, negative: units < 0)
    }

    /// 10^exponent for `0 <= exponent <= 38` (10^38 < 2^127).
    @inlinable
    static func powerOfTen(_ exponent: Int) -> UInt128 {
        PowersOfTen.value(exponent)
    }
}
