import Foundation
import XCTest
import Suanpan
import SuanpanData
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// A data reader written outside Suanpan, on the same API as the built-in ones:
/// pipe-separated lines, `id|balance`, with a header. Added in a plugin, it reads
/// populations by its file ending or by `format = "pipe"`.
final class PipeReader: DataReader {
    let name = "pipe"
    let extensions = ["pipe"]
    let summary = "pipe-separated values, a header line first"
    let options: [(name: String, summary: String)] = [("comment", "lines starting with this are skipped")]

    func open(path: String, options: [String: String]) throws(DataError) -> any RowSource {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw DataError(file: path, "cannot read the file") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let comment = options["comment"] { lines.removeAll { $0.hasPrefix(comment) } }
        guard let header = lines.first else { throw DataError(file: path, "the file is empty", hint: "write a header line") }
        return Source(header: header.split(separator: "|").map(String.init), rows: Array(lines.dropFirst().filter { !$0.isEmpty }))
    }

    final class Source: RowSource {
        let columnNames: [String]
        let rows: [String]
        var next = 0
        init(header: [String], rows: [String]) {
            columnNames = header
            self.rows = rows
        }
        func read(into batch: inout RawBatch, limit: Int) throws(DataError) -> Bool {
            while batch.rowCount < limit, next < rows.count {
                batch.append(row: rows[next].split(separator: "|", omittingEmptySubsequences: false).map { Cell.text(String($0)) },
                             line: next + 2)
                next += 1
            }
            return next < rows.count
        }
    }
}

final class ThirdPartyReaderTests: XCTestCase {
    func testAPluginsReaderReadsAPopulationForAScenario() throws {
        let dir = TempFolder()
        dir.write("cards.pipe", "id|balance\n# a comment\nA|100.00\nB|250.50\n")
        let file = dir.write("book.suan", """
            record Card { id: string, balance: money<CNY> }
            population cards: Card from "cards.pipe" { comment = "#" }
            scenario Book {
              for c in cards
              from 2021-01-01 to 2021-02-01 by month
              revenue fee = round(c.balance * 1%, 0.01)
            }
            """)
        var plugin = Plugin(name: "pipes", version: "1.0", summary: "pipe-separated files")
        plugin.reader(PipeReader())
        var plugins = try Program.standardPlugins()
        try plugins.add(plugin)
        guard case .success(let (program, _)) = Program.load(paths: [file], plugins: plugins) else { return XCTFail("does not load") }
        let index = try XCTUnwrap(program.checked.scenario(named: "Book"))
        let run = try program.runScenario(index)
        // 1% of 100.00 is 1.00; of 250.50, 2.505, half-even to the cent 2.50; in each of two months.
        XCTAssertEqual(run.totals.whole.accounts, 2)
        XCTAssertEqual(run.totals.whole.lines, [try FixedDecimal.parse("1.00").adding(try FixedDecimal.parse("2.50")).multiplied(by: FixedDecimal(2))])
    }

    func testTheReadersOptionsAreCheckedWhenTheProgramLoads() throws {
        let dir = TempFolder()
        let file = dir.write("book.suan", """
            record Card { id: string }
            population cards: Card from "cards.pipe" { coment = "#" }
            """)
        var plugin = Plugin(name: "pipes", version: "1.0", summary: "pipe-separated files")
        plugin.reader(PipeReader())
        var plugins = try Program.standardPlugins()
        try plugins.add(plugin)
        guard case .failure(let failure) = Program.load(paths: [file], plugins: plugins) else { return XCTFail("loads") }
        XCTAssertEqual(failure.diagnostics.first?.message, "the pipe reader has no option 'coment'; it takes comment (and format, bad_rows)")
        XCTAssertEqual(failure.diagnostics.first?.hint, "did you mean 'comment'?")
    }
}
