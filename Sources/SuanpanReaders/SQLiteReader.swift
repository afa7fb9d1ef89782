#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSQLite
import SuanpanData

/// A table or query of an SQLite database, opened read-only. Row N of a message is
/// the query's Nth result row (and its "line" is N too).
public struct SQLiteReader: DataReader {
    public init() {}
    public var name: String { "sqlite" }
    public var extensions: [String] { ["sqlite", "sqlite3", "db"] }
    public var summary: String { "a table or a query of an SQLite database, opened read-only" }
    public var options: [(name: String, summary: String)] {
        [("table", "the table to read (needed when the database has more than one)"),
         ("query", "a SELECT whose result columns are the columns, instead of a table")]
    }

    public func open(path: String, options: [String: String]) throws(DataError) -> any RowSource {
        guard access(path, F_OK) == 0 else {
            throw DataError(file: path, "no such database file", hint: "check the path, relative to the folder of the file declaring the population")
        }
        let database = try SQLiteDatabase(path: path)
        let sql = try Self.query(options, database: database, path: path)
        return try SQLiteSource(database: database, sql: sql, path: path)
    }

    static func query(_ options: [String: String], database: SQLiteDatabase, path: String) throws(DataError) -> String {
        switch (options["table"], options["query"]) {
        case (_?, _?):
            throw DataError(file: path, "both table and query are written", hint: "write one of them")
        case (nil, let query?):
            return query
        case (let table?, nil):
            let tables = try database.tables()
            guard tables.contains(table) else {
                let guess = closestName(to: table, among: tables).map { "did you mean table = \"\($0)\"? " } ?? ""
                throw DataError(file: path, "no table '\(table)'; the tables are \(tables.map { "'\($0)'" }.joined(separator: ", "))",
                                hint: guess + "write one of the tables, or a query")
            }
            return "SELECT * FROM " + quotedIdentifier(table)
        case (nil, nil):
            let tables = try database.tables()
            if tables.count == 1 { return "SELECT * FROM " + quotedIdentifier(tables[0]) }
            let list = tables.isEmpty ? "the database has no tables" : "its tables are \(tables.map { "'\($0)'" }.joined(separator: ", "))"
            throw DataError(file: path, "which table to read? \(list)",
                            hint: "write table = \"\(tables.first ?? "name")\" or query = \"SELECT …\" in the population")
        }
    }

    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

/// An open database connection, closed when released.
final class SQLiteDatabase {
    let handle: OpaquePointer
    let path: String

    init(path: String) throws(DataError) {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            if let db { sqlite3_close(db) }
            throw DataError(file: path, "cannot open the database: \(message)", hint: "check the file is an SQLite database")
        }
        handle = db
        self.path = path
    }

    deinit { sqlite3_close(handle) }

    var message: String { String(cString: sqlite3_errmsg(handle)) }

    func prepare(_ sql: String) throws(DataError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DataError(file: path, "SQLite cannot run \(sql): \(message)", hint: "check the table or query")
        }
        return statement
    }

    /// The tables, not SQLite's own, by name.
    func tables() throws(DataError) -> [String] {
        let statement = try prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        defer { sqlite3_finalize(statement) }
        var names: [String] = []
        while true {   // one table per step; SQLite's own rows are finite
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return names }
            guard status == SQLITE_ROW else { throw DataError(file: path, "cannot list the tables: \(message)") }
            if let text = sqlite3_column_text(statement, 0) { names.append(String(cString: text)) }
        }
    }
}

/// The rows of one statement, stepped a batch at a time.
final class SQLiteSource: RowSource {
    let columnNames: [String]
    private let database: SQLiteDatabase
    private let statement: OpaquePointer
    private let path: String
    private var rows = 0
    private var done = false
    private var used: [Bool]
    private var cells: [Cell] = []

    init(database: SQLiteDatabase, sql: String, path: String) throws(DataError) {
        self.database = database
        self.path = path
        let prepared = try database.prepare(sql)
        statement = prepared
        let count = Int(sqlite3_column_count(prepared))
        columnNames = (0..<count).map { i in sqlite3_column_name(prepared, Int32(i)).map { String(cString: $0) } ?? "column \(i + 1)" }
        used = Array(repeating: true, count: count)
    }

    deinit { sqlite3_finalize(statement) }

    func useColumns(_ used: [Bool]) {
        if used.count == columnNames.count { self.used = used }
    }

    func read(into batch: inout RawBatch, limit: Int) throws(DataError) -> Bool {
        var n = 0
        while n < limit, !done {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { done = true; break }
            guard status == SQLITE_ROW else {
                done = true
                throw DataError(file: path, line: rows + 1, "SQLite stopped reading: \(database.message)")
            }
            rows += 1
            try makeCells()
            batch.append(row: cells, line: rows)
            n += 1
        }
        return !done
    }

    private func makeCells() throws(DataError) {
        cells.removeAll(keepingCapacity: true)
        for i in 0..<columnNames.count {
            guard used[i] else { cells.append(.missing); continue }
            let c = Int32(i)
            switch sqlite3_column_type(statement, c) {
            case SQLITE_INTEGER: cells.append(.integer(sqlite3_column_int64(statement, c)))
            case SQLITE_FLOAT: cells.append(.number(text(c) ?? ""))
            case SQLITE_TEXT:
                guard let text = text(c) else {
                    throw DataError(file: path, line: rows, row: rows, column: columnNames[i], "text that is not UTF-8",
                                    hint: "store text in the database as UTF-8")
                }
                cells.append(.text(text))
            case SQLITE_NULL: cells.append(.missing)
            default:
                throw DataError(file: path, line: rows, row: rows, column: columnNames[i], "a BLOB, which no field reads",
                                hint: "store the value as TEXT, INTEGER or REAL, or CAST it in a query")
            }
        }
    }

    /// The column as SQLite writes it as text (a REAL with up to 15 significant digits,
    /// as SQLite prints it); nil when it is not UTF-8.
    private func text(_ c: Int32) -> String? {
        guard let p = sqlite3_column_text(statement, c) else { return "" }
        let n = Int(sqlite3_column_bytes(statement, c))
        return String(validating: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
}
