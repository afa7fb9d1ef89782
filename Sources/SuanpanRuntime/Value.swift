import SuanpanChecker
import SuanpanValues

/// A runtime value. Units live in the checked types, not here: a percentage,
/// a rate and a duration are all plain decimals by the time the program runs
/// (2.5% is 0.025, 0.04%/day is 0.0004, 40 days is 40). Only money keeps its
/// currency, because a record field typed `money` learns it at run time.
public enum Value: Sendable {
    case decimal(FixedDecimal)
    case money(FixedDecimal, Currency)
    case bool(Bool)
    case string(String)
    case date(CivilDate)
    case list([Value])
    case record(RecordValue)
    case roundingMode(RoundingMode)

    init(_ c: Constant) {
        switch c {
        case .decimal(let d): self = .decimal(d)
        case .money(let d, let cur): self = .money(d, cur)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        case .date(let d): self = .date(d)
        case .roundingMode(let m): self = .roundingMode(m)
        }
    }
}

public final class RecordValue: Sendable {
    public let type: RecordType
    public let fields: [Value]
    /// Values carry the record as declared, never a view in one currency.
    public init(type: RecordType, fields: [Value]) {
        self.type = type.root
        self.fields = fields
    }
}

extension Value {
    /// Structural equality, for `==` on lists and records.
    func equals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.decimal(let a), .decimal(let b)): return a == b
        case (.money(let a, let c), .money(let b, let d)): return a == b && c == d
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        case (.roundingMode(let a), .roundingMode(let b)): return a == b
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.equals($1) }
        case (.record(let a), .record(let b)):
            return a.type.root === b.type.root && zip(a.fields, b.fields).allSatisfy { $0.equals($1) }
        default: return false
        }
    }
}

extension Value {
    /// Whether a value fits a type: the check on values that come from outside
    /// a program (overrides, host calls), which the checker never saw.
    public func conforms(to type: SType) -> Bool {
        switch (self, type) {
        case (.decimal(let d), .int): return d.isInteger
        case (.decimal(let d), .duration): return d.isInteger
        case (.decimal, .number), (.decimal, .percent), (.decimal, .rate): return true
        case (.money(_, let c), .money(let code)), (.money(_, let c), .flow(let code, _)):
            return code == nil || code == c.code
        case (.bool, .bool), (.string, .string), (.date, .date), (.roundingMode, .roundingMode): return true
        case (.list(let items), .list(let element)): return items.allSatisfy { $0.conforms(to: element) }
        case (.record(let r), .record(let t)):
            // A view in one currency (InstallmentLine<CNY>) holds the record's values with their money in it.
            return r.type.root === t.root && zip(r.fields, t.fields).allSatisfy { $0.conforms(to: $1.type) }
        case (_, .invalid), (_, .anything): return true
        default: return false
        }
    }
}
