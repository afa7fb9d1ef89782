import CSQLite
import Foundation
import XCTest
@testable import SuanpanSynthetic

final class SQLiteTests: SyntheticTestCase {
    func testTheTableReadsBackWithItsRowsAndTypes() throws {
        let population = try spec(#"""
            {"rows": 2500, "seed": 9, "table": "people", "fields": [
              {"name": "id", "kind": "sequence", "prefix": "A", "width": 8},
              {"name": "balance", "kind": "uniform", "min": "0.00", "max": "100.00"},
              {"name": "limit", "kind": "uniform", "min": "1000", "max": "50000", "places": 0},
              {"name": "active", "kind": "bool", "p": "0.5"},
              {"name": "tier", "kind": "choice", "values": [1, 2, null]},
              {"name": "empty", "kind": "choice", "values": [""]}
            ]}
            """#)
        let file = path("out.sqlite")
        let summary = try Synthetic.generate(population, to: file)
        XCTAssertEqual(summary.rows, 2_500)
        XCTAssertGreaterThan(summary.bytes, 0)
        XCTAssertEqual(try query(file, "SELECT count(*) FROM people"), ["2500"])
        XCTAssertEqual(try query(file, "SELECT id FROM people ORDER BY rowid LIMIT 2"), ["A00000001", "A00000002"])
        XCTAssertEqual(try query(file, "SELECT DISTINCT typeof(balance) || typeof(\"limit\") || typeof(active) || typeof(empty) FROM people"),
                       ["textintegerintegertext"])
        XCTAssertEqual(try query(file, "SELECT count(*) FROM people WHERE tier IS NULL").count, 1)
        // The same values as the CSV, cell for cell.
        let csvRows = try csv(population).split(separator: "\n").dropFirst().prefix(5).map { String($0.split(separator: ",", omittingEmptySubsequences: false)[1]) }
        XCTAssertEqual(try query(file, "SELECT balance FROM people ORDER BY rowid LIMIT 5"), csvRows)
    }

    func testAnExistingFileIsReplaced() throws {
        let population = try spec(rows: 10, #"{"name": "id", "kind": "sequence"}"#)
        let file = path("out.db")
        _ = try Synthetic.generate(population, to: file)
        _ = try Synthetic.generate(population, to: file, rows: 3)
        XCTAssertEqual(try query(file, "SELECT count(*) FROM accounts"), ["3"])
    }

    /// The first column of every row, as text.
    func query(_ file: String, _ sql: String) throws -> [String] {
        var db: OpaquePointer?
        defer { sqlite3_close(db) }
        guard sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw XCTSkip("cannot open \(file)") }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        XCTAssertEqual(sqlite3_prepare_v2(db, sql, -1, &statement, nil), SQLITE_OK, sql)
        var out: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            out.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "NULL")
        }
        return out
    }
}
