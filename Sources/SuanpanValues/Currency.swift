/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
/// (CNY 2 for fen, JPY 0, KWD 3), which is what amounts are rounded to by default.
///
/// Stored as plain bits (the three letters packed into an integer), so money
/// values copy without reference counting and compare in one instruction.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The three ASCII letters of the code, packed: "CNY" is C << 16 | N << 8 | Y.
    let packed: UInt32
    let minorDigits: UInt8

    /// The ISO 4217 alphabetic code, e.g. "CNY".
    public var code: String {
        String(decoding: [UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
                          UInt8(truncatingIfNeeded: packed)], as: UTF8.self)
    }

    /// Digits after the decimal point in the minor unit: 2 for CNY, 0 for JPY, 3 for KWD.
    public var minorUnits: Int { Int(minorDigits) }

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
        self.packed = code.utf8.prefix(3).reduce(0) { $0 << 8 | UInt32($1) }
        self.minorDigits = UInt8(clamping: minorUnits)
    }

    private static let minorUnitsByCode: [String: Int] = {
        var table: [String: Int] = [:]
        for entry in iso4217 { table[entry.code] = entry.minorUnits }
        return table
    }()
}
