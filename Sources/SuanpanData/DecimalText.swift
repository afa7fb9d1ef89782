import SuanpanValues

/// Decimal text read straight from a cell's UTF-8 bytes: `2000.10`, `-3`, `0.0004`.
/// Exact: the digits become a `FixedDecimal`'s units with integer arithmetic, and
/// anything else (an exponent, grouping commas, a `+`) is rejected so the caller can
/// say what to write. No Foundation, no regex: this runs once per cell.
enum DecimalText {
    enum Failure: Error {
        case malformed, tooManyFractionDigits, overflow
    }

    /// A parsed decimal, and whether it was written with a point (`12.0` is not an int).
    struct Parsed {
        var value: FixedDecimal
        var hadPoint: Bool
    }

    /// Parses `bytes[range]`: `-`? digits (`.` digits)?, nothing else.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result<Parsed, Failure> {
        var i = range.lowerBound
        let end = range.upperBound
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i &+= 1
        }
        var whole: UInt128 = 0
        var wholeDigits = 0
        var fraction: UInt64 = 0
        var fractionDigits = 0
        var hadPoint = false
        var lastWasDigit = false
        while i < end {
            let digit = bytes[i] &- UInt8(ascii: "0")
            i &+= 1
            if digit < 10 {
                if hadPoint {
                    if fractionDigits < FixedDecimal.scale { fraction = fraction &* 10 &+ UInt64(digit) }
                    fractionDigits &+= 1
                } else if wholeDigits < 39 {
                    // 39 digits exceed the range; stop accumulating before UInt128 could wrap.
                    whole = whole &* 10 &+ UInt128(digit)
                    if whole != 0 { wholeDigits &+= 1 }
                } else {
                    wholeDigits &+= 1
                }
                lastWasDigit = true
            } else if digit == UInt8(ascii: ".") &- UInt8(ascii: "0"), lastWasDigit, !hadPoint {
                hadPoint = true
                lastWasDigit = false
            } else {
                return .failure(.malformed)
            }
        }
        guard lastWasDigit else { return .failure(.malformed) }
        guard fractionDigits <= FixedDecimal.scale else { return .failure(.tooManyFractionDigits) }
        guard wholeDigits <= 21 else { return .failure(.overflow) }
        return make(whole: whole, fraction: fraction, fractionDigits: fractionDigits, negative: negative)
            .map { Parsed(value: $0, hadPoint: hadPoint) }
    }

    private static func make(whole: UInt128, fraction: UInt64, fractionDigits: Int,
                             negative: Bool) -> Result<FixedDecimal, Failure> {
        let one = UInt128(FixedDecimal.one.units)
        let (scaled, o1) = whole.multipliedReportingOverflow(by: one)
        var fractionUnits = UInt128(fraction)
        for _ in fractionDigits..<FixedDecimal.scale { fractionUnits &*= 10 }   // < 10^18: no wrap
        let (magnitude, o2) = scaled.addingReportingOverflow(fractionUnits)
        guard !o1, !o2, magnitude <= UInt128(FixedDecimal.maximum.units) else { return .failure(.overflow) }
        let units = Int128(magnitude)
        return .success(FixedDecimal(units: negative ? 0 &- units : units))
    }

    /// `value / 100` when exact (a percentage written with `%`); nil when it would need
    /// more than 18 fraction digits.
    static func percent(_ value: FixedDecimal) -> FixedDecimal? {
        value.units % 100 == 0 ? FixedDecimal(units: value.units / 100) : nil
    }

    enum ScaleFailure: Error { case inexact, overflow }

    /// `value × scale`, exactly: the full 256-bit product of the units divided by 10^18
    /// must leave no remainder and fit the range.
    static func scaled(_ value: FixedDecimal, by scale: FixedDecimal) -> Result<FixedDecimal, ScaleFailure> {
        let product = value.units.magnitude.multipliedFullWidth(by: scale.units.magnitude)
        let divisor = UInt128(FixedDecimal.one.units)
        // A high half at or above the divisor means a quotient of 2^128 or more.
        guard product.high < divisor else { return .failure(.overflow) }
        let (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        guard remainder == 0 else { return .failure(.inexact) }
        guard quotient <= UInt128(FixedDecimal.maximum.units) else { return .failure(.overflow) }
        let units = Int128(quotient)
        return .success(FixedDecimal(units: (value.units < 0) != (scale.units < 0) ? 0 &- units : units))
    }
}
