import SuanpanSyntax
import SuanpanValues

/// A record type: declared once, shared by every value and every checked node.
public final class RecordType: @unchecked Sendable, Hashable, CustomStringConvertible {
    public struct Field: Sendable {
        public let name: String
        public let type: SType
        public let span: Span
        /// The global holding the field's default value, if it has one.
        public let defaultGlobal: Int?

        public init(name: String, type: SType, span: Span = .none, defaultGlobal: Int? = nil) {
            self.name = name
            self.type = type
            self.span = span
            self.defaultGlobal = defaultGlobal
        }
    }

    public let name: String
    /// Set once by the checker, before any value of the type exists.
    public internal(set) var fields: [Field]
    public let span: Span
    public let file: SourceFile?
    /// A row: a record type named by its fields, `(merchant: string, total: money<CNY>)`.
    public let isRow: Bool

    public init(name: String, fields: [Field], span: Span, file: SourceFile?, isRow: Bool = false) {
        self.name = name
        self.fields = fields
        self.span = span
        self.file = file
        self.isRow = isRow
    }

    public func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }
    public var description: String { name }
    public static func == (a: RecordType, b: RecordType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

/// A Suanpan type. Units are part of the type: money carries its currency when
/// known, rates and flows their period, durations their unit.
public indirect enum SType: Sendable, Hashable, CustomStringConvertible {
    case int, number, percent, bool, string, date
    /// `money<CNY>`, or `money` when the currency is known only at run time.
    case money(String?)
    case rate(Period)
    /// Money per period: what `amount * 0.05%/day` is, before it is multiplied by days.
    case flow(String?, Period)
    case duration(DurationUnit)
    case list(SType)
    case record(RecordType)
    case roundingMode
    /// The element type of `[]`: fits any list.
    case anything
    /// The type of `error("…")`: fits anywhere, since it never returns.
    case never
    /// A type error already reported: fits anywhere, so one mistake gives one error.
    case invalid

    public var description: String {
        switch self {
        case .int: return "int"
        case .number: return "number"
        case .percent: return "percent"
        case .bool: return "bool"
        case .string: return "string"
        case .date: return "date"
        case .money(let c): return c.map { "money<\($0)>" } ?? "money"
        case .rate(let p): return "rate/\(p.rawValue)"
        case .flow(let c, let p): return (c.map { "money<\($0)>" } ?? "money") + "/\(p.rawValue)"
        case .duration(let u): return u.plural
        case .list(let e): return "list<\(e)>"
        case .record(let r): return r.name
        case .roundingMode: return "rounding"
        case .anything: return "any"
        case .never: return "never"
        case .invalid: return "<error>"
        }
    }

    /// int, number and percent: plain quantities without a unit.
    public var isScalar: Bool {
        switch self {
        case .int, .number, .percent: return true
        case .bool, .string, .date, .money, .rate, .flow, .duration, .list, .record, .roundingMode, .anything, .never, .invalid:
            return false
        }
    }

    /// Quantities: what can be negated, summed, averaged and taken the absolute value of.
    public var isNumeric: Bool {
        switch self {
        case .int, .number, .percent, .money, .rate, .flow, .duration: return true
        case .bool, .string, .date, .list, .record, .roundingMode, .anything, .never, .invalid: return false
        }
    }

    /// Error types absorb everything: no second message about the same mistake.
    public var isPoison: Bool { self == .invalid || self == .never || self == .anything }

    /// True when an error type hides inside, as in `list<invalid>`.
    public var containsInvalid: Bool {
        switch self {
        case .invalid: return true
        case .list(let e): return e.containsInvalid
        case .int, .number, .percent, .bool, .string, .date, .money, .rate, .flow, .duration, .record, .roundingMode,
             .anything, .never:
            return false
        }
    }

    /// Values with an order: what `<`, `min`, `max`, `sort` and table ranges accept.
    public var isOrdered: Bool {
        switch self {
        case .int, .number, .percent, .money, .rate, .flow, .duration, .date, .string: return true
        case .bool, .list, .record, .roundingMode, .anything, .never, .invalid: return false
        }
    }

    /// True when part of the type is still unknown, as in `list<any>` (the type of `[]`).
    public var hasUnknownParts: Bool {
        switch self {
        case .anything: return true
        case .list(let e): return e.hasUnknownParts
        case .int, .number, .percent, .bool, .string, .date, .money, .rate, .flow, .duration, .record, .roundingMode,
             .never, .invalid:
            return false
        }
    }

    public var currency: String? {
        switch self {
        case .money(let c), .flow(let c, _): return c
        case .int, .number, .percent, .bool, .string, .date, .rate, .duration, .list, .record, .roundingMode,
             .anything, .never, .invalid:
            return nil
        }
    }
}
