// Rows per second of the population readers, on a generated CSV of 1,000,000 rows
// (six columns, about 60 bytes a row: an id, a Chinese name, an amount, a daily rate,
// a date and a flag).
//
// Build and run (release):
//   swift build -c release --scratch-path .build-data --product DataBench
//   .build-data/release/DataBench [rows]
//
// Lines: "split" finds the fields only (no column used, so no String is made); "cells"
// also makes a String per cell; "convert" is the whole PopulationReader, every cell
// converted to its typed column; "convert jsonl" is the same on the same rows as JSON
// Lines, and "convert sqlite" from an SQLite table. Each is the fastest of 3 runs (the machine is shared).

#if canImport(Glibc)
import Glibc
#endif
import CSQLite
import SuanpanChecker
import SuanpanData
import SuanpanReaders
import SuanpanRuntime
import SuanpanValues

let rows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
let path = "/tmp/suanpan-databench-\(rows).csv"

func generate() {
    guard access(path, F_OK) != 0, let file = fopen(path, "wb") else { return }
    var text = "id,name,balance,rate,opened,vip\n"
    for i in 0..<rows {
        let fen = (i &* 7919) % 10_000_000
        text += "A\(i),\(i % 3 == 0 ? "杭州分行" : "Shanghai \"SH\"")," + "\(fen / 100).\(fen % 100 / 10)\(fen % 10),0.0\(i % 5)%,2021-0\(i % 9 + 1)-1\(i % 10),\(i % 2 == 0)\n"
        if text.utf8.count > 1 << 20 {
            fputs(text, file)
            text = ""
        }
    }
    fputs(text, file)
    fclose(file)
}

let jsonPath = "/tmp/suanpan-databench-\(rows).jsonl"

func generateJSONLines() {
    guard access(jsonPath, F_OK) != 0, let file = fopen(jsonPath, "wb") else { return }
    var text = ""
    for i in 0..<rows {
        let fen = (i &* 7919) % 10_000_000
        let name = i % 3 == 0 ? "杭州分行" : "Shanghai \\\"SH\\\""
        text += "{\"id\": \"A\(i)\", \"name\": \"\(name)\", \"balance\": \(fen / 100).\(fen % 100 / 10)\(fen % 10), "
            + "\"rate\": \"0.0\(i % 5)%\", \"opened\": \"2021-0\(i % 9 + 1)-1\(i % 10)\", \"vip\": \(i % 2 == 0)}\n"
        if text.utf8.count > 1 << 20 {
            fputs(text, file)
            text = ""
        }
    }
    fputs(text, file)
    fclose(file)
}

let sqlitePath = "/tmp/suanpan-databench-\(rows).sqlite"

/// The same rows in an SQLite table: balance as TEXT (exact), the others as their natural types.
func generateSQLite() {
    guard access(sqlitePath, F_OK) != 0 else { return }
    var db: OpaquePointer?
    guard sqlite3_open(sqlitePath, &db) == SQLITE_OK, let db else { return }
    defer { sqlite3_close(db) }
    sqlite3_exec(db, "CREATE TABLE accounts (id TEXT, name TEXT, balance TEXT, rate TEXT, opened TEXT, vip INTEGER); BEGIN", nil, nil, nil)
    var statement: OpaquePointer?
    sqlite3_prepare_v2(db, "INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?)", -1, &statement, nil)
    for i in 0..<rows {
        let fen = (i &* 7919) % 10_000_000
        let texts = ["A\(i)", i % 3 == 0 ? "杭州分行" : "Shanghai \"SH\"", "\(fen / 100).\(fen % 100 / 10)\(fen % 10)",
                     "0.0\(i % 5)%", "2021-0\(i % 9 + 1)-1\(i % 10)"]
        for (k, text) in texts.enumerated() { sqlite3_bind_text(statement, Int32(k + 1), text, -1, suanpan_sqlite_transient()) }
        sqlite3_bind_int64(statement, 6, Int64(i % 2))
        sqlite3_step(statement)
        sqlite3_reset(statement)
    }
    sqlite3_finalize(statement)
    sqlite3_exec(db, "COMMIT", nil, nil, nil)
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func best(_ name: String, _ body: () throws -> Int) rethrows {
    var fastest = Double.infinity
    var count = 0
    for _ in 0..<3 {
        let start = now()
        count = try body()
        fastest = min(fastest, now() - start)
    }
    print("\(name): \(count) rows in \(Int(fastest * 1000)) ms = \(Int(Double(count) / fastest)) rows/s")
}

func split(using used: Bool) throws -> Int {
    let source = try CSVReader().open(path: path, options: [:])
    source.useColumns(Array(repeating: used, count: source.columnNames.count))
    var batch = RawBatch(columnCount: source.columnNames.count)
    var total = 0
    while true {
        batch.removeAll()
        let more = try source.read(into: &batch, limit: 4096)
        total += batch.rowCount
        if !more { return total }
    }
}

func convert(_ path: String = path) throws -> Int {
    let fields: [(String, SType)] = [("id", .string), ("name", .string), ("balance", .money("CNY")),
                                     ("rate", .rate(.day)), ("opened", .date), ("vip", .bool)]
    let record = RecordType(name: "Account", fields: fields.map { RecordType.Field(name: $0.0, type: $0.1) }, span: .none, file: nil)
    let reader = try PopulationReader(PopulationSpec(name: "accounts", path: path, record: record), readers: Readers.all)
    var total = 0
    while let batch = try reader.next() { total += batch.count }
    return total
}

generate()
generateJSONLines()
generateSQLite()
do {
    try best("split", { try split(using: false) })
    try best("cells", { try split(using: true) })
    try best("convert", { try convert() })
    try best("convert jsonl", { try convert(jsonPath) })
    try best("convert sqlite", { try convert(sqlitePath) })
} catch {
    print("error: \(error)")
}
