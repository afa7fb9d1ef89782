/// Why a decimal or date operation could not produce a value.
///
/// Every arithmetic path that input can reach reports one of these instead of trapping, so a
/// rule evaluated over millions of accounts fails with a message rather than crashing the process.
public enum ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The result is outside the representable range: about ±1.7e20 for `FixedDecimal`,
    /// years 1...9999 for `CivilDate`.
    case overflow
    /// A division (or a negative power) with a zero divisor.
    case divisionByZero
    /// A decimal literal with more than `FixedDecimal.scale` (18) digits after the point.
    case tooManyFractionDigits
    /// Text that is not a decimal literal.
    case malformed
    /// An argument outside the operation's domain (the message says which).
    case invalidArgument(String)

    /// A short message for people reading diagnostics.
    public var description: String {
        switch self {
        case .overflow:
            "arithmetic overflow (decimal magnitude limit is about \(FixedDecimal.limitText); dates span years 1-9999)"
        case .divisionByZero:
            "division by zero"
        case .tooManyFractionDigits:
            "more than 18 digits after the decimal point"
        case .malformed:
            "malformed decimal number"
        case .invalidArgument(let message):
            "invalid argument: \(message)"
        }
    }
}

extension FixedDecimal {
    /// The largest magnitude of a decimal as a message states it, "1.7e20", from `maximum`.
    public static let limitText: String = {
        let whole = maximum.description.prefix { $0 != "." }
        let digits = Array(whole)
        guard digits.count > 1 else { return String(whole) }
        return "\(digits[0]).\(digits[1])e\(digits.count - 1)"
    }()
}
