// A rounding rule prepared once and applied many times.

extension FixedDecimal {
    /// A rounding rule, quantum and mode, prepared once (per product rule, say) so that applying
    /// it to millions of values is cheap.
    ///
    /// For quanta that are powers of ten from 10^-18 to 1 (0.01, 0.0001, 1: every currency's
    /// minor unit) the preparation stores the reciprocal of the quantum, and `apply`,
    /// `product` and `quotient` then round with a few multiplications, without division, table
    /// lookup or data-dependent branch. Other quanta (0.05, 100) work too, through the general
    /// rounding. Results equal `rounded(toMultipleOf:mode:)` and the fused
    /// `multiplied(by:roundedToMultipleOf:mode:)` / `divided(by:roundedToMultipleOf:mode:)`.
    public struct Rounding: Hashable, Sendable {
        /// The step results are multiples of.
        public let quantum: FixedDecimal
        /// How ties and directions are resolved.
        public let mode: RoundingMode
        /// j when quantum = 10^j units with 0 ≤ j ≤ 18, else -1.
        @usableFromInline let powerOfTen: Int
        /// 10^j as 64 bits (when powerOfTen ≥ 0).
        @usableFromInline let quantumUnits: UInt64
        /// Reciprocal of 10^j for fraction parts (see PowersOfTen.smallReciprocal); j = 0 uses
        /// 1 and 0, which give the fraction itself.
        @usableFromInline let multiplier: UInt64
        @usableFromInline let shift: UInt128

        /// Prepares rounding to multiples of `quantum` by `mode`.
        ///
        /// - Throws: `.invalidArgument` when `quantum` is not positive.
        public init(quantum: FixedDecimal, mode: RoundingMode) throws(ArithmeticError) {
            guard quantum.units > 0 else { throw .invalidArgument("the rounding quantum must be positive") }
            self.quantum = quantum
            self.mode = mode
            let units = quantum.units.magnitude
            if units <= UInt128(limb: FixedDecimal.unitsPerOne), let j = PowersOfTen.exponent(of: units) {
                powerOfTen = j
                quantumUnits = UInt64(truncatingIfNeeded: units)
                (multiplier, shift) = j == 0 ? (1, 0) : PowersOfTen.smallReciprocal(j)
            } else {
                powerOfTen = -1
                quantumUnits = 0
                (multiplier, shift) = (0, 0)
            }
        }

        /// Prepares rounding to `places` fraction digits (negative: tens, hundreds, ...).
        ///
        /// - Throws: `.invalidArgument` when `places < -20`.
        public init(places: Int, mode: RoundingMode) throws(ArithmeticError) {
            guard places >= -20 else { throw .invalidArgument("places must be at least -20") }
            let exponent = FixedDecimal.scale &- Swift.min(places, FixedDecimal.scale)
            try self.init(quantum: FixedDecimal(units: Int128(truncatingIfNeeded: PowersOfTen.value(exponent))), mode: mode)
        }

        /// `value` rounded to a multiple of `quantum`.
        ///
        /// - Throws: `.overflow` when rounding away from zero leaves the range.
        @inlinable
        public func apply(to value: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
            try round(value.units.magnitude, below: .zero, negative: value.units < 0)
        }

        /// `a × b` rounded once, from the exact product, to a multiple of `quantum`.
        ///
        /// - Throws: `.overflow`.
        @inlinable
        public func product(_ a: FixedDecimal, _ b: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
            let (q, r) = try FixedDecimal.truncatedProductUnits(a.units.magnitude, b.units.magnitude)
            return try round(q, below: Discarded(remainder: UInt128(limb: r), divisor: UInt128(limb: FixedDecimal.unitsPerOne)),
                             negative: (a.units < 0) != (b.units < 0))
        }

        /// `a ÷ b` rounded once, from the exact quotient, to a multiple of `quantum`.
        ///
        /// - Throws: `.divisionByZero`; `.overflow`.
        @inlinable
        public func quotient(_ a: FixedDecimal, _ b: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
            guard b.units != 0 else { throw .divisionByZero }
            let t = try FixedDecimal.truncatedQuotient(a.units.magnitude, b.units.magnitude)
            return try round(t.units, below: t.discarded, negative: (a.units < 0) != (b.units < 0))
        }

        /// Rounds a magnitude in units, with `below` summarising any part below one unit.
        @inlinable @inline(__always)
        func round(_ units: UInt128, below: Discarded, negative: Bool) throws(ArithmeticError) -> FixedDecimal {
            guard powerOfTen >= 0 else {
                return try FixedDecimal.round(TruncatedMagnitude(units: units, discarded: below),
                                              toMultipleOf: quantum.units.magnitude, mode: mode, negative: negative)
            }
            // units = whole·10^18 + fraction, fraction = q·10^j + rest.
            let (whole, fraction) = FixedDecimal.divideByScale(units)
            let q = UInt64(truncatingIfNeeded: (UInt128(limb: fraction &>> UInt64(truncatingIfNeeded: powerOfTen))
                                                 &* UInt128(limb: multiplier)) &>> shift)
            let rest = fraction &- q &* quantumUnits
            // The number of quanta is whole·10^(18-j) + q: its parity is q's unless j = 18.
            let odd = (powerOfTen == FixedDecimal.scale ? whole._low : q) & 1 == 1
            let step = mode.stepsAwayFromZero(scaled: (rest &<< 3) | (UInt64(below.code) &<< 1),
                                              fourQuanta: quantumUnits &<< 2, quotientIsOdd: odd, negative: negative)
            let down = units &- UInt128(limb: rest)
            guard down <= FixedDecimal.maxMagnitude else { throw .overflow }
            // A multiplication, not `step ? quantum : 0`, which the compiler may turn into a branch.
            return try FixedDecimal.make(magnitude: down &+ UInt128(limb: quantumUnits &* (step ? 1 : 0)), negative: negative)
        }
    }
}
