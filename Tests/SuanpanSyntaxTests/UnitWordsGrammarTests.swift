import Foundation
import SuanpanSyntax
import SuanpanValues
import XCTest

/// The words of rate, flow, duration and places literals live in one table
/// (Sources/SuanpanValues/Units.swift), which the lexer reads. The Lark grammar
/// and Grammar/README.md must spell them out; this test holds them to the table.
final class UnitWordsGrammarTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func text(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The line of the grammar that defines a terminal, such as `RATE.4: …`.
    func terminal(_ name: String, in grammar: String) throws -> String {
        try XCTUnwrap(grammar.split(separator: "\n").first { $0.hasPrefix(name + ".") || $0.hasPrefix(name + ":") }.map(String.init),
                      "Grammar/suanpan.lark has no terminal \(name)")
    }

    /// Every match of a regular expression's first group.
    func captures(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    var periods: [String] { Period.allCases.map(\.rawValue) }
    var durationWords: [String] { DurationWord.allCases.map(\.singular) }

    func testTheGrammarsRateTerminalNamesEveryPeriod() throws {
        let rate = try terminal("RATE", in: try text("Grammar/suanpan.lark"))
        XCTAssertEqual(Set(try captures(#""([a-z]+)""#, in: rate)), Set(periods),
                       "RATE in Grammar/suanpan.lark must list the periods of Sources/SuanpanValues/Units.swift: \(rate)")
    }

    func testTheGrammarsFlowTerminalNamesEveryPeriod() throws {
        let flow = try terminal("FLOW", in: try text("Grammar/suanpan.lark"))
        XCTAssertEqual(Set(try captures(#""([a-z]+)""#, in: flow)), Set(periods),
                       "FLOW in Grammar/suanpan.lark must list the periods of Sources/SuanpanValues/Units.swift: \(flow)")
    }

    func testTheGrammarsPlacesTerminalNamesThePlacesWord() throws {
        let places = try terminal("PLACES", in: try text("Grammar/suanpan.lark"))
        XCTAssertEqual(try captures(#"([a-z]+)s\?"#, in: places), [PlacesWord.singular],
                       "PLACES in Grammar/suanpan.lark must spell PlacesWord of Sources/SuanpanValues/Units.swift as word s?: \(places)")
        XCTAssertEqual(PlacesWord.plural, PlacesWord.singular + "s", "the grammar writes the plural as the singular and s")
    }

    func testTheGrammarsDurationTerminalNamesEveryDurationWord() throws {
        let duration = try terminal("DURATION", in: try text("Grammar/suanpan.lark"))
        XCTAssertEqual(Set(try captures(#"([a-z]+)s\?"#, in: duration)), Set(durationWords),
                       "DURATION in Grammar/suanpan.lark must list the duration words of Sources/SuanpanValues/Units.swift, each as word s?: \(duration)")
    }

    func testTheGrammarReadmeNamesTheSameWords() throws {
        let readme = try text("Grammar/README.md")
        let rateRow = try XCTUnwrap(readme.split(separator: "\n").first { $0.hasPrefix("| RATE |") }.map(String.init))
        XCTAssertEqual(Set(try captures(#"`([a-z]+)`"#, in: rateRow)), Set(periods),
                       "the RATE row of Grammar/README.md must name the periods: \(rateRow)")
        let flowRow = try XCTUnwrap(readme.split(separator: "\n").first { $0.hasPrefix("| FLOW |") }.map(String.init))
        XCTAssertEqual(Set(try captures(#"`([a-z]+)`"#, in: flowRow)), Set(periods),
                       "the FLOW row of Grammar/README.md must name the periods: \(flowRow)")
        let placesRow = try XCTUnwrap(readme.split(separator: "\n").first { $0.hasPrefix("| PLACES |") }.map(String.init))
        XCTAssertEqual(try captures(#"`([a-z]+)\(s\)`"#, in: placesRow), [PlacesWord.singular],
                       "the PLACES row of Grammar/README.md must name the word as word(s): \(placesRow)")
        let durationRow = try XCTUnwrap(readme.split(separator: "\n").first { $0.hasPrefix("| DURATION |") }.map(String.init))
        XCTAssertEqual(Set(try captures(#"`([a-z]+)\(s\)`"#, in: durationRow)), Set(durationWords),
                       "the DURATION row of Grammar/README.md must name the duration words as word(s): \(durationRow)")
    }

    func testTheLexerReadsEveryWordOfTheTable() {
        for period in periods {
            let kinds = Lexer.tokenize(SourceFile(path: "t", text: "1.5%/\(period)")).tokens.map(\.kind)
            XCTAssertEqual(kinds, [.rate, .endOfFile], "1.5%/\(period)")
            let flow = Lexer.tokenize(SourceFile(path: "t", text: "1.5 CNY/\(period)")).tokens.map(\.kind)
            XCTAssertEqual(flow, [.flow, .endOfFile], "1.5 CNY/\(period)")
        }
        for written in [PlacesWord.singular, PlacesWord.plural] {
            let kinds = Lexer.tokenize(SourceFile(path: "t", text: "2 \(written)")).tokens.map(\.kind)
            XCTAssertEqual(kinds, [.places, .endOfFile], "2 \(written)")
        }
        for word in DurationWord.allCases {
            for written in [word.singular, word.plural] {
                let kinds = Lexer.tokenize(SourceFile(path: "t", text: "3 \(written)")).tokens.map(\.kind)
                XCTAssertEqual(kinds, [.duration, .endOfFile], "3 \(written)")
            }
        }
    }
}
