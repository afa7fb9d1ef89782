import SuanpanRuntime
import SuanpanValues

/// One field's values as they are converted, in the array its `Column` will hold:
/// appends are to a typed array, never to `[Value]`, except for `money` fields
/// whose currency each cell writes.
final class ColumnBuilder {
    let kind: FieldKind
    private var decimals: [FixedDecimal] = []
    private var bools: [Bool] = []
    private var strings: [String] = []
    private var dates: [CivilDate] = []
    private var values: [Value] = []

    init(kind: FieldKind, capacity: Int) {
        self.kind = kind
        switch kind {
        case .int, .number, .percent, .rate, .duration, .money(.some, _): decimals.reserveCapacity(capacity)
        case .money(nil, _): values.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: strings.reserveCapacity(capacity)
        case .date: dates.reserveCapacity(capacity)
        }
    }

    /// Appends a converted cell; the conversion made it of this builder's kind.
    func append(_ scalar: Scalar) {
        switch scalar {
        case .decimal(let d): decimals.append(d)
        case .money(let d, let c):
            if case .money(nil, _) = kind { values.append(.money(d, c)) } else { decimals.append(d) }
        case .bool(let b): bools.append(b)
        case .string(let s): strings.append(s)
        case .date(let d): dates.append(d)
        }
    }

    /// Takes back the last value: a later cell of the same row was bad.
    func removeLast() {
        switch kind {
        case .int, .number, .percent, .rate, .duration, .money(.some, _): _ = decimals.popLast()
        case .money(nil, _): _ = values.popLast()
        case .bool: _ = bools.popLast()
        case .string: _ = strings.popLast()
        case .date: _ = dates.popLast()
        }
    }

    /// The column built so far; the builder starts again empty.
    func take() -> Column {
        defer { reset() }
        switch kind {
        case .int, .number, .percent, .rate, .duration: return .decimals(decimals)
        case .money(let c?, _): return .money(decimals, c)
        case .money(nil, _): return .values(values)
        case .bool: return .bools(bools)
        case .string: return .strings(strings)
        case .date: return .dates(dates)
        }
    }

    func reset() {
        // New arrays rather than removeAll: the taken column still shares the old storage.
        decimals = []
        bools = []
        strings = []
        dates = []
        values = []
    }
}
