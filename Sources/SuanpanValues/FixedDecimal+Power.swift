// Powers: x^n for integer n exactly, x^y for fractional y through exp(y · ln x).

extension FixedDecimal {
    /// `self` raised to `exponent`.
    ///
    /// - Integer exponent (`12`, `-3`, `365.0`): the exact power rounded once, half-even, at the
    ///   18th fraction digit; negative exponents give 1/x^n rounded the same way. `x^0 == 1`
    ///   (also for 0). Very large exponents whose exact value would need more than 8,192 bits
    ///   fall back to the fractional method below.
    /// - Fractional exponent: exp(y · ln x) in 120-bit fixed point, rounded half-even at the
    ///   18th digit; relative error below 1e-30 for ordinary arguments and below 1e-16 in the
    ///   worst case (bases within 1e-18 of 1 raised to exponents near 1e19).
    ///
    /// Example: `(1.0004).power(365) - 1` is 0.157162407423171856 (daily 万分之四 compounded).
    ///
    /// - Throws: `.divisionByZero` for 0 raised to a negative integer; `.invalidArgument` for a
    ///   fractional exponent of a negative base; `.divisionByZero` for 0 to a negative power; `.overflow`.
    public func power(_ exponent: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let (count, fraction) = FixedDecimal.divideByScale(exponent.units.magnitude)
        if fraction == 0 {
            return try integerPower(count, exponentUnits: exponent.units)
        }
        if units == 0 {
            // 0^y is 0 for y > 0; for y < 0 it is 1/0.
            guard exponent.units > 0 else { throw .divisionByZero }
            return .zero
        }
        guard units > 0 else { throw .invalidArgument("a fractional power needs a positive base") }
        switch FixedDecimal.expArgument(Q120.ln(units: units.magnitude), times: exponent.units) {
        case .tooLarge: throw .overflow
        case .tooSmall: return .zero
        case .value(let t): return FixedDecimal(units: Int128(truncatingIfNeeded: try Q120.expUnits(t)))
        }
    }

    /// `self^n` where `exponentUnits` is ±n · 10^18.
    private func integerPower(_ n: UInt128, exponentUnits: Int128) throws(ArithmeticError) -> FixedDecimal {
        let negativeExponent = exponentUnits < 0
        if n == 0 { return .one }
        if units == 0 {
            if negativeExponent { throw .divisionByZero }
            return .zero
        }
        let negative = units < 0 && n._low & 1 == 1
        let base = units.magnitude
        if base == UInt128(limb: FixedDecimal.unitsPerOne) { return negative ? FixedDecimal(units: 0 &- FixedDecimal.one.units) : .one }
        // A single multiplication or division is already rounded once, correctly.
        if n == 1 {
            return negativeExponent ? try FixedDecimal.one.divided(by: self) : self
        }
        if n == 2 && !negativeExponent { return try multiplied(by: self) }
        // The exact computation is bounded (8,192 bits) and detects overflow itself.
        if let exact = try FixedDecimal.exactPower(base, n, negativeExponent: negativeExponent) {
            return try FixedDecimal.make(magnitude: exact, negative: negative)
        }
        // Too large to do exactly: bound the result through n · ln|x| (which settles overflow
        // and underflow for any n, however large), then evaluate it in 120-bit fixed point.
        let t: Int128
        switch FixedDecimal.expArgument(Q120.ln(units: base), times: exponentUnits) {
        case .tooLarge: throw .overflow
        case .tooSmall: return .zero
        case .value(let v): t = v
        }
        return try FixedDecimal.make(magnitude: try Q120.expUnits(t), negative: negative)
    }

    /// round(|x|^±n · 10^18) half-even, computed exactly with big integers; `nil` when the
    /// exact computation would need more than 8,192 bits.
    private static func exactPower(_ base: UInt128, _ n: UInt128, negativeExponent: Bool) throws(ArithmeticError) -> UInt128? {
        // |x| = p / 10^f with p free of trailing zeros, so |x|^n = p^n / 10^(f·n).
        var p = base
        var f = FixedDecimal.scale
        let (whole, fractionUnits) = divideByScale(base)
        var fraction = fractionUnits
        if fraction == 0 {
            p = whole
            f = 0
        } else {
            var zeros = 0
            while fraction % 10 == 0 {
                fraction /= 10
                zeros &+= 1
            }
            f &-= zeros
            p = PowersOfTen.dividing(base, byPowerOf: zeros).quotient
        }
        guard n <= 8192 else { return nil }
        let count = Int(truncatingIfNeeded: n)
        if let fast = try smallExactPower(p, count, fractionDigits: f, negativeExponent: negativeExponent) {
            return fast
        }
        let bitsPerFactor = Swift.max(128 &- p.leadingZeroBitCount, 4 &* f)
        guard count &* bitsPerFactor <= 8192 else { return nil }
        let pn = BigUInt(p).power(count)
        let quotient: BigUInt, remainder: BigUInt, divisor: BigUInt
        if negativeExponent {
            divisor = pn
            (quotient, remainder) = BigUInt.powerOfTen(scale &+ f &* count).quotientAndRemainder(dividingBy: divisor)
        } else if f &* count <= scale {
            divisor = BigUInt(1)
            quotient = pn * BigUInt.powerOfTen(scale &- f &* count)
            remainder = BigUInt(0)
        } else {
            divisor = BigUInt.powerOfTen(f &* count &- scale)
            (quotient, remainder) = pn.quotientAndRemainder(dividingBy: divisor)
        }
        guard let q = quotient.uint128, q <= maxMagnitude else { throw .overflow }
        let comparison = remainder.doubled().compare(divisor)
        let roundsUp = comparison > 0 || (comparison == 0 && q._low & 1 == 1)
        return q &+ (roundsUp ? 1 : 0)
    }

    /// The exact power in fixed 256-bit arithmetic when p^n fits 256 bits and the power of ten
    /// to divide by (or into) fits too: the common (1 + r)^n with a short rate, without
    /// allocating. `nil` hands over to the big-integer path.
    private static func smallExactPower(_ p: UInt128, _ n: Int, fractionDigits f: Int,
                                        negativeExponent: Bool) throws(ArithmeticError) -> UInt128? {
        guard let pn = power(UInt256(p), n) else { return nil }
        let digits = f &* n                     // |x|^n = pn / 10^digits
        let q: UInt128, discarded: Discarded
        if !negativeExponent {
            if digits <= scale {
                // Exact: pn · 10^(18 - digits) units.
                guard pn.high == 0 else { throw .overflow }
                let (m, wide) = pn.low.multipliedReportingOverflow(by: PowersOfTen.value(scale &- digits))
                guard !wide else { throw .overflow }
                return m
            }
            // Divide by 10^(digits - 18) (at most 10^59 here), 19 digits at a time while more
            // than 38 remain, keeping a summary of everything cut off.
            var value = pn
            var below = Discarded.zero
            var e = digits &- scale
            let tenTo19: UInt64 = 10_000_000_000_000_000_000
            while e > 38 {
                let (quotient, remainder) = divide(value, by: tenTo19)
                below = Discarded(rest: UInt128(limb: remainder), quantum: UInt128(limb: tenTo19), below: below)
                value = quotient
                e &-= 19
            }
            let d = PowersOfTen.value(e)
            guard value.high < d else { throw .overflow }
            let (quotient, remainder) = divide(value, by: d)
            (q, discarded) = (quotient, Discarded(rest: remainder, quantum: d, below: below))
        } else {
            // 1/|x|^n in units = 10^(18 + digits) / pn.
            let k = scale &+ digits
            guard pn.high == 0, k <= 76 else { return nil }
            let numerator = k <= 38 ? UInt256(PowersOfTen.value(k))
                                    : multiplyFull(PowersOfTen.value(38), PowersOfTen.value(k &- 38))
            guard numerator.high < pn.low else { throw .overflow }
            let (quotient, remainder) = divide(numerator, by: pn.low)
            (q, discarded) = (quotient, Discarded(remainder: remainder, divisor: pn.low))
        }
        guard q <= maxMagnitude else { throw .overflow }
        let up = RoundingMode.halfEven.stepsAwayFromZero(discarded: discarded, quotientIsOdd: q._low & 1 == 1,
                                                         negative: false)
        return q &+ (up ? 1 : 0)
    }

    /// base^n exactly, or `nil` when a step passes 2^256.
    private static func power(_ base: UInt256, _ n: Int) -> UInt256? {
        var result = UInt256(1)
        var square = base
        var e = n
        while e > 0 {
            if e & 1 == 1 {
                guard let r = multiplyChecked(result, square) else { return nil }
                result = r
            }
            e >>= 1
            if e > 0 {
                guard let s = multiplyChecked(square, square) else { return nil }
                square = s
            }
        }
        return result
    }

    /// a · b when the product fits 256 bits, else `nil`.
    private static func multiplyChecked(_ a: UInt256, _ b: UInt256) -> UInt256? {
        if a.high != 0 && b.high != 0 { return nil }
        let (small, large) = a.high == 0 ? (a.low, b) : (b.low, a)
        let low = multiplyFull(small, large.low)
        let high = multiplyFull(small, large.high)
        guard high.high == 0 else { return nil }
        let (top, carry) = low.high.addingReportingOverflow(high.low)
        guard !carry else { return nil }
        return UInt256(high: top, low: low.low)
    }

    /// The Q120 argument t = ln · (exponentUnits / 10^18) for exp, or which side of exp's
    /// useful range it falls on when it does not fit.
    enum ExpArgument {
        case value(Int128)
        case tooLarge
        case tooSmall
    }

    static func expArgument(_ ln: Int128, times exponentUnits: Int128) -> ExpArgument {
        // |ln| < 2^126 and |exponentUnits| ≤ 2^127: the product fits 256 bits.
        let product = multiplyFull(ln.magnitude, exponentUnits.magnitude)
        let positive = (ln < 0) == (exponentUnits < 0)
        guard let (t, _) = divideByScale(product), t <= UInt128(truncatingIfNeeded: Q120.expUpperLimit) else {
            return positive ? .tooLarge : .tooSmall
        }
        let v = Int128(truncatingIfNeeded: t)
        return .value(positive ? v : 0 &- v)
    }
}
