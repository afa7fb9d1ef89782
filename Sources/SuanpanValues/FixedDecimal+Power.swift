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
    /// Example: `(1.0004).power(365) - 1` is 0.157122... (daily 万分之四 compounded).
    ///
    /// - Throws: `.divisionByZero` for 0 raised to a negative integer; `.invalidArgument` for a
    ///   fractional exponent of a base that is not positive; `.overflow`.
    public func power(_ exponent: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let (count, fraction) = FixedDecimal.divideByScale(exponent.units.magnitude)
        if fraction == 0 {
            return try integerPower(count, exponentUnits: exponent.units)
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
        // First bound the result through n · ln|x|: this settles overflow and underflow for
        // any n, however large, and gives the fallback value.
        let t: Int128
        switch FixedDecimal.expArgument(Q120.ln(units: base), times: exponentUnits) {
        case .tooLarge: throw .overflow
        case .tooSmall: return .zero
        case .value(let v): t = v
        }
        if let exact = try FixedDecimal.exactPower(base, n, negativeExponent: negativeExponent) {
            return try FixedDecimal.make(magnitude: exact, negative: negative)
        }
        return try FixedDecimal.make(magnitude: try Q120.expUnits(t), negative: negative)
    }

    /// round(|x|^±n · 10^18) half-even, computed exactly with big integers; `nil` when the
    /// exact computation would need more than 8,192 bits.
    private static func exactPower(_ base: UInt128, _ n: UInt128, negativeExponent: Bool) throws(ArithmeticError) -> UInt128? {
        // |x| = p / 10^f with p free of trailing zeros, so |x|^n = p^n / 10^(f·n).
        var p = base
        var f = FixedDecimal.scale
        var (whole, fraction) = divideByScale(base)
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
            (whole, _) = divide(base, by: UInt64(truncatingIfNeeded: powerOfTen(zeros)))
            p = whole
        }
        guard n <= 8192 else { return nil }
        let count = Int(truncatingIfNeeded: n)
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
        let (t, _) = divide(product, by: unitsPerOne)
        let positive = (ln < 0) == (exponentUnits < 0)
        guard t.high == 0, t.low <= UInt128(truncatingIfNeeded: Q120.expUpperLimit) else {
            return positive ? .tooLarge : .tooSmall
        }
        let v = Int128(truncatingIfNeeded: t.low)
        return .value(positive ? v : 0 &- v)
    }
}
