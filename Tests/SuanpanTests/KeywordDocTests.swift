import Foundation
import Suanpan
import SuanpanSyntax
import XCTest

/// `:doc` on a keyword shows an example: each one must check as a file on its own, and its
/// tests and prints must run without an error, so what the REPL suggests can be pasted.
final class KeywordDocTests: XCTestCase {
    func testEveryKeywordsExampleChecksAndRuns() throws {
        for keyword in Keyword.allCases {
            let doc = keyword.doc
            XCTAssertFalse(doc.syntax.isEmpty, "\(keyword)")
            XCTAssertFalse(doc.summary.isEmpty, "\(keyword)")
            let source = SourceFile(path: "<doc \(keyword.rawValue)>", text: doc.example)
            switch Program.load(paths: [], extraSources: [source]) {
            case .failure(let failure):
                XCTFail("the example of \(keyword.rawValue) does not check: \(failure.diagnostics.map(\.message))\n\(doc.example)")
            case .success(let (program, warnings)):
                XCTAssertEqual(warnings.map(\.message), [], "\(keyword.rawValue)")
                XCTAssertEqual(program.runTests().flatMap(\.failures), [], "\(keyword.rawValue)")
                XCTAssertNoThrow(try program.runPrints { _ in }, "\(keyword.rawValue)")
            }
        }
    }

    /// The example uses the keyword it documents (a part keyword, `then`, its whole form).
    func testEveryKeywordsExampleUsesIt() {
        for keyword in Keyword.allCases where keyword != .import {
            let words = Set(Lexer.tokenize(SourceFile(path: "<doc>", text: keyword.doc.example)).tokens.compactMap { token -> Keyword? in
                if case .keyword(let k) = token.kind { return k } else { return nil }
            })
            XCTAssertTrue(words.contains(keyword), "the example of \(keyword.rawValue) does not use it: \(keyword.doc.example)")
        }
    }
}
