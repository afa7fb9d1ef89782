// Reading decimal literals as they appear in product files: `1200`, `-3.5`, `0.000_4`,
// `1_000_000.00`. The parser works on UTF-8 bytes and never rounds: a literal is either
// represented exactly or rejected.

extension FixedDecimal {
    /// Parses a decimal literal: an optional leading `-`, one or more digits, optionally a `.`
    /// followed by one or more digits. A `_` may separate two digits anywhere (`1_000.000_1`).
    ///
    /// Nothing else is accepted: no `+`, no exponent, no spaces, no leading or trailing `.`.
    ///
    /// - Throws: `.malformed` for text that is not such a literal; `.tooManyFractionDigits`
    ///   for more than 18 digits after the point (trailing zeros included);
    ///   `.overflow` when the magnitude exceeds 170141183460469231731.687303715884105727.
    public static func parse(_ text: Substring) throws(ArithmeticError) -> FixedDecimal {
        var contiguous = text
        return try contiguous.withUTF8 { parse(utf8: $0) }.get()
    }

    /// Parses a decimal literal; see `parse(_: Substring)`.
    @inlinable
    public static func parse(_ text: String) throws(ArithmeticError) -> FixedDecimal {
        try parse(Substring(text))
    }

    /// The parser proper, on contiguous bytes. Errors are returned rather than thrown because
    /// `withUTF8` does not carry typed errors.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result<FixedDecimal, ArithmeticError> {
        parse(utf8: bytes, 0..<bytes.count, underscores: true).map(\.value)
    }

    /// Parses `bytes[range]`, and says whether it was written with a point (`12.0` is not a
    /// whole number as written). With `underscores` false, `_` is malformed: data cells are
    /// numbers as files write them, not literals of a product file.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                             underscores: Bool) -> Result<(value: FixedDecimal, hadPoint: Bool), ArithmeticError> {
        var i = range.lowerBound
        let end = range.upperBound
        var negative = false
        if i < end && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i &+= 1
        }
        let firstDigit = i
        var integerPart: UInt128 = 0
        var integerDigits = 0
        var fraction: UInt64 = 0
        var fractionDigits = 0
        var inFraction = false
        var previousWasDigit = false
        while i < end {
            let byte = bytes[i]
            i &+= 1
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                if inFraction {
                    // Digits past the 18th only count: the literal is rejected below.
                    if fractionDigits < scale { fraction = fraction &* 10 &+ UInt64(digit) }
                    fractionDigits &+= 1
                } else {
                    // Below 38 digits the value is under 10^38 < 2^128: no wrap. Longer
                    // literals (leading zeros aside) overflow; they are checked below.
                    if integerDigits < 38 || integerPart == 0 {
                        integerPart = integerPart &* 10 &+ UInt128(limb: UInt64(digit))
                        if integerPart != 0 { integerDigits &+= 1 }
                    } else {
                        integerDigits &+= 1
                    }
                }
                previousWasDigit = true
            } else if byte == UInt8(ascii: "_"), underscores {
                // Only between two digits: the next byte must be a digit, which the
                // `previousWasDigit` tests of '.', '_' and the end of the text check.
                guard previousWasDigit else { return .failure(.malformed) }
                previousWasDigit = false
            } else if byte == UInt8(ascii: ".") {
                guard previousWasDigit, !inFraction else { return .failure(.malformed) }
                inFraction = true
                previousWasDigit = false
            } else {
                return .failure(.malformed)
            }
        }
        // A digit must close the text, and come before any point.
        let sawIntegerDigit = end > firstDigit && bytes[firstDigit] != UInt8(ascii: ".")
        guard previousWasDigit, sawIntegerDigit else { return .failure(.malformed) }
        guard fractionDigits <= scale else { return .failure(.tooManyFractionDigits) }
        guard integerDigits <= 38 else { return .failure(.overflow) }
        let (scaled, o1) = integerPart.multipliedReportingOverflow(by: UInt128(limb: unitsPerOne))
        // fraction < 10^fractionDigits, so fraction · 10^(18 - fractionDigits) < 10^18.
        let fractionUnits = UInt128(limb: fraction &* UInt64(truncatingIfNeeded: PowersOfTen.value(scale &- fractionDigits)))
        let (magnitude, o2) = scaled.addingReportingOverflow(fractionUnits)
        guard !o1, !o2, magnitude <= maxMagnitude else { return .failure(.overflow) }
        let v = Int128(truncatingIfNeeded: magnitude)
        return .success((FixedDecimal(units: negative ? 0 &- v : v), inFraction))
    }
}
