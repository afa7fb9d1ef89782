import XCTest
import SuanpanChecker
import SuanpanData
import SuanpanReaders
import SuanpanRuntime
import SuanpanValues

final class CSVReaderTests: XCTestCase {
    let account = record("Account", [("id", .string), ("city", .string), ("balance", .money("CNY"))])

    func testBOMCRLFQuotedCommasNewlinesQuotesAndChineseText() throws {
        let scratch = Scratch()
        let text = "id,city,balance\r\n1,\"杭州, 西湖\",2000.00\r\n2,\"He said \"\"hi\"\"\",12.50\r\n3,\"two\nlines\",0.10\r\n"
        let path = scratch.write("a.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let (batches, _) = try readAll(PopulationSpec(name: "a", path: path, record: account))
        XCTAssertEqual(batches.count, 1)
        let batch = try XCTUnwrap(batches.first)
        XCTAssertEqual(batch.columns[0].strings, ["1", "2", "3"])
        XCTAssertEqual(batch.columns[1].strings, ["杭州, 西湖", "He said \"hi\"", "two\nlines"])
        XCTAssertEqual(batch.columns[2].decimals, [decimal("2000.00"), decimal("12.50"), decimal("0.10")])
        XCTAssertEqual(batch.ordinals, [0, 1, 2])
    }

    func testGBKFileReadWithItsEncodingDeclaredAndRejectedWithout() throws {
        let scratch = Scratch()
        let bytes = encoded("id,city,balance\n1,杭州,1.00\n2,上海,2.00\n", as: "GBK")
        XCTAssertFalse(bytes.isEmpty)
        XCTAssertNotEqual(bytes, Array("id,city,balance\n1,杭州,1.00\n2,上海,2.00\n".utf8))
        let path = scratch.write("gbk.csv", bytes)
        let spec = PopulationSpec(name: "a", path: path, options: ["encoding": "gbk"], record: account)
        let (batches, _) = try readAll(spec)
        XCTAssertEqual(batches.first?.columns[1].strings, ["杭州", "上海"])
        let undeclared = errorText(PopulationSpec(name: "a", path: path, record: account)) ?? ""
        XCTAssertTrue(undeclared.hasPrefix("\(path):2: the file is not UTF-8"), undeclared)
        XCTAssertTrue(undeclared.contains("looks like GBK or GB18030"), undeclared)
        XCTAssertTrue(undeclared.contains("encoding = \"gbk\""), undeclared)
    }

    func testBytesThatAreNotGBK() {
        let scratch = Scratch()
        let bad = scratch.write("bad.csv", Array("id,city,balance\n1,x,1.00\n2,".utf8) + [0xFF, 0xFF] + Array(",2.00\n".utf8))
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: bad, options: ["encoding": "gbk"], record: account)),
                       "\(bad):3: bytes that are not GBK (FF FF 2C 32) (check the file's encoding; declare encoding = \"utf-8\" if it is UTF-8)")
        let cut = scratch.write("cut.csv", encoded("id,city,balance\n1,杭州,1.00\n2,", as: "GBK") + [0xC5])
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: cut, options: ["encoding": "gb18030"], record: account)),
                       "\(cut):3: the file ends in the middle of a GB18030 character (check the file is complete)")
    }

    func testRaggedRowNamesTheLineAndBothCounts() {
        let scratch = Scratch()
        let path = scratch.write("r.csv", "id,city,balance\n1,x,1.00\n2,y\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path):3: row 2: the row has 2 fields; the header has 3 (quote fields holding the delimiter, and give every row 3 fields)")
    }

    func testUnterminatedQuoteNamesTheLineWhereItOpened() {
        let scratch = Scratch()
        let path = scratch.write("q.csv", "id,city,balance\n1,x,1.00\n2,\"y,2.00\n3,z,3.00\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "a", path: path, record: account)),
                       "\(path):3: a quote opened on this line is never closed (close the quoted field with \", and write a quote inside it as \"\")")
    }

    func testTabsForTSVAndDeclaredDelimiter() throws {
        let scratch = Scratch()
        let tsv = scratch.write("t.tsv", "id\tcity\tbalance\n1\ta,b\t3.00\n")
        XCTAssertEqual(try readAll(PopulationSpec(name: "t", path: tsv, record: account)).batches.first?.columns[1].strings, ["a,b"])
        let semi = scratch.write("s.csv", "id;city;balance\n1;a,b;3.00\n")
        let spec = PopulationSpec(name: "s", path: semi, options: ["delimiter": ";"], record: account)
        XCTAssertEqual(try readAll(spec).batches.first?.columns[1].strings, ["a,b"])
    }

    func testLastRowWithoutLineEndAndBlankLines() throws {
        let scratch = Scratch()
        let path = scratch.write("e.csv", "id,city,balance\n\n1,x,1.00\n\n2,y,2.00")
        let batch = try XCTUnwrap(readAll(PopulationSpec(name: "a", path: path, record: account)).batches.first)
        XCTAssertEqual(batch.columns[0].strings, ["1", "2"])
    }
}

final class CSVOptionTests: XCTestCase {
    let one = record("One", [("id", .string)])

    func testOptionValuesThatAreNotRead() {
        let scratch = Scratch()
        let path = scratch.write("o.csv", "id\n1\n")
        func error(_ options: [String: String]) -> String? {
            errorText(PopulationSpec(name: "o", path: path, options: options, record: one))
        }
        XCTAssertEqual(error(["header": "false"]),
                       "\(path): header = \"false\": the csv reader needs a header row naming the columns (add a first row with the column names and write header = \"true\" or leave the option out)")
        XCTAssertEqual(error(["encoding": "latin1"]),
                       "\(path): encoding = \"latin1\" is not one the reader decodes (write encoding = \"utf-8\", \"gbk\" or \"gb18030\", or convert the file to UTF-8)")
        XCTAssertEqual(error(["delimiter": "::"]),
                       "\(path): delimiter = \"::\" is not one ASCII character other than a quote or a line end (write delimiter = \",\", \";\", \"|\" or \"tab\")")
        XCTAssertNil(error(["encoding": "UTF-8", "header": "true", "delimiter": ","]))
    }

    func testEmptyFileAndMissingFile() {
        let scratch = Scratch()
        let empty = scratch.write("e.csv", "")
        XCTAssertEqual(errorText(PopulationSpec(name: "e", path: empty, record: one)),
                       "\(empty): the file is empty (a CSV file needs a first row naming the columns)")
        let none = scratch.folder + "/none.csv"
        XCTAssertEqual(errorText(PopulationSpec(name: "n", path: none, record: one)),
                       "\(none): cannot open the file: No such file or directory (check the path, relative to the folder of the file declaring the population)")
    }

    func testTextAfterAClosingQuote() {
        let scratch = Scratch()
        let path = scratch.write("t.csv", "id\n\"a\"b\n")
        XCTAssertEqual(errorText(PopulationSpec(name: "t", path: path, record: one)),
                       "\(path):2: text after a quoted field's closing quote (quote the whole field, and write a quote inside it as \"\")")
    }
}
