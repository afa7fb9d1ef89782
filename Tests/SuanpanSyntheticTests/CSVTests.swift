import Foundation
import XCTest
@testable import SuanpanSynthetic

final class CSVTests: SyntheticTestCase {
    func testQuotesOnlyWhereRFC4180NeedsThem() throws {
        let population = try spec(rows: 200, #"""
            {"name": "plain", "kind": "choice", "values": ["a b"]},
            {"name": "comma, name", "kind": "choice", "values": ["x,y"]},
            {"name": "quote", "kind": "choice", "values": ["say \"hi\""]},
            {"name": "lines", "kind": "choice", "values": ["one\ntwo", "cr\rhere"]},
            {"name": "seq", "kind": "sequence", "prefix": "A,", "width": 2}
            """#)
        let text = try csv(population)
        let lines = text.split(separator: "\n", maxSplits: 1)
        XCTAssertEqual(lines[0], #"plain,"comma, name",quote,lines,seq"#)
        XCTAssertTrue(text.hasSuffix("\n") && !text.contains("\r\n"))
        XCTAssertTrue(text.contains(#"a b,"x,y","say ""hi""","one"# + "\ntwo\",\"A,01\"\n")
                      || text.contains(#"a b,"x,y","say ""hi""","cr"# + "\rhere\",\"A,01\"\n"))
    }

    func testHeaderAndLineCount() throws {
        let text = try csv(try spec(rows: 1_234, #"{"name": "id", "kind": "sequence"}"#))
        XCTAssertTrue(text.hasPrefix("id\n1\n2\n"))
        XCTAssertEqual(text.split(separator: "\n").count, 1_235)
    }

    func testZeroRowsWriteTheHeaderOnly() throws {
        XCTAssertEqual(try csv(try spec(rows: 0, #"{"name": "id", "kind": "sequence"}"#)), "id\n")
    }

    func testDecimalsAreExactText() {
        func text(_ units: Int64, _ places: Int) -> String {
            var out: [UInt8] = []
            DecimalText.append(units: units, places: places, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual(text(312_457, 2), "3124.57")
        XCTAssertEqual(text(-5, 2), "-0.05")
        XCTAssertEqual(text(0, 3), "0.000")
        XCTAssertEqual(text(7, 0), "7")
        XCTAssertEqual(text(.min, 0), "-9223372036854775808")
        XCTAssertEqual(text(.max, 18), "9.223372036854775807")
        XCTAssertEqual(DecimalText.parse("3124.57"), DecimalText(units: 312_457, places: 2))
        for bad in ["", "-", "1.", ".5", "1e3", "+1", " 1", "1 ", "1.2.3", "99999999999999999999"] {
            XCTAssertNil(DecimalText.parse(bad), bad)
        }
    }

    func testUnknownExtensionsAreRefused() throws {
        let population = try spec(rows: 1, #"{"name": "id", "kind": "sequence"}"#)
        XCTAssertThrowsError(try Synthetic.generate(population, to: path("out.txt"))) { error in
            XCTAssertEqual("\(error)", "\(self.path("out.txt")): unknown output format; write a name ending in .csv, .sqlite or .db")
        }
        XCTAssertThrowsError(try Synthetic.generate(population, to: path("missing/out.csv")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("missing/out.csv")))
    }
}
