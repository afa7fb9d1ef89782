import SuanpanChecker
import SuanpanRuntime
import SuanpanValues

/// What a `population` declaration asks for: a file, read by a reader, into a
/// record type, with the columns mapped to fields and their units declared.
///
///     population accounts: Account from "data/accounts.csv" {
///       column balance = "bal_fen" in 0.01 CNY   // another name, counted in fen
///       encoding = "gbk"                          // an option for the reader
///       bad_rows = "skip"                         // skip and report bad rows instead of stopping
///     }
public struct PopulationSpec: Sendable {
    /// The population's name, for messages.
    public var name: String
    /// The file, as the program resolved it (relative to the declaring file's folder).
    public var path: String
    /// The reader's name; nil picks it by the file name's ending.
    public var format: String?
    /// The reader's options, as written (`encoding`, `delimiter`, `table`…).
    public var options: [String: String]
    /// The record type each row becomes.
    public var record: RecordType
    /// Field name → where it comes from, for the fields not read from a column of their own name
    /// or counted in another unit.
    public var columns: [String: ColumnMapping]
    /// Values for fields that have a default in the record, used when a cell is missing
    /// or the file has no such column.
    public var defaults: [String: Value]
    public var badRows: BadRowPolicy
    /// Rows per batch.
    public var batchSize: Int
    /// Only the rows of one shard: row ordinal (0-based) mod `count` == `index`.
    public var shard: Shard?

    public init(name: String, path: String, format: String? = nil, options: [String: String] = [:],
                record: RecordType, columns: [String: ColumnMapping] = [:], defaults: [String: Value] = [:],
                badRows: BadRowPolicy = .stop, batchSize: Int = 4096, shard: Shard? = nil) {
        self.name = name
        self.path = path
        self.format = format
        self.options = options
        self.record = record
        self.columns = columns
        self.defaults = defaults
        self.badRows = badRows
        self.batchSize = batchSize
        self.shard = shard
    }
}

public struct ColumnMapping: Sendable {
    /// The column's name in the file; nil when it is the field's own name.
    public var column: String?
    /// What one unit in the file is worth in the field's type: 0.01 for `in 0.01 CNY`
    /// (fen), 0.01 for `in 1%` (a column of percentage points). Nil: the value as written.
    public var scale: FixedDecimal?

    public init(column: String? = nil, scale: FixedDecimal? = nil) {
        self.column = column
        self.scale = scale
    }
}

public enum BadRowPolicy: String, Sendable {
    /// The first bad row stops the read with its error.
    case stop
    /// Bad rows are left out and reported: how many, and the first ten.
    case skip
}

public struct Shard: Sendable, Hashable {
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }
}

/// Rows left out under `bad_rows = "skip"`: how many, and the errors of the first ten.
public struct SkippedRows: Sendable {
    public var count = 0
    public var first: [DataError] = []
    public init() {}
}

/// A batch of records laid out as columns, one per field of the record type, in
/// the field's declared order. The scalar path takes `record(at:)`; the
/// columnar path reads the columns.
public struct PopulationBatch: Sendable {
    public let record: RecordType
    public let count: Int
    /// The ordinal (0-based, in the whole file, bad rows included) of each row.
    public let ordinals: [Int]
    public let columns: [Column]

    public init(record: RecordType, count: Int, ordinals: [Int], columns: [Column]) {
        self.record = record
        self.count = count
        self.ordinals = ordinals
        self.columns = columns
    }

    /// Row `i` as a record value of the population's type.
    public func record(at i: Int) -> Value {
        .record(RecordValue(type: record, fields: columns.map { $0.value(at: i) }))
    }
}

/// One field's values over a batch. Quantities without a currency (int, number,
/// percent, rates, durations) are decimals, as at run time.
public enum Column: Sendable {
    case decimals([FixedDecimal])
    case money([FixedDecimal], Currency)
    case bools([Bool])
    case strings([String])
    case dates([CivilDate])
    /// Anything else, such as `money` fields whose currency is written in each cell.
    case values([Value])

    public func value(at i: Int) -> Value {
        switch self {
        case .decimals(let xs): return .decimal(xs[i])
        case .money(let xs, let currency): return .money(xs[i], currency)
        case .bools(let xs): return .bool(xs[i])
        case .strings(let xs): return .string(xs[i])
        case .dates(let xs): return .date(xs[i])
        case .values(let xs): return xs[i]
        }
    }
}
