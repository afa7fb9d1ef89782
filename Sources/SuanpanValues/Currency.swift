/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
/// (CNY 2 for fen, JPY 0, KWD 3), which is what amounts are rounded to by default.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The ISO 4217 alphabetic code, e.g. "CNY".
    public let code: String
    /// Digits after the decimal point in the minor unit: 2 for CNY, 0 for JPY, 3 for KWD.
    public let minorUnits: Int

    /// The currency with this exact (upper-case) ISO 4217 code, or `nil` for an unknown code.
    public static func named(_ code: some StringProtocol) -> Currency? {
        let key = String(code)
        guard let minorUnits = Currency.minorUnitsByCode[key] else { return nil }
        return Currency(code: key, minorUnits: minorUnits)
    }

    /// Every currency in the table, sorted by code.
    public static let all: [Currency] = iso4217.map { Currency(code: $0.code, minorUnits: $0.minorUnits) }

    /// The code, e.g. "CNY".
    public var description: String { code }

    /// The smallest amount in this currency: 0.01 for CNY, 1 for JPY, 0.001 for KWD.
    public var minorUnit: FixedDecimal {
        FixedDecimal(units: Int128(truncatingIfNeeded: FixedDecimal.powerOfTen(FixedDecimal.scale &- minorUnits)))
    }

    private init(code: String, minorUnits: Int) {
        self.code = code
        self.minorUnits = minorUnits
    }

    private static let minorUnitsByCode: [String: Int] = {
        var table: [String: Int] = [:]
        for entry in iso4217 { table[entry.code] = entry.minorUnits }
        return table
    }()
}
