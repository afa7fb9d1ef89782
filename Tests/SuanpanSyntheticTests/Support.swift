import Foundation
import XCTest
@testable import SuanpanSynthetic

/// A fresh directory per test, removed afterwards.
class SyntheticTestCase: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "suanpan-synthetic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func spec(_ json: String) throws -> Synthetic.Spec {
        try Synthetic.Spec.parse(json: Data(json.utf8))
    }

    /// A spec of `rows` rows and the given fields (JSON objects, comma-separated).
    func spec(rows: Int, seed: UInt64 = 42, _ fields: String) throws -> Synthetic.Spec {
        try spec("{\"rows\": \(rows), \"seed\": \(seed), \"fields\": [\(fields)]}")
    }

    /// The CSV text of a generation.
    func csv(_ spec: Synthetic.Spec, rows: Int? = nil, seed: UInt64? = nil, name: String = "out.csv") throws -> String {
        let file = path(name)
        _ = try Synthetic.generate(spec, to: file, rows: rows, seed: seed)
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
    }

    /// The data lines of a one-column CSV, header dropped.
    func column(_ spec: Synthetic.Spec) throws -> [String] {
        Array(try csv(spec).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().map(String.init))
    }

    /// The message of the SpecError that parsing `json` throws.
    func specError(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try Synthetic.Spec.parse(json: Data(json.utf8))
            XCTFail("parsed without an error: \(json)", file: file, line: line)
            return ""
        } catch {
            return error.message
        }
    }

    /// The SpecError of a spec with one field.
    func fieldError(_ field: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        specError("{\"rows\": 10, \"seed\": 1, \"fields\": [{\"name\": \"id\", \"kind\": \"sequence\"}, \(field)]}", file: file, line: line)
    }
}
