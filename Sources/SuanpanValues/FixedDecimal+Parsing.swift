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
        let bytes = text.utf8
        var i = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if i < end && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i = bytes.index(after: i)
        }
        var integerPart: UInt128 = 0
        var integerDigits = 0
        var integerTooLarge = false
        var fraction: UInt64 = 0
        var fractionDigits = 0
        var inFraction = false
        var previousWasDigit = false
        while i < end {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = UInt64(byte &- UInt8(ascii: "0"))
                if inFraction {
                    // Digits past the 18th only count: the literal is rejected below.
                    if fractionDigits < FixedDecimal.scale { fraction = fraction &* 10 &+ digit }
                    fractionDigits &+= 1
                } else {
                    if !integerTooLarge {
                        let (shifted, o1) = integerPart.multipliedReportingOverflow(by: 10)
                        let (sum, o2) = shifted.addingReportingOverflow(UInt128(limb: digit))
                        if o1 || o2 { integerTooLarge = true } else { integerPart = sum }
                    }
                    integerDigits &+= 1
                }
                previousWasDigit = true
            case UInt8(ascii: "_"):
                // Only between two digits: the next byte must be a digit, checked by the
                // `previousWasDigit` tests of '.', '_' and the end of the text.
                guard previousWasDigit else { throw .malformed }
                previousWasDigit = false
            case UInt8(ascii: "."):
                guard previousWasDigit, !inFraction else { throw .malformed }
                inFraction = true
                previousWasDigit = false
            default:
                throw .malformed
            }
            i = bytes.index(after: i)
        }
        guard previousWasDigit, integerDigits > 0 else { throw .malformed }
        guard fractionDigits <= FixedDecimal.scale else { throw .tooManyFractionDigits }
        guard !integerTooLarge else { throw .overflow }
        let (scaled, o1) = integerPart.multipliedReportingOverflow(by: UInt128(limb: unitsPerOne))
        // fraction < 10^fractionDigits, so fraction · 10^(18 - fractionDigits) < 10^18.
        let fractionUnits = UInt128(limb: fraction) &* powerOfTen(FixedDecimal.scale &- fractionDigits)
        let (magnitude, o2) = scaled.addingReportingOverflow(fractionUnits)
        guard !o1, !o2 else { throw .overflow }
        return try make(magnitude: magnitude, negative: negative)
    }

    /// Parses a decimal literal; see `parse(_: Substring)`.
    @inlinable
    public static func parse(_ text: String) throws(ArithmeticError) -> FixedDecimal {
        try parse(Substring(text))
    }
}
