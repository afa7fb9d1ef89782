import XCTest
import SuanpanChecker
import SuanpanData
import SuanpanReaders
import SuanpanRuntime
import SuanpanValues

/// Files larger than one 1 MiB chunk, built so that a chunk ends inside a character
/// (GBK) or inside a quoted field (UTF-8): the values must come out whole.
final class ChunkBoundaryTests: XCTestCase {
    let place = record("Place", [("id", .string), ("city", .string), ("balance", .money("CNY"))])
    let chunk = 1 << 20

    /// Whether the chunk boundary falls on the second byte of a two-byte GBK character.
    func splitsACharacter(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < chunk { i += bytes[i] >= 0x81 ? 2 : 1 }
        return i == chunk + 1
    }

    func testGBKCharacterCutByAChunkEnd() throws {
        var rows = ""
        for i in 0..<60_000 { rows += "\(i),杭州西湖区,1.00\n" }
        // Spaces before the header's first name (names are trimmed) shift every byte, until the
        // chunk's end falls inside a character.
        var bytes: [UInt8] = []
        for spaces in 0..<12 {
            bytes = encoded(String(repeating: " ", count: spaces) + "id,city,balance\n" + rows, as: "GBK")
            if splitsACharacter(bytes) { break }
        }
        XCTAssertTrue(splitsACharacter(bytes))
        let scratch = Scratch()
        let path = scratch.write("big-gbk.csv", bytes)
        let spec = PopulationSpec(name: "p", path: path, options: ["encoding": "gbk"], record: place, batchSize: 10_000)
        let batches = try readAll(spec).batches
        let cities = batches.flatMap { $0.columns[1].strings }
        XCTAssertEqual(cities.count, 60_000)
        XCTAssertTrue(cities.allSatisfy { $0 == "杭州西湖区" })
        XCTAssertEqual(batches.flatMap { $0.columns[0].strings }.last, "59999")
    }

    func testQuotedFieldsAcrossChunkEnds() throws {
        var text = "id,city,balance\n"
        var expected: [String] = []
        var i = 0
        while text.utf8.count < 3 * chunk {
            let city = "杭州 \"\(i)\",\n第\(i)行"
            expected.append(city)
            text += "\(i),\"" + city.replacingOccurrences(of: "\"", with: "\"\"") + "\",\(i % 100).50\r\n"
            i += 1
        }
        let scratch = Scratch()
        let path = scratch.write("quoted.csv", text)
        let batches = try readAll(PopulationSpec(name: "p", path: path, record: place)).batches
        XCTAssertEqual(batches.flatMap { $0.columns[1].strings }, expected)
    }
}

extension String {
    /// Foundation-free replace, for building fixtures.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
