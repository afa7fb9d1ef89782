import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

/// A breakdown's key: the values a segment can be keyed by.
public enum SegmentKey: Hashable, Comparable, Sendable {
    case bool(Bool)
    case decimal(FixedDecimal)
    case date(CivilDate)
    case string(String)

    init?(_ v: Value) {
        switch v {
        case .bool(let b): self = .bool(b)
        case .decimal(let d): self = .decimal(d)
        case .date(let d): self = .date(d)
        case .string(let s): self = .string(s)
        case .money, .list, .record, .roundingMode: return nil
        }
    }

    var value: Value {
        switch self {
        case .bool(let b): .bool(b)
        case .decimal(let d): .decimal(d)
        case .date(let d): .date(d)
        case .string(let s): .string(s)
        }
    }

    public static func < (a: SegmentKey, b: SegmentKey) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return !x && y
        case (.decimal(let x), .decimal(let y)): return x < y
        case (.date(let x), .date(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        default: return a.rank < b.rank
        }
    }

    var rank: Int {
        switch self {
        case .bool: 0
        case .decimal: 1
        case .date: 2
        case .string: 3
        }
    }
}

/// Sums of revenue lines, exact. Every part adds up the same way whatever order
/// accounts come in, so totals of shards merge into the totals of the whole.
public struct LineSums: Sendable, Equatable {
    public var lines: [FixedDecimal]
    public var accounts = 0
    public var charged = 0

    public init(lines: Int) { self.lines = Array(repeating: .zero, count: lines) }

    public var total: FixedDecimal {
        get throws(ArithmeticError) {
            var t = FixedDecimal.zero
            for x in lines { t = try t.adding(x) }
            return t
        }
    }

    mutating func add(_ amounts: [FixedDecimal]) throws(ArithmeticError) {
        for i in lines.indices where amounts[i] != .zero { lines[i] = try lines[i].adding(amounts[i]) }
    }

    /// Counts come from partial files too, so even they are added with a check.
    public mutating func merge(_ other: LineSums) throws(ArithmeticError) {
        guard other.lines.count == lines.count else { throw .invalidArgument("a partial result has another number of lines") }
        try add(other.lines)
        let a = accounts.addingReportingOverflow(other.accounts), c = charged.addingReportingOverflow(other.charged)
        if a.overflow || c.overflow { throw .overflow }
        accounts = a.partialValue
        charged = c.partialValue
    }
}

/// A scenario's results: the whole, each step, and each segment of every breakdown.
public struct ScenarioTotals: Sendable, Equatable {
    public var whole: LineSums
    /// One per step; `accounts` counts the accounts of the step, `charged` those with
    /// a line that is not zero in it.
    public var periods: [LineSums]
    /// One dictionary per breakdown, by key.
    public var segments: [[SegmentKey: LineSums]]

    public init(lines: Int, steps: Int, breakdowns: Int) {
        whole = LineSums(lines: lines)
        periods = Array(repeating: LineSums(lines: lines), count: steps)
        segments = Array(repeating: [:], count: breakdowns)
    }

    public mutating func merge(_ other: ScenarioTotals) throws(ArithmeticError) {
        try whole.merge(other.whole)
        for i in periods.indices where i < other.periods.count { try periods[i].merge(other.periods[i]) }
        for b in segments.indices where b < other.segments.count {
            for (key, sums) in other.segments[b] {
                if var mine = segments[b][key] {
                    try mine.merge(sums)
                    segments[b][key] = mine
                } else {
                    segments[b][key] = sums
                }
            }
        }
    }
}
