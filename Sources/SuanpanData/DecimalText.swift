import SuanpanValues

/// Decimal text read straight from a cell's UTF-8 bytes: `2000.10`, `-3`, `0.0004`, by
/// `FixedDecimal`'s own parser without the `_` of product literals. Exact, and anything
/// else (an exponent, grouping commas, a `+`) is rejected so the caller can say what to write.
enum DecimalText {
    typealias Failure = ArithmeticError

    /// A parsed decimal, and whether it was written with a point (`12.0` is not an int).
    struct Parsed {
        var value: FixedDecimal
        var hadPoint: Bool
    }

    /// Parses `bytes[range]`: `-`? digits (`.` digits)?, nothing else.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result<Parsed, Failure> {
        FixedDecimal.parse(utf8: bytes, range, underscores: false).map { Parsed(value: $0.value, hadPoint: $0.hadPoint) }
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
