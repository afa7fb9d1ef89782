import XCTest
import SuanpanData
@testable import SuanpanReaders

/// The same generated files read with chunks of 1, 2, 3… bytes: every chunk end
/// (inside a quote, between CR and LF, inside a UTF-8 or GBK character, inside an
/// escape) must give the same cells as reading the file whole.
final class ChunkSizeTests: XCTestCase {
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    let pieces = ["", "a", "杭州", "x,y", "say \"hi\"", "two\nlines", "  spaced ", "1.00", "CR\r\nLF", "\"", "西湖,区"]
    let chunkSizes = [1, 2, 3, 5, 7, 64, 1 << 20]

    /// A CSV of 3 columns and the cells each row must give.
    func generatedCSV(rows: Int) -> (text: String, expected: [[Cell]]) {
        var g = Generator(state: 7)
        var text = "a,b,c\n"
        var expected: [[Cell]] = []
        for _ in 0..<rows {
            var row: [Cell] = []
            var fields: [String] = []
            for _ in 0..<3 {
                let piece = pieces[g.next(pieces.count)]
                let special = piece.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                let quoted = special || g.next(4) == 0
                fields.append(quoted ? "\"" + piece.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : piece)
                row.append(piece.isEmpty && !quoted ? .missing : .text(piece))
            }
            expected.append(row)
            text += fields.joined(separator: ",") + (g.next(2) == 0 ? "\n" : "\r\n")
        }
        return (text, expected)
    }

    func cells(_ source: any RowSource) throws -> [[Cell]] {
        var batch = RawBatch(columnCount: source.columnNames.count)
        var rows: [[Cell]] = []
        for _ in 0..<100_000 {
            batch.removeAll()
            let more = try source.read(into: &batch, limit: 7)
            for r in 0..<batch.rowCount { rows.append((0..<batch.columnCount).map { batch[r, $0] }) }
            if !more { break }
        }
        return rows
    }

    func testCSVInUTF8() throws {
        let (text, expected) = generatedCSV(rows: 300)
        let scratch = Scratch()
        let path = scratch.write("g.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        for size in chunkSizes {
            let source = try CSVSource(path: path, input: ChunkBuffer(stream: FileStream(path: path, chunk: size)),
                                       delimiter: UInt8(ascii: ","), encoding: .utf8)
            XCTAssertEqual(source.columnNames, ["a", "b", "c"], "chunk \(size)")
            XCTAssertEqual(try cells(source), expected, "chunk \(size)")
        }
    }

    func testCSVInGBK() throws {
        let (text, expected) = generatedCSV(rows: 200)
        let scratch = Scratch()
        let path = scratch.write("g.csv", encoded(text, as: "GBK"))
        for size in chunkSizes {
            let stream = try TranscodedStream(input: FileStream(path: path, chunk: size), encoding: "GBK")
            let source = try CSVSource(path: path, input: ChunkBuffer(stream: stream), delimiter: UInt8(ascii: ","), encoding: .gbk)
            XCTAssertEqual(try cells(source), expected, "chunk \(size)")
        }
    }

    func testJSONLines() throws {
        var g = Generator(state: 11)
        var text = ""
        var expected: [[Cell]] = []
        let strings = ["杭州", "say \\\"hi\\\"", "\\u676d\\u5dde", "emoji \\ud83d\\ude00", "tab\\t", ""]
        let decoded = ["杭州", "say \"hi\"", "杭州", "emoji 😀", "tab\t", ""]
        for i in 0..<300 {
            let k = g.next(strings.count)
            let space = String(repeating: " ", count: g.next(3))
            text += "{\"id\":\(space)\"\(strings[k])\",\(space)\"n\": \(i).5, \"b\":\(space)\(i % 2 == 0)}" + (g.next(2) == 0 ? "\n" : "\r\n")
            if g.next(5) == 0 { text += "\n" }
            expected.append([.text(decoded[k]), .number("\(i).5"), .bool(i % 2 == 0)])
        }
        let scratch = Scratch()
        let path = scratch.write("g.jsonl", text)
        for size in chunkSizes {
            let source = try JSONLinesSource(path: path, input: ChunkBuffer(stream: FileStream(path: path, chunk: size)))
            XCTAssertEqual(source.columnNames, ["id", "n", "b"])
            XCTAssertEqual(try cells(source), expected, "chunk \(size)")
        }
    }
}
