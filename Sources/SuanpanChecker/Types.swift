import SuanpanSyntax
import SuanpanValues

/// A record type: declared once, shared by every value and every checked node.
///
/// A record whose `money` fields have no currency of their own (a plugin's
/// `InstallmentLine`, whose amounts are in the call's currency) also has views
/// in one currency: `InstallmentLine<CNY>` is the same record with those fields
/// `money<CNY>`. A view is a type only: values always carry the record as
/// declared (`root`), and a view equals another of the same record and currency.
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
    /// The currency this view gives the fields that have none; nil for the record as declared.
    public let currency: String?
    /// The record as declared, for a view; nil for the record itself.
    let declared: RecordType?
    private var declaredFields: [Field]
    public let span: Span
    public let file: SourceFile?
    /// A row: a record type named by its fields, `(merchant: string, total: money<CNY>)`.
    public let isRow: Bool

    /// Set once by the checker, before any value of the type exists. A view's
    /// fields are the declared ones with the view's currency.
    public internal(set) var fields: [Field] {
        get {
            guard let declared, let currency else { return declaredFields }
            return declared.fields.map { Field(name: $0.name, type: $0.type.inCurrency(currency), span: $0.span, defaultGlobal: $0.defaultGlobal) }
        }
        set { declaredFields = newValue }
    }

    public init(name: String, fields: [Field], span: Span, file: SourceFile?, isRow: Bool = false) {
        self.name = name
        self.currency = nil
        self.declared = nil
        self.declaredFields = fields
        self.span = span
        self.file = file
        self.isRow = isRow
    }

    private init(viewOf record: RecordType, currency: String) {
        self.name = record.name
        self.currency = currency
        self.declared = record
        self.declaredFields = []
        self.span = record.span
        self.file = record.file
        self.isRow = record.isRow
    }

    /// The record as declared: what values carry.
    public var root: RecordType { declared ?? self }

    /// Whether a money field (or one inside a list or a nested record) has no currency of its own.
    public var takesCurrency: Bool {
        var seen = Set<ObjectIdentifier>()
        return SType.record(root).takesCurrency(&seen)
    }

    /// The view whose fields without a currency are in `code`; the record itself when it has none.
    public func inCurrency(_ code: String) -> RecordType {
        guard takesCurrency else { return root }
        return RecordType(viewOf: root, currency: code)
    }

    public func fieldIndex(_ name: String) -> Int? { root.declaredFields.firstIndex { $0.name == name } }
    public var description: String { currency.map { "\(name)<\($0)>" } ?? name }
    public static func == (a: RecordType, b: RecordType) -> Bool { a.root === b.root && a.currency == b.currency }
    public func hash(into h: inout Hasher) {
        h.combine(ObjectIdentifier(root))
        h.combine(currency)
    }
}

extension SType {
    /// Whether the type holds `record`, in itself or in the fields of the records it
    /// holds, all the way down: whether a field of this type puts `record` on a cycle.
    /// An explicit stack, each record visited once.
    func reaches(_ record: RecordType) -> Bool {
        var pending: [SType] = [self]
        var seen = Set<ObjectIdentifier>()
        while let type = pending.popLast() {
            switch type {
            case .list(let element): pending.append(element)
            case .record(let r):
                if r.root === record.root { return true }
                guard seen.insert(ObjectIdentifier(r.root)).inserted else { continue }
                pending += r.root.fields.map(\.type)
            case .int, .number, .percent, .bool, .string, .date, .money, .rate, .flow, .duration, .roundingMode,
                 .anything, .never, .invalid:
                continue
            }
        }
        return false
    }
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
        case .record(let r): return r.description
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

    /// The type with every `money` of no currency in `code`: the type of a plugin
    /// call's result once the call's currency is known (records become their views).
    public func inCurrency(_ code: String) -> SType {
        switch self {
        case .money(let c): return .money(c ?? code)
        case .flow(let c, let p): return .flow(c ?? code, p)
        case .list(let e): return .list(e.inCurrency(code))
        case .record(let r): return .record(r.currency == nil ? r.inCurrency(code) : r)
        case .int, .number, .percent, .bool, .string, .date, .rate, .duration, .roundingMode, .anything, .never, .invalid:
            return self
        }
    }

    /// Whether some money inside has no currency; `seen` stops at records already visited.
    func takesCurrency(_ seen: inout Set<ObjectIdentifier>) -> Bool {
        switch self {
        case .money(let c), .flow(let c, _): return c == nil
        case .list(let e): return e.takesCurrency(&seen)
        case .record(let r):
            guard r.currency == nil, seen.insert(ObjectIdentifier(r.root)).inserted else { return false }
            return r.root.fields.contains { $0.type.takesCurrency(&seen) }
        case .int, .number, .percent, .bool, .string, .date, .rate, .duration, .roundingMode, .anything, .never, .invalid:
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
