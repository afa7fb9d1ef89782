import CSQLite
import Foundation

/// One table in a new SQLite file, filled in a single transaction through one prepared INSERT.
/// Decimals with places are TEXT so they stay exact (SQLite's REAL is a binary float); whole
/// numbers and booleans (0/1) are INTEGER. A class so that a failed run still closes the
/// database, in deinit, before its file is removed.
final class SQLiteSink: RowSink {
    private var db: OpaquePointer?
    private var insert: OpaquePointer?
    private let path: String
    private let table: String

    init(path: String, table: String) throws(Synthetic.OutputError) {
        self.path = path
        self.table = table
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw failure("cannot create it")
        }
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_close(db)
    }

    func begin(_ fields: [Synthetic.Field]) throws {
        // The file is new and is removed if the run fails, so a journal and fsyncs would only
        // slow the bulk insert down.
        try exec("PRAGMA journal_mode = OFF")
        try exec("PRAGMA synchronous = OFF")
        let columns = fields.map { "\(SQLiteSink.identifier($0.name)) \($0.columnType.rawValue)" }
        try exec("CREATE TABLE \(SQLiteSink.identifier(table)) (\(columns.joined(separator: ", ")))")
        try exec("BEGIN")
        let marks = Array(repeating: "?", count: fields.count).joined(separator: ", ")
        let sql = "INSERT INTO \(SQLiteSink.identifier(table)) VALUES (\(marks))"
        guard sqlite3_prepare_v2(db, sql, -1, &insert, nil) == SQLITE_OK else { throw failure("cannot prepare the insert") }
    }

    func write(_ row: Row) throws {
        // Text is bound in place (SQLITE_STATIC, a nil destructor) and stepped inside the same
        // closure, while the row's bytes are pinned.
        let status = row.bytes.withUnsafeBufferPointer { bytes -> Int32 in
            for (i, cell) in row.cells.enumerated() {
                let column = Int32(i + 1)
                switch cell {
                case .null: sqlite3_bind_null(insert, column)
                case .integer(let n): sqlite3_bind_int64(insert, column, n)
                case .bool(let b): sqlite3_bind_int64(insert, column, b ? 1 : 0)
                case .text(let start, let end): bindText(column, bytes, start..<end)
                }
            }
            let status = sqlite3_step(insert)
            sqlite3_reset(insert)
            return status
        }
        guard status == SQLITE_DONE else { throw failure("cannot insert a row") }
    }

    private func bindText(_ column: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let base = bytes.baseAddress, !range.isEmpty else {
            // No bytes to point at: SQLite copies the empty text instead.
            sqlite3_bind_text(insert, column, "", 0, suanpan_sqlite_transient())
            return
        }
        let text = UnsafeRawPointer(base + range.lowerBound).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(insert, column, text, Int32(clamping: range.count), nil)
    }

    func finish() throws {
        try exec("COMMIT")
        sqlite3_finalize(insert)
        insert = nil
        guard sqlite3_close(db) == SQLITE_OK else { throw failure("cannot close it") }
        db = nil
    }

    private func exec(_ sql: String) throws(Synthetic.OutputError) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure("cannot run \(sql)") }
    }

    private func failure(_ what: String) -> Synthetic.OutputError {
        let reason = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
        return Synthetic.OutputError("\(path): \(what) (\(reason)); write to a new file where there is space")
    }

    /// A name in double quotes, quotes doubled: any field name is a valid column.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
