import XCTest
import CSQLite
import SuanpanChecker
import SuanpanData
import SuanpanReaders
import SuanpanRuntime
import SuanpanValues

final class SQLiteReaderTests: XCTestCase {
    let account = record("Account", [("id", .string), ("balance", .money("CNY")), ("months", .duration(.month))])

    /// Runs SQL statements on a new database file, through the C API as any writer would.
    func makeDatabase(_ path: String, _ sql: String) {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { return XCTFail("cannot create \(path)") }
        defer { sqlite3_close(db) }
        XCTAssertEqual(sqlite3_exec(db, sql, nil, nil, nil), SQLITE_OK, String(cString: sqlite3_errmsg(db)))
    }

    func testOnlyTableIsReadWithTypedCells() throws {
        let scratch = Scratch()
        let path = scratch.path("a.sqlite")
        makeDatabase(path, """
            CREATE TABLE accounts (id TEXT, balance REAL, months INTEGER, note TEXT);
            INSERT INTO accounts VALUES ('A1', 0.1, 6, '杭州'), ('A2', 2000, 12, NULL), ('A3', '12.50 CNY', '3 months', 'x');
            """)
        let batch = try XCTUnwrap(readAll(PopulationSpec(name: "a", path: path, record: account)).batches.first)
        XCTAssertEqual(batch.columns[0].strings, ["A1", "A2", "A3"])
        XCTAssertEqual(batch.columns[1].decimals, [decimal("0.1"), decimal("2000"), decimal("12.50")])
        XCTAssertEqual(batch.columns[2].decimals, [decimal("6"), decimal("12"), decimal("3")])
    }

    func testTablesQueriesAndTheirErrors() throws {
        let scratch = Scratch()
        let path = scratch.path("two.db")
        makeDatabase(path, """
            CREATE TABLE accounts (id TEXT, balance REAL, months INTEGER);
            CREATE TABLE closed (id TEXT, balance REAL, months INTEGER);
            INSERT INTO accounts VALUES ('A1', 1.5, 1), ('A2', 2.5, 2);
            INSERT INTO closed VALUES ('C1', 3, 3);
            """)
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path): which table to read? its tables are 'accounts', 'closed' (write table = \"accounts\" or query = \"SELECT …\" in the population)")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, options: ["table": "acounts"], record: account)),
                       "\(path): no table 'acounts'; the tables are 'accounts', 'closed' (did you mean table = \"accounts\"? write one of the tables, or a query)")
        let closed = try readAll(PopulationSpec(name: "a", path: path, options: ["table": "closed"], record: account))
        XCTAssertEqual(closed.batches.first?.columns[0].strings, ["C1"])
        let query = PopulationSpec(name: "a", path: path, options: ["query": "SELECT id, balance, months FROM accounts WHERE months > 1"], record: account)
        XCTAssertEqual(try readAll(query).batches.first?.columns[0].strings, ["A2"])
        let bad = PopulationSpec(name: "a", path: path, options: ["query": "SELECT nope FROM accounts"], record: account)
        XCTAssertEqual(errorText(bad), "\(path): SQLite cannot run SELECT nope FROM accounts: no such column: nope (check the table or query)")
    }

    func testBadValueNamesTheResultRowAndBlobsAreRefused() {
        let scratch = Scratch()
        let path = scratch.path("b.sqlite3")
        makeDatabase(path, """
            CREATE TABLE accounts (id TEXT, balance, months INTEGER);
            INSERT INTO accounts VALUES ('A1', 1, 1), ('A2', 'lots', 2), ('A3', x'00ff', 3);
            """)
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path):2: row 2, column 'balance': 'lots' is not an amount of CNY (write an amount of CNY, such as 2000.00 or 2000.00 CNY)")
        let (batches, reader) = (try? readAll(PopulationSpec(name: "a", path: path, record: account, badRows: .skip))) ?? ([], nil)
        XCTAssertEqual(batches.flatMap(\.ordinals), [0])
        XCTAssertEqual(reader?.skipped.count, 2)
        XCTAssertEqual(reader?.skipped.first.last.map { "\($0)" },
                       "\(path):3: row 3, column 'balance': a BLOB, which no field reads (store the value as TEXT, INTEGER or REAL, or CAST it in a query)")
    }

    func testMissingDatabaseFileIsNamed() {
        let path = "/tmp/suanpan-no-such-dir/none.sqlite"
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path): no such database file (check the path, relative to the folder of the file declaring the population)")
    }
}
