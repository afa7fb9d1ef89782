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
    private let builders: [ColumnBuilder]
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
        builders = plans.map { ColumnBuilder(kind: $0.kind, capacity: spec.batchSize) }
        var used = Array(repeating: false, count: columns.count)
        for plan in plans { if let c = plan.column { used[c] = true } }
        source.useColumns(used)
        raw = RawBatch(columnCount: columns.count)
    }

    private static func checkLimits(_ spec: PopulationSpec) throws(DataError) {
        guard spec.batchSize >= 1 else {
            throw DataError(file: spec.path, "a batch of \(spec.batchSize) rows", hint: "read batches of at least 1 row")
        }
        if let shard = spec.shard, shard.count < 1 || shard.index < 0 || shard.index >= shard.count {
            throw DataError(file: spec.path, "shard \(shard.index) of \(shard.count) does not exist",
                            hint: "take a shard index from 0 to the count minus 1")
        }
    }

    /// The next batch, or nil after the last. A batch holds `spec.batchSize` rows
    /// except the last (and fewer when rows are skipped).
    public func next() throws(DataError) -> PopulationBatch? {
        var ordinals: [Int] = []
        ordinals.reserveCapacity(spec.batchSize)
        // Each pass either reads a row, ends the file or throws; empty passes are counted
        // so that a reader that makes no progress cannot spin here forever.
        var idle = 0
        while ordinals.count < spec.batchSize, !finished {
            raw.removeAll()
            var failure: DataError?
            var more = false
            do { more = try source.read(into: &raw, limit: spec.batchSize - ordinals.count) } catch { failure = error }
            idle = raw.rowCount == 0 && failure == nil ? idle + 1 : 0
            try convertRows(into: &ordinals)
            if let failure { try readerFailed(failure) } else if !more { finished = true }
            if idle > 1000 { try fail(DataError(file: spec.path, "the \(reader.name) reader returned no rows a thousand times without ending")) }
        }
        guard !ordinals.isEmpty else { return nil }
        return PopulationBatch(record: spec.record, count: ordinals.count, ordinals: ordinals, columns: builders.map { $0.take() })
    }

    /// Stops the read: no later call returns rows.
    private func fail(_ error: DataError) throws(DataError) -> Never {
        finished = true
        for b in builders { b.reset() }
        throw error
    }

    private func inShard(_ ordinal: Int) -> Bool {
        guard let shard = spec.shard else { return true }
        return ordinal % shard.count == shard.index
    }

    private func convertRows(into ordinals: inout [Int]) throws(DataError) {
        for r in 0..<raw.rowCount {
            let ordinal = nextOrdinal
            nextOrdinal += 1
            guard inShard(ordinal) else { continue }
            if let error = convertRow(r, ordinal: ordinal) { try badRow(error) } else { ordinals.append(ordinal) }
        }
    }

    /// Converts row `r` into the builders, or leaves them as they were and returns the error.
    private func convertRow(_ r: Int, ordinal: Int) -> DataError? {
        for (j, plan) in plans.enumerated() {
            let cell = plan.column.map { raw[r, $0] } ?? .missing
            switch plan.kind.convert(cell, scale: plan.scale) {
            case .success(let scalar): builders[j].append(scalar)
            case .failure(let problem):
                if problem.isEmpty, let fallback = plan.fallback {
                    builders[j].append(fallback)
                    continue
                }
                for k in 0..<j { builders[k].removeLast() }
                return DataError(file: spec.path, line: raw.lines[r], row: ordinal + 1, column: plan.columnName,
                                 value: cell.written, problem.message, hint: problem.hint)
            }
        }
        return nil
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
