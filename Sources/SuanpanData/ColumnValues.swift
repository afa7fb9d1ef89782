import SuanpanRuntime
import SuanpanValues

/// One field's values as they are converted, in the array its `Column` will hold:
/// appends are to a typed array, never to `[Value]`, except for `money` fields
/// whose currency each cell writes. A value type held in locals while a batch is
/// converted, so the per-cell appends carry no exclusivity checks.
struct ColumnValues {
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

    /// Appends a converted cell; the conversion made it of this column's kind.
    mutating func append(_ scalar: Scalar) {
        switch scalar {
        case .decimal(let d): decimals.append(d)
        case .money(let d, let c):
            if case .money(nil, _) = kind { values.append(.money(d, c)) } else { decimals.append(d) }
        case .bool(let b): bools.append(b)
        case .string(let s): strings.append(s)
        case .date(let d): dates.append(d)
        }
    }

    /// Appends another part's values, leaving out the bad rows. The part has one value for
    /// each of `rows` rows except those in `absent` (its own bad cells); `dropped` are all the
    /// bad rows of the batch (a superset of `absent`).
    mutating func append(_ part: ColumnValues, rows: Int, absent: Set<Int>, dropped: Set<Int>) {
        func add<T>(_ mine: inout [T], _ theirs: [T]) {
            guard !dropped.isEmpty else { return mine.append(contentsOf: theirs) }
            var next = 0
            for row in 0..<rows where !absent.contains(row) {
                if !dropped.contains(row), next < theirs.count { mine.append(theirs[next]) }
                next += 1
            }
        }
        add(&decimals, part.decimals)
        add(&bools, part.bools)
        add(&strings, part.strings)
        add(&dates, part.dates)
        add(&values, part.values)
    }

    var column: Column {
        switch kind {
        case .int, .number, .percent, .rate, .duration: .decimals(decimals)
        case .money(let c?, _): .money(decimals, c)
        case .money(nil, _): .values(values)
        case .bool: .bools(bools)
        case .string: .strings(strings)
        case .date: .dates(dates)
        }
    }
}
