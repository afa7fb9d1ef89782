/// The lexical categories of Suanpan; see Grammar/suanpan.lark for their forms.
public enum TokenKind: Hashable, Sendable {
    case name, number, percent, rate, money, flow, duration, places, date, string
    case keyword(Keyword)
    case lbrace, rbrace, lparen, rparen, lbracket, rbracket
    case comma, colon, dot, dotdot, dotdotless, arrow, fatArrow, assign
    case plus, minus, star, slash, caret
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case endOfFile

    /// How the token is named in "expected …, found …" messages.
    public var describe: String {
        switch self {
        case .name: return "a name"
        case .number: return "a number"
        case .percent: return "a percentage"
        case .rate: return "a rate"
        case .money: return "an amount of money"
        case .flow: return "an amount of money per period"
        case .duration: return "a duration"
        case .places: return "a number of decimal places"
        case .date: return "a date"
        case .string: return "a string"
        case .keyword(let k): return "\(quoted(k.rawValue))"
        case .endOfFile: return "the end of the input"
        default: return "\(quoted(symbol))"
        }
    }

    var symbol: String {
        switch self {
        case .lbrace: return "{"
        case .rbrace: return "}"
        case .lparen: return "("
        case .rparen: return ")"
        case .lbracket: return "["
        case .rbracket: return "]"
        case .comma: return ","
        case .colon: return ":"
        case .dot: return "."
        case .dotdot: return ".."
        case .dotdotless: return "..<"
        case .arrow: return "->"
        case .fatArrow: return "=>"
        case .assign: return "="
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .caret: return "^"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        default: return ""
        }
    }
}

/// Reserved words: none of them can name a value, field or product.
public enum Keyword: String, CaseIterable, Sendable {
    case `import`, `let`, record, product, param, rule, table, test, expect, error, print
    case `if`, then, `else`, and, or, not, `true`, `false`, `for`, `in`, `where`, rounding, with
    case fold, scan, sort, group, by, descending, population, scenario

    /// The keyword a word spells, if any: one hash where `init(rawValue:)` compares the word
    /// with every keyword in turn, and the lexer asks for every name it reads.
    public static func named(_ word: String) -> Keyword? { byWord[word] }
    static let byWord = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Whether a word of these bytes may be a keyword: its length and first letter are
    /// those of one. Most names fail this test, which costs less than hashing them.
    static func mayBe(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"),
              word.count < shapes.count else { return false }
        return shapes[word.count] & (1 << (first - UInt8(ascii: "a"))) != 0
    }
    /// For each length, a bit for each first letter (a is bit 0) that a keyword of that length has.
    static let shapes: [UInt32] = allCases.reduce(into: [UInt32](repeating: 0, count: 16)) { shapes, k in
        let word = Array(k.rawValue.utf8)
        shapes[word.count] |= 1 << (word[0] - UInt8(ascii: "a"))
    }

    /// Whether the word begins an item of a file: a declaration, a test or a print.
    public var startsItem: Bool {
        switch self {
        case .import, .let, .record, .product, .rule, .test, .print, .population, .scenario: true
        case .param, .table, .expect, .error, .if, .then, .else, .and, .or, .not, .true, .false, .for, .in, .where,
             .rounding, .with, .fold, .scan, .sort, .group, .by, .descending:
            false
        }
    }
}

public struct Token: Sendable {
    public let kind: TokenKind
    public let span: Span
    /// The token's source text; for strings, the decoded value without quotes.
    public let text: String
    /// True when a newline separates this token from the previous one.
    public let startsLine: Bool
}
