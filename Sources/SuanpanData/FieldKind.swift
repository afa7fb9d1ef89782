import SuanpanChecker
import SuanpanValues

/// How a field's type reads a cell: one case per physical form, decided once per
/// field when a population is opened, so the per-cell path is a switch, not a
/// walk over the type.
public enum FieldKind: Sendable, Equatable {
    case int, number, percent
    case rate(Period)
    case duration(DurationUnit)
    /// `money<C>` (per nil) or a flow `money<C>/P`; a nil currency is read from each cell (`12.00 CNY`).
    case money(Currency?, per: Period?)
    case bool, string, date

    /// The kind for a field's type; nil for types a single cell cannot hold (lists, records…).
    public init?(_ type: SType) {
        switch type {
        case .int: self = .int
        case .number: self = .number
        case .percent: self = .percent
        case .rate(let p): self = .rate(p)
        case .duration(let u): self = .duration(u)
        case .bool: self = .bool
        case .string: self = .string
        case .date: self = .date
        case .money(let code): guard let c = Self.currency(code) else { return nil }; self = .money(c, per: nil)
        case .flow(let code, let p): guard let c = Self.currency(code) else { return nil }; self = .money(c, per: p)
        case .list, .record, .roundingMode, .anything, .never, .invalid: return nil
        }
    }

    /// nil code → `.some(nil)` (read per cell); an unknown code → nil (not readable).
    private static func currency(_ code: String?) -> Currency?? {
        guard let code else { return .some(nil) }
        guard let c = Currency.named(code) else { return nil }
        return .some(c)
    }

    /// What a cell of this kind is, for messages: "'12x' is not a number".
    var noun: String {
        switch self {
        case .int: "a whole number"
        case .number: "a number"
        case .percent: "a percentage"
        case .rate(let p): "a rate per \(p.rawValue)"
        case .duration(let u): "a count of \(u.plural)"
        case .money(let c, nil): c.map { "an amount of \($0.code)" } ?? "an amount with its currency"
        case .money(let c, let p?): (c.map { "an amount of \($0.code)" } ?? "an amount") + " per \(p.rawValue)"
        case .bool: "true or false"
        case .string: "text"
        case .date: "a date"
        }
    }

    /// An example of what to write, for hints.
    var example: String {
        switch self {
        case .int: "12"
        case .number: "2000.10"
        case .percent: "4.5% or 0.045"
        case .rate(let p): "0.04%/\(p.rawValue) or 0.0004"
        case .duration(let u): "40 or 40 \(u.plural)"
        case .money(let c, nil): c.map { "2000.00 or 2000.00 \($0.code)" } ?? "12.00 CNY"
        case .money(let c, let p?): (c.map { "2000.00 or 2000.00 \($0.code)" } ?? "12.00 CNY") + "/\(p.rawValue)"
        case .bool: "true, false, 1 or 0"
        case .string: "any text"
        case .date: "2021-01-31"
        }
    }

    /// Whether a `ColumnMapping.scale` may apply: kinds whose bare cells are numbers.
    var takesScale: Bool {
        switch self {
        case .int, .number, .percent, .rate, .duration, .money: true
        case .bool, .string, .date: false
        }
    }
}
