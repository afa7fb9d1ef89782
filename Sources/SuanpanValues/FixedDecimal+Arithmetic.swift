// Addition, subtraction, multiplication and division of `FixedDecimal`.
//
// Sums are exact. Products and quotients are computed exactly in 256 bits and rounded once,
// half-even, to 18 fraction digits, so every result is the correctly rounded value.
// Multiplication and rounding never execute a divide instruction: dividing by 10^18 (and by
// other powers of ten) uses precomputed reciprocals (PowersOfTen.swift), and the rounding
// decisions are comparisons rather than branches. Only `divided(by:)` divides.

extension FixedDecimal {
    /// `self + other`, exact.
    ///
    /// - Throws: `.overflow` when the sum leaves the ±1.7e20 range.
    @inlinable
    public func adding(_ other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let (sum, overflow) = units.addingReportingOverflow(other.units)
        guard !overflow, sum != .min else { throw .overflow }
        return FixedDecimal(units: sum)
    }

    /// `self - other`, exact.
    ///
    /// - Throws: `.overflow` when the difference leaves the ±1.7e20 range.
    @inlinable
    public func subtracting(_ other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let (difference, overflow) = units.subtractingReportingOverflow(other.units)
        guard !overflow, difference != .min else { throw .overflow }
        return FixedDecimal(units: difference)
    }

    /// `-self`.
    ///
    /// - Throws: `.overflow` only for a hand-built value with `units == Int128.min`.
    @inlinable
    public func negated() throws(ArithmeticError) -> FixedDecimal {
        guard units != .min else { throw .overflow }
        return FixedDecimal(units: 0 &- units)
    }

    /// `self × other`: exact when the product has at most 18 fraction digits, otherwise
    /// rounded half-even at the 18th digit.
    ///
    /// - Throws: `.overflow` when the product leaves the ±1.7e20 range.
    @inlinable
    public func multiplied(by other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let (q, r) = try FixedDecimal.truncatedProductUnits(units.magnitude, other.units.magnitude)
        // Half-even without a branch: r + (q odd) exceeds half exactly when r > half, or
        // r == half and q is odd.
        let roundsUp = r &+ (q._low & 1) > FixedDecimal.halfUnit
        let m = q &+ (roundsUp ? 1 : 0)        // q < 2^187 / 10^18 < 2^127.3: cannot wrap
        guard m <= FixedDecimal.maxMagnitude else { throw .overflow }
        let v = Int128(truncatingIfNeeded: m)
        return FixedDecimal(units: (units < 0) != (other.units < 0) ? 0 &- v : v)
    }

    /// `a·b / 10^18` for magnitudes in units, truncated, and the remainder (below 10^18).
    ///
    /// - Throws: `.overflow` when the quotient is far outside the range (the caller checks the
    ///   range of the rounded result).
    @inlinable @inline(__always)
    static func truncatedProductUnits(_ a: UInt128, _ b: UInt128) throws(ArithmeticError) -> (UInt128, UInt64) {
        if (a._high | b._high) == 0 {
            // Both operands below 2^64 (|value| < 18.4): one 64×64→128 multiply.
            return divideByScale(UInt128(limb: a._low) &* UInt128(limb: b._low))
        }
        // Amounts times rates usually pass 2^128 units; this path has no data-dependent
        // branch, so mixed sizes do not cost mispredictions.
        guard let result = divideByScaleBranchless(multiplyFull(a, b)) else { throw .overflow }
        return result
    }

    /// `self ÷ other`, rounded half-even at the 18th fraction digit.
    ///
    /// - Throws: `.divisionByZero` when `other` is zero; `.overflow` when the quotient leaves
    ///   the ±1.7e20 range.
    @inlinable
    public func divided(by other: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        guard other.units != 0 else { throw .divisionByZero }
        let negative = (units < 0) != (other.units < 0)
        let t = try FixedDecimal.truncatedQuotient(units.magnitude, other.units.magnitude)
        return try FixedDecimal.roundedHalfEven(t, negative: negative)
    }

    /// `self × other` rounded once, directly from the exact product, to a multiple of `quantum`.
    ///
    /// Same as `multiplied(by:)` followed by `rounded(toMultipleOf:mode:)` except that there is
    /// no intermediate rounding at 18 digits, so no double-rounding error (e.g. a product of
    /// 0.00499999999999999999 rounds half-up to 0.00, not 0.01).
    ///
    /// - Throws: `.invalidArgument` when `quantum` is not positive; `.overflow`.
    @inlinable
    public func multiplied(by other: FixedDecimal, roundedToMultipleOf quantum: FixedDecimal,
                           mode: RoundingMode) throws(ArithmeticError) -> FixedDecimal {
        guard quantum.units > 0 else { throw .invalidArgument("the rounding quantum must be positive") }
        let negative = (units < 0) != (other.units < 0)
        let t = try FixedDecimal.truncatedProduct(units.magnitude, other.units.magnitude)
        return try FixedDecimal.round(t, toMultipleOf: quantum.units.magnitude, mode: mode, negative: negative)
    }

    /// `self ÷ other` rounded once, directly from the exact quotient, to a multiple of `quantum`.
    ///
    /// - Throws: `.divisionByZero`; `.invalidArgument` when `quantum` is not positive; `.overflow`.
    @inlinable
    public func divided(by other: FixedDecimal, roundedToMultipleOf quantum: FixedDecimal,
                        mode: RoundingMode) throws(ArithmeticError) -> FixedDecimal {
        guard other.units != 0 else { throw .divisionByZero }
        guard quantum.units > 0 else { throw .invalidArgument("the rounding quantum must be positive") }
        let negative = (units < 0) != (other.units < 0)
        let t = try FixedDecimal.truncatedQuotient(units.magnitude, other.units.magnitude)
        return try FixedDecimal.round(t, toMultipleOf: quantum.units.magnitude, mode: mode, negative: negative)
    }
}

/// A magnitude truncated to 18 fraction digits plus a summary of what was cut off: all that
/// rounding needs from an exact product or quotient.
@usableFromInline
struct TruncatedMagnitude: Sendable {
    /// The exact value times 10^18, truncated toward zero (may exceed `Int128.max`).
    @usableFromInline var units: UInt128
    /// The part below one unit.
    @usableFromInline var discarded: Discarded

    @inlinable
    init(units: UInt128, discarded: Discarded) {
        self.units = units
        self.discarded = discarded
    }
}

extension FixedDecimal {
    /// `a × b / 10^18` for magnitudes in units, truncated, from the exact 256-bit product.
    ///
    /// - Throws: `.overflow` when the truncated quotient needs more than 128 bits.
    @inlinable
    static func truncatedProduct(_ a: UInt128, _ b: UInt128) throws(ArithmeticError) -> TruncatedMagnitude {
        let (q, r) = try truncatedProductUnits(a, b)
        return TruncatedMagnitude(units: q, discarded: Discarded(remainder: UInt128(limb: r),
                                                                 divisor: UInt128(limb: unitsPerOne)))
    }

    /// `a × 10^18 / b` for magnitudes in units (`b != 0`), truncated.
    ///
    /// Uses one 128-bit division (a library call around one `div`) whenever the scaled
    /// dividend fits 128 bits (|a| below about 340), two otherwise.
    ///
    /// - Throws: `.overflow` when the truncated quotient needs more than 128 bits.
    @usableFromInline
    static func truncatedQuotient(_ a: UInt128, _ b: UInt128) throws(ArithmeticError) -> TruncatedMagnitude {
        let n = multiplyFull(a, UInt128(limb: unitsPerOne))
        let q: UInt128, r: UInt128
        if n.high == 0 {
            q = n.low / b
            r = n.low &- q &* b                 // q·b ≤ n.low
        } else {
            // The quotient fits 128 bits exactly when the high half is below the divisor.
            guard n.high < b else { throw .overflow }
            (q, r) = divide(n, by: b)
        }
        return TruncatedMagnitude(units: q, discarded: Discarded(remainder: r, divisor: b))
    }

    /// Rounds a truncated magnitude half-even to 18 digits and applies the sign.
    @usableFromInline
    static func roundedHalfEven(_ t: TruncatedMagnitude, negative: Bool) throws(ArithmeticError) -> FixedDecimal {
        guard t.units <= maxMagnitude else { throw .overflow }
        let step = RoundingMode.halfEven.stepsAwayFromZero(discarded: t.discarded,
                                                           quotientIsOdd: t.units._low & 1 == 1,
                                                           negative: negative)
        // t.units <= 2^127 - 1, so adding one cannot wrap; `make` rejects 2^127.
        return try make(magnitude: t.units &+ (step ? 1 : 0), negative: negative)
    }

    /// Rounds a truncated magnitude to a multiple of `quantum` (in units, `0 < quantum <= 2^127`),
    /// taking the sub-unit part into account so that the value is rounded only once.
    @usableFromInline
    static func round(_ t: TruncatedMagnitude, toMultipleOf quantum: UInt128, mode: RoundingMode,
                      negative: Bool) throws(ArithmeticError) -> FixedDecimal {
        if quantum <= UInt128(limb: unitsPerOne), let j = PowersOfTen.exponent(of: quantum) {
            return try round(t, toPowerOfTen: j, mode: mode, negative: negative)
        }
        let steps: UInt128, rest: UInt128
        if let k = PowersOfTen.exponent(of: quantum) {
            // 100, 1000, ...: by multiplication, no divide instruction.
            (steps, rest) = PowersOfTen.dividing(t.units, byPowerOf: k)
        } else if quantum._high == 0 {
            let (q, r) = divide(t.units, by: quantum._low)
            steps = q
            rest = UInt128(limb: r)
        } else {
            (steps, rest) = divide(UInt256(t.units), by: quantum)  // high half 0 < quantum
        }
        let overall = Discarded(rest: rest, quantum: quantum, below: t.discarded)
        let step = mode.stepsAwayFromZero(discarded: overall, quotientIsOdd: steps._low & 1 == 1,
                                          negative: negative)
        guard steps <= maxMagnitude else { throw .overflow }
        let (m, wide) = (steps &+ (step ? 1 : 0)).multipliedReportingOverflow(by: quantum)
        guard !wide else { throw .overflow }
        return try make(magnitude: m, negative: negative)
    }

    /// Rounding to 10^j units with j ≤ 18 (0.01, 1, 0.000001, ...): the quantum divides one
    /// whole unit, so only the fraction part matters and two reciprocal multiplications replace
    /// the division. The common case of every money rounding.
    @inlinable @inline(__always)
    static func round(_ t: TruncatedMagnitude, toPowerOfTen j: Int, mode: RoundingMode,
                      negative: Bool) throws(ArithmeticError) -> FixedDecimal {
        let (whole, fraction) = divideByScale(t.units)
        let (q, rest) = PowersOfTen.dividing(fraction: fraction, byPowerOf: j)
        let quantum = UInt64(truncatingIfNeeded: PowersOfTen.value(j))
        // steps = whole·10^(18-j) + q: for j < 18 the first term is even.
        let odd = (j == scale ? whole._low : q) & 1 == 1
        // rest < 10^18 < 2^60, so 8·rest and 4·quantum fit 64 bits.
        let step = mode.stepsAwayFromZero(scaled: (rest &<< 3) | (UInt64(t.discarded.code) &<< 1),
                                          fourQuanta: quantum &<< 2, quotientIsOdd: odd, negative: negative)
        let down = t.units &- UInt128(limb: rest)
        guard down <= maxMagnitude else { throw .overflow }
        // down ≤ 2^127 - 1 and quantum ≤ 10^18: the sum cannot wrap; `make` checks the range.
        // A multiplication, not `step ? quantum : 0`, which the compiler may turn into a branch.
        return try make(magnitude: down &+ UInt128(limb: quantum &* (step ? 1 : 0)), negative: negative)
    }
}
