import Foundation
import SuanpanSyntax
import XCTest

/// Keeps the Swift parser in agreement with the normative grammar, Grammar/suanpan.lark.
///
/// Walks the same folders with the same rule as `python3 Grammar/check.py`:
/// every `*.suan` file under `Examples/` and `Tests/Conformance/` (recursively) must be
/// accepted, except those under `Tests/Conformance/syntax/invalid/`, which must be
/// rejected. "Accepted" means valid UTF-8 and no error diagnostic; "rejected" means at
/// least one error diagnostic from `Parser.parse`.
final class GrammarAgreementTests: XCTestCase {
    /// The repository root: this file is `<root>/Tests/SuanpanSyntaxTests/GrammarAgreementTests.swift`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Tests/SuanpanSyntaxTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // the repository root

    /// Folders walked, relative to the root.
    static let folders = ["Examples", "Tests/Conformance"]
    /// Files under this folder (relative to the root) must be rejected; all others accepted.
    static let invalidFolder = "Tests/Conformance/syntax/invalid"

    struct Fixture {
        /// Path relative to the repository root, with `/` separators.
        let path: String
        let mustAccept: Bool
    }

    /// Every `*.suan` file under the folders, sorted by path. Missing folders count as empty.
    static func fixtures() -> [Fixture] {
        let fm = FileManager.default
        var result: [Fixture] = []
        for folder in folders {
            let base = root.appendingPathComponent(folder).path
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue,
                  let walker = fm.enumerator(atPath: base) else { continue }
            while let element = walker.nextObject() as? String {
                guard element.hasSuffix(".suan") else { continue }
                var isDir: ObjCBool = false
                let absolute = base + "/" + element
                guard fm.fileExists(atPath: absolute, isDirectory: &isDir), !isDir.boolValue else { continue }
                let relative = folder + "/" + element
                let mustAccept = !(relative == invalidFolder || relative.hasPrefix(invalidFolder + "/"))
                result.append(Fixture(path: relative, mustAccept: mustAccept))
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    func testParserAcceptsAndRejectsTheSameFilesAsTheGrammar() throws {
        let fixtures = Self.fixtures()
        XCTAssertGreaterThan(fixtures.count, 0,
                             "no .suan files found under \(Self.folders.joined(separator: ", ")) in \(Self.root.path)")
        var checked = 0
        for fixture in fixtures {
            let absolute = Self.root.appendingPathComponent(fixture.path).path
            guard let data = FileManager.default.contents(atPath: absolute) else {
                XCTFail("\(fixture.path): cannot read the file")
                continue
            }
            checked += 1
            // Invalid UTF-8 becomes U+FFFD, which the lexer reports as an invalid character.
            let text = String(decoding: data, as: UTF8.self)
            let isValidUTF8 = Array(text.utf8) == [UInt8](data)
            let result = Parser.parse(SourceFile(path: fixture.path, text: text))
            let errors = result.diagnostics.filter { $0.severity == .error }

            if fixture.mustAccept {
                XCTAssertTrue(isValidUTF8,
                              "\(fixture.path): must be accepted, but it is not valid UTF-8 (Grammar/check.py rejects it)")
                XCTAssertTrue(errors.isEmpty,
                              "\(fixture.path): must be accepted (it is not under \(Self.invalidFolder)/), but the parser reports:\n"
                                  + errors.map { $0.rendered() }.joined(separator: "\n"))
            } else {
                XCTAssertFalse(errors.isEmpty,
                               "\(fixture.path): must be rejected (it is under \(Self.invalidFolder)/"
                                   + (isValidUTF8 ? "" : " and is not valid UTF-8")
                                   + "), but the parser reports no error"
                                   + (result.diagnostics.isEmpty ? "" : ", only:\n"
                                       + result.diagnostics.map { $0.rendered() }.joined(separator: "\n")))
            }
        }
        XCTAssertGreaterThan(checked, 0, "no fixture could be read under \(Self.root.path)")
    }

    /// The fixtures this test relies on are present, so an empty walk cannot pass silently.
    func testConformanceFixturesExist() {
        let fixtures = Self.fixtures()
        XCTAssertTrue(fixtures.contains { $0.mustAccept && $0.path.hasPrefix("Tests/Conformance/syntax/valid/") },
                      "no valid syntax fixtures under Tests/Conformance/syntax/valid/ in \(Self.root.path)")
        XCTAssertTrue(fixtures.contains { !$0.mustAccept },
                      "no invalid syntax fixtures under \(Self.invalidFolder)/ in \(Self.root.path)")
    }
}
