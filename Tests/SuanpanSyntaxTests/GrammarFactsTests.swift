import Foundation
import SuanpanSyntax
import XCTest

/// Facts that must be written twice, in Grammar/suanpan.lark or Grammar/README.md and
/// in the Swift parser, checked against each other: the reserved keywords and the
/// operator precedence table. Each failure names the place to change.
final class GrammarFactsTests: XCTestCase {
    static let lark = "Grammar/suanpan.lark"
    static let readme = "Grammar/README.md"
    static let keywordSource = "Keyword in Sources/SuanpanSyntax/Token.swift"
    static let tableSource = "OperatorTable.levels in Sources/SuanpanSyntax/OperatorTable.swift"

    func read(_ path: String) throws -> String {
        try String(contentsOf: GrammarAgreementTests.root.appendingPathComponent(path), encoding: .utf8)
    }

    var keywords: Set<String> { Set(Keyword.allCases.map(\.rawValue)) }

    func testTheGrammarReservesExactlyTheSwiftKeywords() throws {
        let words = LarkGrammar(try read(Self.lark)).ruleWords
        XCTAssertFalse(words.isEmpty, "found no word-like string literal in the rules of \(Self.lark)")
        for word in words.subtracting(keywords).sorted() {
            XCTFail("\(Self.lark) uses the keyword \"\(word)\" in a rule, but \(Self.keywordSource) lacks it: "
                    + "add `case \(word)` to Keyword, or take \"\(word)\" out of the grammar")
        }
        for word in keywords.subtracting(words).sorted() {
            XCTFail("\(Self.keywordSource) has \(word), but no rule of \(Self.lark) uses \"\(word)\": "
                    + "remove the case, or use the word in the grammar")
        }
    }

    func testTheReadmeListsTheKeywords() throws {
        let text = try read(Self.readme)
        let pattern = #/\*\*Reserved keywords\*\* \((\d+);[^)]*\):\s*`([^`]*)`/#
        guard let match = text.firstMatch(of: pattern) else {
            return XCTFail("\(Self.readme) no longer has the line '**Reserved keywords** (N; …): `and else …`': put it back")
        }
        let listed = match.2.split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertEqual(Int(match.1), keywords.count,
                       "\(Self.readme) says \(match.1) reserved keywords; \(Self.keywordSource) has \(keywords.count): write (\(keywords.count); …)")
        XCTAssertEqual(Set(listed).sorted(), keywords.sorted(),
                       "\(Self.readme)'s keyword list differs from \(Self.keywordSource): write `\(keywords.sorted().joined(separator: " "))`")
        XCTAssertEqual(listed, listed.sorted(), "\(Self.readme)'s keyword list is not in alphabetical order: write `\(listed.sorted().joined(separator: " "))`")
        XCTAssertEqual(listed.count, Set(listed).count, "\(Self.readme)'s keyword list names a keyword twice: list each once")
    }

    /// The words that are not reserved but mean something where an entry starts.
    static let contextualWords: Set<String> = ["column", "from", "next", "revenue", "state", "to"]
    static let checker = "Grammar/check.py"
    static let swiftWords = "Parser.at(\"…\") in Sources/SuanpanSyntax"

    func testTheContextualWordsAgreeEverywhere() throws {
        let words = Self.contextualWords
        // The grammar: a named terminal that is one word, not a keyword (ROUNDING_TYPE is "rounding").
        let terminals = LarkGrammar(try read(Self.lark)).wordTerminals.filter { !keywords.contains($0.value) }
        XCTAssertEqual(Set(terminals.values).sorted(), words.sorted(),
                       "\(Self.lark)'s contextual terminals (NAME: \"word\", the word not a keyword) must be exactly \(words.sorted())")
        XCTAssertEqual(terminals.count, Set(terminals.values).count, "\(Self.lark) defines a contextual word twice: define each once")
        for (name, word) in terminals {
            XCTAssertEqual(name, word.uppercased(), "\(Self.lark): name the terminal for \"\(word)\" \(word.uppercased())")
        }
        XCTAssertTrue(keywords.isDisjoint(with: words), "a contextual word is also in \(Self.keywordSource): it is either reserved or not")

        // check.py: CONTEXTUAL_WORDS = {"FROM": "from", …}
        let checker = try read(Self.checker)
        guard let block = checker.firstMatch(of: #/CONTEXTUAL_WORDS = \{([^}]*)\}/#) else {
            return XCTFail("\(Self.checker) no longer has `CONTEXTUAL_WORDS = {\"FROM\": \"from\", …}`: put it back")
        }
        let pairs = block.1.matches(of: #/"([A-Z_]+)":\s*"([a-z_]+)"/#).map { (String($0.1), String($0.2)) }
        XCTAssertEqual(Dictionary(pairs, uniquingKeysWith: { a, _ in a }), terminals,
                       "\(Self.checker)'s CONTEXTUAL_WORDS must map each contextual terminal of \(Self.lark) to its word")

        // The Swift parser: the words it looks for with at("…").
        let folder = GrammarAgreementTests.root.appendingPathComponent("Sources/SuanpanSyntax")
        var looked: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            looked.formUnion(text.matches(of: #/\bat\("([A-Za-z_]+)"\)/#).map { String($0.1) })
        }
        XCTAssertEqual(looked.sorted(), words.sorted(), "\(Self.swiftWords) must look for exactly the contextual words \(words.sorted())")

        // The README: **Contextual words** (6; …): `column from …`
        let readme = try read(Self.readme)
        guard let match = readme.firstMatch(of: #/\*\*Contextual words\*\* \((\d+);[^)]*\):\s*`([^`]*)`/#) else {
            return XCTFail("\(Self.readme) no longer has the line '**Contextual words** (N; …): `column from …`': put it back")
        }
        let listed = match.2.split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertEqual(Int(match.1), words.count, "\(Self.readme) says \(match.1) contextual words; there are \(words.count)")
        XCTAssertEqual(listed, words.sorted(), "\(Self.readme) must list the contextual words once each, in alphabetical order: `\(words.sorted().joined(separator: " "))`")
    }

    func testTheReadmePrecedenceTableMatchesTheParser() throws {
        let rows = try PrecedenceRow.parse(read(Self.readme))
        let levels = OperatorTable.levels
        let fix = "make the row in \(Self.readme) say what \(Self.tableSource) does (or change both, and \(Self.lark))"
        // Row 1 is `if`, looser than the table; the last row is postfix, tighter.
        XCTAssertEqual(rows.count, levels.count + 2,
                       "\(Self.readme)'s operator table has \(rows.count) rows; the parser has `if`, \(levels.count) operator levels and postfix: \(fix)")
        XCTAssertEqual(rows.map(\.level), Array(1...max(rows.count, 1)), "\(Self.readme)'s operator table must number its levels 1, 2, 3, …")
        guard rows.count == levels.count + 2, let first = rows.first, let last = rows.last else { return }
        XCTAssertEqual(first.operators, ["if c then a else b", "fold … => b", "scan … => b", "sort … by b", "group … by b", "with P { … } in b"],
                       "\(Self.readme)'s level 1 must be `if c then a else b`, `fold … => b`, `scan … => b`, `sort … by b`, `group … by b`, `with P { … } in b`: the forms whose last part reaches as far right as it can")
        XCTAssertEqual(last.operators, [".name", "(args)", "[index]"], "\(Self.readme)'s last level must be the postfix `.name`, `(args)`, `[index]`")
        XCTAssertTrue(last.associativity.hasPrefix("left to right"), "\(Self.readme)'s postfix row must say 'left to right'")
        for (level, row) in zip(levels, rows.dropFirst()) {
            XCTAssertEqual(row.operators, level.spellings,
                           "\(Self.readme) level \(row.level) lists \(row.operators), the parser \(level.spellings): \(fix)")
            XCTAssertTrue(row.associativity.hasPrefix(Self.associativity(level)),
                          "\(Self.readme) level \(row.level) says '\(row.associativity)'; the parser's level is '\(Self.associativity(level))': \(fix)")
            XCTAssertEqual(row.isPrefix, level.isPrefix,
                           "\(Self.readme) level \(row.level) must \(level.isPrefix ? "" : "not ")say '(prefix)': \(fix)")
        }
    }

    /// How the README's associativity column begins for a level of this form.
    static func associativity(_ level: OperatorLevel) -> String {
        switch level.form {
        case .prefix: return "nests"
        case .leftAssociative: return "left"
        case .nonAssociative: return "none"
        case .rightAssociative: return "right"
        }
    }
}

/// One row of the README's table `| level | operators | associativity |`.
struct PrecedenceRow {
    let level: Int
    /// The operators cell's code spans: `==`, `!=`, …
    let operators: [String]
    let isPrefix: Bool
    let associativity: String

    /// The rows under the heading "## Operators, loosest to tightest".
    static func parse(_ readme: String) -> [PrecedenceRow] {
        guard let heading = readme.range(of: "## Operators, loosest to tightest") else { return [] }
        let lines = readme[heading.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("|") }
        return lines.prefix { $0.hasPrefix("|") }.compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, let level = Int(cells[1]) else { return nil }  // the header and `---` rows
            let spans = cells[2].matches(of: #/`([^`]*)`/#).map { String($0.1) }
            return PrecedenceRow(level: level, operators: spans, isPrefix: cells[2].contains("(prefix)"),
                                 associativity: cells[3])
        }
    }
}

/// Just enough of Lark's notation to find the string literals of the grammar's rules.
/// A definition starts at the beginning of a line (`?name:`, `!name:`, `NAME.5:`) and
/// goes on over indented lines; rules have lower-case names, terminals upper-case ones.
struct LarkGrammar {
    /// Rule name -> the text of its definition, comments removed.
    var rules: [String: String] = [:]

    /// Terminal name -> its word, for each terminal defined as one word-like string
    /// literal (`FROM: "from"`): the contextual words, and ROUNDING_TYPE.
    var wordTerminals: [String: String] = [:]

    init(_ text: String) {
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = Self.withoutComment(String(line))
            if let terminal = code.wholeMatch(of: #/([A-Z][A-Z0-9_]*)(?:\.\d+)?\s*:\s*"([A-Za-z_]+)"\s*/#) {
                wordTerminals[String(terminal.1)] = String(terminal.2)
            }
            if let first = line.first, !first.isWhitespace {
                current = code.firstMatch(of: #/^[?!]?([a-z_][a-z0-9_]*)\s*:/#).map { String($0.1) }
                if current == nil { continue }  // a terminal, a directive or a comment line
            }
            if let name = current { rules[name, default: ""] += code + "\n" }
        }
    }

    /// The word-like string literals in rules: the keywords the grammar reserves.
    var ruleWords: Set<String> {
        Set(rules.values.flatMap { $0.matches(of: #/"([A-Za-z_]+)"/#).map { String($0.1) } })
    }

    /// The line up to a `//` that is not inside a string literal.
    static func withoutComment(_ line: String) -> String {
        var inString = false
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if c == "\"", previous != "\\" { inString.toggle() }
            if !inString, c == "/", previous == "/" { return String(line[..<line.index(before: index)]) }
            previous = c
            index = line.index(after: index)
        }
        return line
    }
}
