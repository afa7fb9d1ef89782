import SuanpanSyntax
import SuanpanValues

/// The data-source kind of plugin: a file format read into rows of cells.
/// CSV, JSON Lines and SQLite are readers like this (SuanpanReaders); a third
/// party adds another format by writing one and adding it to a plugin with
/// `Plugin.reader(_:)`. A reader only splits a file into rows and cells; turning
/// cells into a record type's typed fields (units, currencies, dates, the
/// bad-row policy) is done once for every format by `PopulationReader`.
public protocol DataReader: Sendable {
    /// The format's name, as written in `format = "csv"`.
    var name: String { get }
    /// File name endings that pick this reader when no format is written: `["csv", "tsv"]`.
    var extensions: [String] { get }
    var summary: String { get }
    /// The options it takes (`encoding`, `delimiter`, `table`…), each with what it does:
    /// an option it does not list is an error naming the ones it has.
    var options: [(name: String, summary: String)] { get }
    /// Opens a file; the options are the ones written in the population's block.
    func open(path: String, options: [String: String]) throws(DataError) -> any RowSource
}

/// An open file, read a batch of rows at a time.
public protocol RowSource: AnyObject {
    /// The column names, in order (a CSV header, a table's columns, the keys of
    /// the first JSON object and any later ones).
    var columnNames: [String] { get }
    /// Reads up to `limit` rows into `batch` (which the caller has emptied);
    /// returns false when the file has no more rows.
    ///
    /// An error with a `row` is a bad row (a ragged CSV row, a malformed JSON line): the
    /// source has moved past it, rows read before it are in `batch`, and reading can go
    /// on. An error without a row ends the file.
    func read(into batch: inout RawBatch, limit: Int) throws(DataError) -> Bool

    /// Which columns the population reads (`used[i]` for `columnNames[i]`), told once
    /// before the first read: a source may leave the others `.missing` rather than
    /// decode them, and need not report nested values in them.
    func useColumns(_ used: [Bool])

    /// The shard the population reads, told once before the first read: a source may give
    /// the other rows as all `.missing` cells (they still count, so ordinals stay the
    /// file's), rather than decode them.
    func useRows(of shard: Shard)

    /// How far through the file reading has got, from 0 to 1, if the source can tell
    /// (for a progress bar's time left); nil if not.
    var fractionRead: Double? { get }
}

extension RowSource {
    public func useColumns(_ used: [Bool]) {}
    public func useRows(of shard: Shard) {}
    public var fractionRead: Double? { nil }
}

/// One cell as a reader found it, before it is converted to a field's type.
public enum Cell: Sendable, Equatable {
    /// An empty CSV field, SQL NULL, JSON null or a key the object lacks.
    case missing
    /// Text to be read by the field's type: `2000.00`, `0.04%`, `2021-01-31`, `true`.
    case text(String)
    /// A typed integer (SQLite INTEGER, a JSON integer).
    case integer(Int64)
    /// A typed number written as decimal text (SQLite REAL as SQLite prints it, a JSON number):
    /// never a binary float, so `0.1` stays 0.1.
    case number(String)
    case bool(Bool)
}

/// Rows of cells, laid out by row: `cells[row * columnCount + column]`.
public struct RawBatch: Sendable {
    public var columnCount: Int
    public private(set) var rowCount = 0
    public private(set) var cells: [Cell] = []
    /// Where each row starts in the file, for messages: its line (CSV, JSON Lines)
    /// or its ordinal (SQLite), 1-based.
    public private(set) var lines: [Int] = []

    public init(columnCount: Int) { self.columnCount = columnCount }

    /// Adds a row; a row with another number of cells than `columnCount` is the reader's
    /// error to report (a ragged row), never padded or cut here.
    public mutating func append(row: some Collection<Cell>, line: Int) {
        cells.append(contentsOf: row)
        lines.append(line)
        rowCount += 1
    }

    /// The same for an array of cells: one copy, without the generic path's per-element calls.
    public mutating func append(row: [Cell], line: Int) {
        cells.append(contentsOf: row)
        lines.append(line)
        rowCount += 1
    }

    public mutating func removeAll() {
        cells.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        rowCount = 0
    }

    public subscript(row: Int, column: Int) -> Cell { cells[row * columnCount + column] }
}

/// What went wrong reading data: always the file, and the line or row, column and
/// value when there is one, with what to write instead.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The data row (1-based, not counting a header).
    public var row: Int?
    public var column: String?
    public var value: String?
    public var message: String
    public var hint: String?

    public init(file: String, line: Int? = nil, row: Int? = nil, column: String? = nil, value: String? = nil,
                _ message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.row = row
        self.column = column
        self.value = value
        self.message = message
        self.hint = hint
    }

    /// `accounts.csv:18: row 17, column 'balance': '12x' is not an amount (write …)`
    public var description: String {
        var where_ = file
        if let line { where_ += ":\(line)" }
        var parts: [String] = []
        if let row { parts.append("row \(row)") }
        if let column { parts.append("column \(quoted(column))") }
        var text = where_ + ": " + (parts.isEmpty ? "" : parts.joined(separator: ", ") + ": ") + message
        if let hint { text += " (\(hint))" }
        return text
    }
}
