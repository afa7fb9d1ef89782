import XCTest
import SuanpanChecker
import SuanpanData
import SuanpanReaders
import SuanpanRuntime
import SuanpanValues

final class PopulationReaderTests: XCTestCase {
    let cny = Currency.all.first { $0.code == "CNY" }
    let account = record("Account", [("id", .string), ("balance", .money("CNY")), ("rate", .rate(.day)), ("opened", .date)])

    func testMissingColumnNamesFileColumnHeaderAndDidYouMean() {
        let scratch = Scratch()
        let path = scratch.write("a.csv", "id,balanse,rate,opened\n1,2.00,0.04%,2021-01-31\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path): column 'balance': no such column for field 'balance' of Account; the file's columns are 'id', 'balanse', 'rate', 'opened'; did you mean 'balanse'? (write column balance = \"balanse\" in the population, or give the field a default in the record)")
    }

    func testMappedColumnInFenAndDefaultForAMissingColumn() throws {
        let scratch = Scratch()
        let path = scratch.write("a.csv", "id,bal_fen,opened\n1,123456,2021-01-31\n2,,2021-02-01\n")
        var spec = PopulationSpec(name: "a", path: path, record: account,
                                  columns: ["balance": ColumnMapping(column: "bal_fen", scale: decimal("0.01"))],
                                  defaults: ["rate": .decimal(decimal("0.0005")), ])
        spec.defaults["balance"] = cny.map { .money(.zero, $0) }
        let batch = try XCTUnwrap(readAll(spec).batches.first)
        XCTAssertEqual(batch.columns[1].decimals, [decimal("1234.56"), .zero])
        XCTAssertEqual(batch.columns[2].decimals, [decimal("0.0005"), decimal("0.0005")])
        guard case .record(let first) = batch.record(at: 0), case .money(let amount, let currency) = first.fields[1] else {
            return XCTFail("not a record")
        }
        XCTAssertEqual(amount, decimal("1234.56"))
        XCTAssertEqual(currency.code, "CNY")
    }

    func testEmptyCellsTakeTheDefaultOrAreErrors() throws {
        let scratch = Scratch()
        let path = scratch.write("a.csv", "id,balance,opened\n,1.00,2021-01-31\n2,,2021-01-31\n")
        let described = record("Described", [("id", .string), ("balance", .money("CNY")), ("note", .string), ("opened", .date)])
        var spec = PopulationSpec(name: "a", path: path, record: described)
        spec.defaults["note"] = .string("none")
        XCTAssertEqual(errorText(spec), "\(path):3: row 2, column 'balance': empty value (give the field a default in the record, or fill the column)")
        spec.defaults["balance"] = cny.map { .money(decimal("9.99"), $0) }
        let batch = try XCTUnwrap(readAll(spec).batches.first)
        XCTAssertEqual(batch.columns[0].strings, ["", "2"])
        XCTAssertEqual(batch.columns[1].decimals, [decimal("1.00"), decimal("9.99")])
        XCTAssertEqual(batch.columns[2].strings, ["none", "none"])
    }

    func testEachReaderIsAPluginNamedAfterIt() {
        XCTAssertEqual(Readers.plugins.map(\.name), ["csv", "jsonl", "sqlite"])
        XCTAssertEqual(Readers.plugins.map { $0.readers.map(\.name) }, [["csv"], ["jsonl"], ["sqlite"]])
    }

    func testBadValueMessageHasFileLineRowColumnValueAndHint() throws {
        let scratch = Scratch()
        let path = scratch.write("a.csv", "id,balance,rate,opened\n1,2.00,0.04%,2021-01-31\n2,\"3.00\",0.04%,2021/02/01\n")
        do {
            let reader = try PopulationReader(PopulationSpec(name: "a", path: path, record: account), readers: Readers.all)
            while try reader.next() != nil {}
            XCTFail("read a bad date")
        } catch {
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.row, 2)
            XCTAssertEqual(error.column, "opened")
            XCTAssertEqual(error.value, "2021/02/01")
            XCTAssertEqual("\(error)", "\(path):3: row 2, column 'opened': '2021/02/01' is not a date (write 2021-02-01)")
        }
    }

    func testSkipPolicyCountsBadRowsAndKeepsTheFirstTen() throws {
        let scratch = Scratch()
        var text = "id,balance,rate,opened\n"
        for i in 0..<30 { text += i % 2 == 0 ? "\(i),1.00,0.04%,2021-01-31\n" : "\(i),x\(i),0.04%,2021-01-31\n" }
        text += "ragged,row\n"
        let path = scratch.write("a.csv", text)
        let (batches, reader) = try readAll(PopulationSpec(name: "a", path: path, record: account, badRows: .skip, batchSize: 7))
        XCTAssertEqual(batches.reduce(0) { $0 + $1.count }, 15)
        XCTAssertEqual(batches.flatMap(\.ordinals), Array(stride(from: 0, to: 30, by: 2)))
        XCTAssertEqual(reader.skipped.count, 16)
        XCTAssertEqual(reader.skipped.first.count, 10)
        XCTAssertEqual(reader.skipped.first.map { $0.row ?? 0 }, [2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
        XCTAssertEqual(reader.skipped.first.first?.value, "x1")
    }

    func testShardsPartitionTheRowsExactly() throws {
        let scratch = Scratch()
        var text = "id,balance,rate,opened\n"
        for i in 0..<103 { text += "\(i),\(i).00,0.04%,2021-01-31\n" }
        let path = scratch.write("a.csv", text)
        var seen: [Int] = []
        for index in 0..<4 {
            let spec = PopulationSpec(name: "a", path: path, record: account, batchSize: 10, shard: Shard(index: index, count: 4))
            let batches = try readAll(spec).batches
            let ordinals = batches.flatMap(\.ordinals)
            XCTAssertTrue(ordinals.allSatisfy { $0 % 4 == index })
            XCTAssertEqual(batches.flatMap { $0.columns[0].strings }, ordinals.map(String.init))
            seen += ordinals
        }
        XCTAssertEqual(seen.sorted(), Array(0..<103))
        XCTAssertEqual(Set(seen).count, seen.count)
    }

    func testEachShardReportsOnlyItsOwnBadRows() throws {
        let scratch = Scratch()
        var text = "id,balance,rate,opened\n"
        for i in 0..<12 {
            text += i == 5 ? "ragged\n" : i == 6 ? "\(i),bad,0.04%,2021-01-31\n" : "\(i),1.00,0.04%,2021-01-31\n"
        }
        let path = scratch.write("a.csv", text)
        var reported: [[Int]] = []
        var kept: [Int] = []
        for index in 0..<4 {
            let spec = PopulationSpec(name: "a", path: path, record: account, badRows: .skip, batchSize: 5, shard: Shard(index: index, count: 4))
            let (batches, reader) = try readAll(spec)
            reported.append(reader.skipped.first.compactMap(\.row))
            XCTAssertEqual(reader.skipped.count, reader.skipped.first.count)
            kept += batches.flatMap(\.ordinals)
        }
        XCTAssertEqual(reported, [[], [6], [7], []])
        XCTAssertEqual(kept.sorted(), [0, 1, 2, 3, 4, 7, 8, 9, 10, 11])
    }

    func testFormatAndOptionErrors() {
        let scratch = Scratch()
        let path = scratch.write("a.txt", "id\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path): cannot tell the file's format: no reader takes files ending in .txt; the formats known are csv (.csv, .tsv), jsonl (.jsonl, .ndjson), sqlite (.sqlite, .sqlite3, .db) (write format = \"csv\" (or another format) in the population)")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, format: "cvs", record: account)),
                       "\(path): no reader for format 'cvs'; the formats known are csv (.csv, .tsv), jsonl (.jsonl, .ndjson), sqlite (.sqlite, .sqlite3, .db) (did you mean format = \"csv\"?)")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, format: "csv", options: ["delimeter": ";"], record: account)),
                       "\(path): the csv reader has no option 'delimeter'; it takes 'delimiter', 'encoding', 'header' (did you mean 'delimiter'?)")
    }

    func testListFieldsAreRefused() {
        let scratch = Scratch()
        let path = scratch.write("a.csv", "id,tags\n1,a\n")
        let tagged = record("Tagged", [("id", .string), ("tags", .list(.string))])
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: tagged)),
                       "\(path): field 'tags' of Tagged is list<string>: a column holds one value (declare the field with a type one cell holds (int, number, percent, a rate, money, a duration, date, bool or string))")
    }

    /// 200,000 rows stream in batches; the money column's sum is computed while the file is written.
    func testLargeFileStreamsInBatchesWithExactTotals() throws {
        let scratch = Scratch()
        let path = scratch.path("big.csv")
        guard let file = fopen(path, "wb") else { return XCTFail("cannot write") }
        var expectedFen = 0
        var chunk = "id,balance,rate,opened\n"
        for i in 0..<200_000 {
            let fen = (i &* 7919) % 1_000_000
            expectedFen += fen
            chunk += "A\(i),\(fen / 100).\(fen % 100 < 10 ? "0" : "")\(fen % 100),0.04%,2021-01-31\n"
            if chunk.utf8.count > 60_000 {
                fputs(chunk, file)
                chunk = ""
            }
        }
        fputs(chunk, file)
        fclose(file)
        let reader = try PopulationReader(PopulationSpec(name: "big", path: path, record: account, batchSize: 4096), readers: Readers.all)
        var rows = 0, batches = 0
        var total = FixedDecimal.zero
        while let batch = try reader.next() {
            batches += 1
            rows += batch.count
            XCTAssertLessThanOrEqual(batch.count, 4096)
            for amount in batch.columns[1].decimals { total = try total.adding(amount) }
        }
        XCTAssertEqual(rows, 200_000)
        XCTAssertEqual(batches, (200_000 + 4095) / 4096)
        XCTAssertEqual(total, try FixedDecimal(expectedFen).divided(by: FixedDecimal(100)))
    }
}
