import SuanpanRuntime
import SuanpanValues

/// Reads a population a batch at a time: a reader splits the file into cells,
/// and each cell is converted to its field's type and unit.
///
/// Every data row has an ordinal (0-based, bad rows included), so a shard is the
/// same rows however the file is batched. Rows outside the shard are skipped before
/// conversion. A bad row stops the read (`.stop`) or is left out and counted
/// (`.skip`); none is dropped silently.
public final class PopulationReader {
    public let spec: PopulationSpec
    /// Rows left out so far under `bad_rows = "skip"`.
    public private(set) var skipped = SkippedRows()
    /// The reader chosen for the file.
    public let reader: any DataReader
    private let source: any RowSource
    private let plans: [FieldPlan]
    private var raw: RawBatch
    private var nextOrdinal = 0
    private var finished = false

    /// Opens the file with the reader its format names (or its ending picks) among `readers`,
    /// and checks that every field has a column.
    public init(_ spec: PopulationSpec, readers: [any DataReader]) throws(DataError) {
        self.spec = spec
        try Self.checkLimits(spec)
        reader = try ReaderChoice.pick(spec, among: readers)
        try ReaderChoice.checkOptions(spec, for: reader)
        source = try reader.open(path: spec.path, options: spec.options)
        let columns = source.columnNames
        plans = try FieldPlan.make(spec, columns: columns)
        var used = Array(repeating: false, count: columns.count)
        for plan in plans { if let c = plan.column { used[c] = true } }
        source.useColumns(used)
        if let shard = spec.shard { source.useRows(of: shard) }
        raw = RawBatch(columnCount: columns.count)
    }

    private static func checkLimits(_ spec: PopulationSpec) throws(DataError) {
        guard spec.batchSize >= 1 else {
            throw DataError(file: spec.path, "batches of \(spec.batchSize) rows cannot be read", hint: "read batches of at least 1 row")
        }
        if let shard = spec.shard, shard.count < 1 || shard.index < 0 || shard.index >= shard.count {
            throw DataError(file: spec.path, "shard \(shard.index) of \(shard.count) does not exist",
                            hint: "take a shard index from 0 to the count minus 1")
        }
    }

    /// How far through its file the read has got (0 to 1), when the reader can tell.
    public var fractionRead: Double? { source.fractionRead }

    /// The next batch, or nil after the last. Every batch holds `spec.batchSize` rows
    /// (of the shard, bad rows left out) except the last, which is never empty.
    public func next() throws(DataError) -> PopulationBatch? {
        // Room reserved up front, bounded: a batch size of a billion grows as rows come.
        let capacity = min(spec.batchSize, 1 << 16)
        var ordinals: [Int] = []
        ordinals.reserveCapacity(capacity)
        var columns = plans.map { ColumnValues(kind: $0.kind, capacity: capacity) }
        // Each pass either reads a row, ends the file or throws; empty passes are counted
        // so that a reader that makes no progress cannot spin here forever.
        var idle = 0
        while ordinals.count < spec.batchSize, !finished {
            raw.removeAll()
            var failure: DataError?
            var more = false
            do { more = try source.read(into: &raw, limit: spec.batchSize - ordinals.count) } catch { failure = error }
            idle = raw.rowCount == 0 && failure == nil ? idle + 1 : 0
            try convertRows(into: &columns, &ordinals)
            if let failure { try readerFailed(failure) } else if !more { finished = true }
            if idle > 1000 { try fail(DataError(file: spec.path, "the \(reader.name) reader returned no rows a thousand times without ending")) }
        }
        guard !ordinals.isEmpty else { return nil }
        return PopulationBatch(record: spec.record, count: ordinals.count, ordinals: ordinals, columns: columns.map(\.column))
    }

    /// Stops the read: no later call returns rows.
    private func fail(_ error: DataError) throws(DataError) -> Never {
        finished = true
        throw error
    }

    private func inShard(_ ordinal: Int) -> Bool {
        guard let shard = spec.shard else { return true }
        return ordinal % shard.count == shard.index
    }

    /// Converts the raw batch's rows of this shard a column at a time (one kind, one
    /// typed array per loop), then leaves out the bad rows, reporting them in row order.
    private func convertRows(into columns: inout [ColumnValues], _ ordinals: inout [Int]) throws(DataError) {
        let raw = self.raw
        var rows: [Int] = []
        var rowOrdinals: [Int] = []
        rows.reserveCapacity(raw.rowCount)
        for r in 0..<raw.rowCount {
            let ordinal = nextOrdinal
            nextOrdinal += 1
            if inShard(ordinal) { rows.append(r); rowOrdinals.append(ordinal) }
        }
        guard !rows.isEmpty else { return }
        var bad: [Int: DataError] = [:]
        var parts: [(ColumnValues, absent: Set<Int>)] = []
        for plan in plans {
            parts.append(convertColumn(plan, raw, rows, rowOrdinals, bad: &bad))
        }
        for k in bad.keys.sorted() { if let error = bad[k] { try badRow(error) } }
        let dropped = Set(bad.keys)
        for (j, part) in parts.enumerated() {
            columns[j].append(part.0, rows: rows.count, absent: part.absent, dropped: dropped)
        }
        for (k, ordinal) in rowOrdinals.enumerated() where !dropped.contains(k) { ordinals.append(ordinal) }
    }

    /// One field's cells of the given rows. A bad cell leaves no value (its position is in
    /// `absent`) and, if its row has no earlier bad cell, gives the row's error.
    private func convertColumn(_ plan: FieldPlan, _ raw: RawBatch, _ rows: [Int], _ ordinals: [Int],
                               bad: inout [Int: DataError]) -> (ColumnValues, absent: Set<Int>) {
        var part = ColumnValues(kind: plan.kind, capacity: rows.count)
        var absent: Set<Int> = []
        guard let column = plan.column else {
            // No such column in the file: the plan has the field's default (or it would not exist).
            if let fallback = plan.fallback { for _ in rows { part.append(fallback) } }
            return (part, absent)
        }
        let kind = plan.kind, scale = plan.scale
        for (k, r) in rows.enumerated() {
            let cell = raw[r, column]
            switch kind.convert(cell, scale: scale) {
            case .success(let scalar): part.append(scalar)
            case .failure(let problem):
                if problem.isEmpty, let fallback = plan.fallback {
                    part.append(fallback)
                    continue
                }
                absent.insert(k)
                if bad[k] == nil {
                    bad[k] = DataError(file: spec.path, line: raw.lines[r], row: ordinals[k] + 1, column: plan.columnName,
                                       value: cell.written, problem.message, hint: problem.hint)
                }
            }
        }
        return (part, absent)
    }

    private func badRow(_ error: DataError) throws(DataError) {
        guard spec.badRows == .skip else { try fail(error) }
        skipped.count += 1
        if skipped.first.count < 10 { skipped.first.append(error) }
    }

    /// A reader's error with a row number is a bad row the reader has moved past;
    /// any other ends the read.
    private func readerFailed(_ error: DataError) throws(DataError) {
        guard let row = error.row, row >= 1 else { try fail(error) }
        nextOrdinal = max(nextOrdinal, row)
        if inShard(row - 1) { try badRow(error) }
    }
}

extension Cell {
    /// The cell as the file wrote it, for messages.
    var written: String? {
        switch self {
        case .missing: nil
        case .text(let s), .number(let s): s
        case .integer(let n): String(n)
        case .bool(let b): b ? "true" : "false"
        }
    }
}
