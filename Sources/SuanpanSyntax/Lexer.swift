import SuanpanValues

/// Turns source bytes into tokens. The lexer never stops at a bad character: it
/// records a diagnostic and carries on, so one typo yields one error. Its token
/// forms follow Grammar/suanpan.lark exactly (the grammar test keeps them equal).
public struct Lexer {
    let file: SourceFile
    let bytes: [UInt8]
    /// A value standing alone (`--set`, `:set`) may group the digits of an amount
    /// with its unit by commas, as values are displayed: `1,200.00 CNY`, `1,000 days`.
    /// In source a comma always separates.
    let groupsAmountsByCommas: Bool
    var pos = 0
    var sawNewline = true
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ file: SourceFile, groupsAmountsByCommas: Bool = false) {
        self.file = file
        self.bytes = file.bytes
        self.groupsAmountsByCommas = groupsAmountsByCommas
    }

    public static func tokenize(_ file: SourceFile, groupsAmountsByCommas: Bool = false) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file, groupsAmountsByCommas: groupsAmountsByCommas)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfFile { break }
        }
        return (tokens, lexer.diagnostics)
    }

    /// The next token; bad characters in between are reported and skipped.
    mutating func next() -> Token {
        while true {
            if let token = scan() { return token }
        }
    }

    /// One token, or nil after reporting a run of characters that start none.
    mutating func scan() -> Token? {
        skipTrivia()
        let start = pos
        guard let c = peek() else { return make(.endOfFile, start) }
        if isDigit(c) { return number(start) }
        if isNameStart(c) { return name(start) }
        if c == UInt8(ascii: "\"") { return string(start) }
        pos += 1
        switch c {
        case UInt8(ascii: "{"): return make(.lbrace, start)
        case UInt8(ascii: "}"): return make(.rbrace, start)
        case UInt8(ascii: "("): return make(.lparen, start)
        case UInt8(ascii: ")"): return make(.rparen, start)
        case UInt8(ascii: "["): return make(.lbracket, start)
        case UInt8(ascii: "]"): return make(.rbracket, start)
        case UInt8(ascii: ","): return make(.comma, start)
        case UInt8(ascii: ":"): return make(.colon, start)
        case UInt8(ascii: "+"): return make(.plus, start)
        case UInt8(ascii: "*"): return make(.star, start)
        case UInt8(ascii: "/"): return make(.slash, start)
        case UInt8(ascii: "^"): return make(.caret, start)
        case UInt8(ascii: "-"): return make(match(">") ? .arrow : .minus, start)
        case UInt8(ascii: "="):
            if match("=") { return make(.equal, start) }
            return make(match(">") ? .fatArrow : .assign, start)
        case UInt8(ascii: "<"): return make(match("=") ? .lessEqual : .less, start)
        case UInt8(ascii: ">"): return make(match("=") ? .greaterEqual : .greater, start)
        case UInt8(ascii: "!") where match("="): return make(.notEqual, start)
        case UInt8(ascii: "."):
            if match(".") { return make(match("<") ? .dotdotless : .dotdot, start) }
            return make(.dot, start)
        default:
            pos = start
            invalidCharacter()
            return nil
        }
    }

    // MARK: Trivia

    mutating func skipTrivia() {
        while let c = peek() {
            if c == UInt8(ascii: "\n") {
                sawNewline = true
                pos += 1
            } else if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                pos += 1
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let d = peek(), d != UInt8(ascii: "\n") { pos += 1 }
            } else {
                return
            }
        }
    }

    /// Reports the character at `pos` and skips it. Full-width punctuation, a
    /// common slip when typing next to Chinese text, gets its ASCII twin as a hint.
    mutating func invalidCharacter() {
        let start = pos
        let scalar = decodeScalar()
        let span = Span(start, pos)
        if let code = Currency.code(forSign: scalar) {
            diagnostics.append(.error("unexpected character \(quoted(String(Character(scalar))))", file: file, span: span,
                                      hint: "an amount is written with its currency's code after it: \(amountNear(start)) \(code)"))
        } else if let ascii = FullWidth.ascii(for: scalar) {
            diagnostics.append(.error("full-width \(quoted(String(Character(scalar)))) (U+\(hex(scalar.value))) is not allowed here",
                                      file: file, span: span, hint: "use the ASCII \(quoted(ascii))"))
        } else if scalar.value == 0xFFFD {
            diagnostics.append(.error("invalid UTF-8 or binary data in source", file: file, span: span))
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
            diagnostics.append(.error("unexpected control character U+\(hex(scalar.value))", file: file, span: span))
        } else {
            let hint: String? = scalar.value > 0x7F ? "names are ASCII; Chinese text belongs in strings and comments" : nil
            diagnostics.append(.error("unexpected character \(quoted(String(Character(scalar))))", file: file, span: span, hint: hint))
        }
        // Skip a run of the same kind of junk so that binary input gives one error, not thousands.
        while let c = peek(), !isTokenStart(c) || (c == UInt8(ascii: "!") && peek(1) != UInt8(ascii: "=")) { _ = decodeScalar() }
    }

    /// The digits of the amount a currency sign at `start` belongs to: those right
    /// after it (`¥1200`, `¥ 1200`), else those before it (`1200 元`), else an example.
    func amountNear(_ start: Int) -> String {
        func isAmount(_ c: UInt8) -> Bool { isDigit(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") }
        let digits = blanksEnd(pos)
        var end = digits
        while let c = byte(at: end), isAmount(c) { end += 1 }
        if end > digits, isDigit(bytes[digits]) { return String(decoding: bytes[digits..<end], as: UTF8.self) }
        var hi = start
        while hi > 0, bytes[hi - 1] == UInt8(ascii: " ") || bytes[hi - 1] == UInt8(ascii: "\t") { hi -= 1 }
        var lo = hi
        while lo > 0, isAmount(bytes[lo - 1]) { lo -= 1 }
        if lo < hi, isDigit(bytes[lo]) { return String(decoding: bytes[lo..<hi], as: UTF8.self) }
        return "100"
    }

    func isTokenStart(_ c: UInt8) -> Bool {
        isDigit(c) || isNameStart(c) || c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t")
            || "{}()[],:+-*/^=<>!.\"".utf8.contains(c)
    }

    mutating func decodeScalar() -> Unicode.Scalar {
        var iterator = bytes[pos...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let s):
            pos += UTF8.width(s)
            return s
        default:
            pos += 1
            return Unicode.Scalar(0xFFFD) ?? "?"
        }
    }

    // MARK: Names and keywords

    mutating func name(_ start: Int) -> Token {
        while let c = peek(), isNameContinue(c) { pos += 1 }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        let kind = Keyword.mayBe(bytes[start..<pos]) ? Keyword.named(text).map(TokenKind.keyword) ?? .name : .name
        return Token(kind: kind, span: Span(start, pos), text: text, startsLine: takeNewline())
    }

    // MARK: Strings

    mutating func string(_ start: Int) -> Token {
        pos += 1
        var value = ""
        var chunkStart = pos
        while true {
            guard let c = peek(), c != UInt8(ascii: "\n"), c != UInt8(ascii: "\r") else {
                diagnostics.append(.error("unterminated string", file: file, span: Span(start, pos),
                                          hint: "close it with '\"' on the same line; write \\n for a newline"))
                value += String(decoding: bytes[min(chunkStart, pos)..<pos], as: UTF8.self)
                return Token(kind: .string, span: Span(start, pos), text: value, startsLine: takeNewline())
            }
            if c == UInt8(ascii: "\"") {
                value += String(decoding: bytes[chunkStart..<pos], as: UTF8.self)
                pos += 1
                return Token(kind: .string, span: Span(start, pos), text: value, startsLine: takeNewline())
            }
            if c == UInt8(ascii: "\\") {
                value += String(decoding: bytes[chunkStart..<pos], as: UTF8.self)
                escape(into: &value)
                chunkStart = pos
                continue
            }
            pos += 1
        }
    }

    mutating func escape(into value: inout String) {
        let start = pos
        pos += 1
        switch peek() {
        case UInt8(ascii: "n"): value += "\n"; pos += 1
        case UInt8(ascii: "t"): value += "\t"; pos += 1
        case UInt8(ascii: "r"): value += "\r"; pos += 1
        case UInt8(ascii: "\""): value += "\""; pos += 1
        case UInt8(ascii: "\\"): value += "\\"; pos += 1
        case UInt8(ascii: "u") where peek(1) == UInt8(ascii: "{"):
            pos += 2
            let digitsStart = pos
            while let c = peek(), isHexDigit(c), pos - digitsStart < 6 { pos += 1 }
            let digits = String(decoding: bytes[digitsStart..<pos], as: UTF8.self)
            if !digits.isEmpty, peek() == UInt8(ascii: "}"), let v = UInt32(digits, radix: 16), let s = Unicode.Scalar(v) {
                pos += 1
                value.unicodeScalars.append(s)
            } else {
                diagnostics.append(.error("bad unicode escape", file: file, span: Span(start, pos),
                                          hint: "write \\u{4E2D} with 1 to 6 hex digits of a valid code point"))
            }
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return  // the string is unterminated; that is the one error to report
        default:
            _ = decodeScalar()
            diagnostics.append(.error("unknown escape in string", file: file, span: Span(start, pos),
                                      hint: "the escapes are \\n \\t \\r \\\" \\\\ and \\u{…}"))
        }
    }

    // MARK: Numbers and the literals that start with one

    /// Tries the literal forms in the grammar's priority order: date, rate,
    /// percent / flow / money / duration / places, plain number.
    mutating func number(_ start: Int) -> Token {
        if groupsAmountsByCommas, let token = groupedAmount(start) { return token }
        if let end = dateEnd(start) {
            pos = end
            return make(.date, start)
        }
        let digitsEnd = scanDigits(start)
        var decEnd = digitsEnd
        if byte(at: decEnd) == UInt8(ascii: "."), let d = byte(at: decEnd + 1), isDigit(d) {
            decEnd = scanDigits(decEnd + 1)
        }
        if byte(at: decEnd) == UInt8(ascii: "%") {
            if byte(at: decEnd + 1) == UInt8(ascii: "/"), let end = periodEnd(at: decEnd + 2) {
                pos = end
                return make(.rate, start)
            }
            pos = decEnd + 1
            return make(.percent, start)
        }
        let gap = blanksEnd(decEnd)
        if gap > decEnd {
            if let (end, kind) = moneyEnd(at: gap) {
                pos = end
                return make(kind, start)
            }
            if decEnd == digitsEnd, let unitEnd = wordEnd(Self.durationWords, at: gap) {
                pos = unitEnd
                return make(.duration, start)
            }
            if decEnd == digitsEnd, let wordEnd = wordEnd(Self.placesWords, at: gap) {
                pos = wordEnd
                return make(.places, start)
            }
        }
        pos = decEnd
        return make(.number, start)
    }

    /// An amount with its unit, its digits grouped by commas as values are displayed
    /// (`1,200.00 CNY`, `1,200 CNY/month`, `1,000 days`): 1 to 3 digits, then groups of
    /// `,` and exactly 3 digits, an optional fraction, blanks and the unit. Only in a
    /// value standing alone; the token's text leaves the commas out.
    mutating func groupedAmount(_ start: Int) -> Token? {
        func digit(_ i: Int) -> Bool { byte(at: i).map(isDigit) ?? false }
        var i = start
        while i < start + 3, digit(i) { i += 1 }
        guard !digit(i) else { return nil }
        var groups = 0
        while byte(at: i) == UInt8(ascii: ","), digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4) {
            i += 4
            groups += 1
        }
        guard groups > 0 else { return nil }
        var decEnd = i
        if byte(at: i) == UInt8(ascii: "."), digit(i + 1) { decEnd = scanDigits(i + 1) }
        let gap = blanksEnd(decEnd)
        guard gap > decEnd else { return nil }
        let end: Int
        let kind: TokenKind
        if let (e, k) = moneyEnd(at: gap) {
            (end, kind) = (e, k)
        } else if decEnd == i, let e = wordEnd(Self.durationWords, at: gap) {
            (end, kind) = (e, .duration)
        } else {
            return nil
        }
        pos = end
        let text = String(decoding: bytes[start..<end].filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
        return Token(kind: kind, span: Span(start, end), text: text, startsLine: takeNewline())
    }

    /// The offset after the spaces and tabs at `i`.
    func blanksEnd(_ i: Int) -> Int {
        var k = i
        while byte(at: k) == UInt8(ascii: " ") || byte(at: k) == UInt8(ascii: "\t") { k += 1 }
        return k
    }

    /// A currency code at `i` (money), or a code, `/` and a period (a flow: `CNY/month`).
    func moneyEnd(at i: Int) -> (end: Int, kind: TokenKind)? {
        guard isCurrencyCode(at: i) else { return nil }
        if byte(at: i + 3) == UInt8(ascii: "/"), let end = periodEnd(at: i + 4) { return (end, .flow) }
        return (i + 3, .money)
    }

    /// A period word at `i` (after `%/` or `CNY/`), not followed by a name character.
    func periodEnd(at i: Int) -> Int? { wordEnd(Self.periodWords, at: i) }

    /// `[0-9](_?[0-9])*`: returns the end offset.
    func scanDigits(_ start: Int) -> Int {
        var i = start + 1
        while true {
            if let c = byte(at: i), isDigit(c) {
                i += 1
            } else if byte(at: i) == UInt8(ascii: "_"), let d = byte(at: i + 1), isDigit(d) {
                i += 2
            } else {
                return i
            }
        }
    }

    func dateEnd(_ start: Int) -> Int? {
        let shape = "dddd-dd-dd".utf8
        for (k, s) in shape.enumerated() {
            guard let c = byte(at: start + k) else { return nil }
            if s == UInt8(ascii: "d") ? !isDigit(c) : c != s { return nil }
        }
        return start + shape.count
    }

    func isCurrencyCode(at i: Int) -> Bool {
        for k in 0..<3 {
            guard let c = byte(at: i + k), c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z") else { return false }
        }
        if let c = byte(at: i + 3), isNameContinue(c) { return false }
        return true
    }

    /// The words after `%/` in a rate and `CNY/` in a flow, after the count in a
    /// duration, and of a step in places, from the one table of units
    /// (Sources/SuanpanValues/Units.swift).
    static let periodWords = Period.allCases.map(\.rawValue)
    static let durationWords = DurationWord.allCases.flatMap { [$0.plural, $0.singular] }
    static let placesWords = [PlacesWord.plural, PlacesWord.singular]

    /// The end of the first of `words` at `i`.
    func wordEnd(_ words: [String], at i: Int) -> Int? {
        for word in words where wordMatches(word, at: i) {
            return i + word.utf8.count
        }
        return nil
    }

    /// The word at `i`, not followed by a name character.
    func wordMatches(_ word: String, at i: Int) -> Bool {
        var k = i
        for w in word.utf8 {
            guard byte(at: k) == w else { return false }
            k += 1
        }
        if let c = byte(at: k), isNameContinue(c) { return false }
        return true
    }

    // MARK: Helpers

    func peek(_ ahead: Int = 0) -> UInt8? { byte(at: pos + ahead) }
    func byte(at i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func match(_ ascii: Unicode.Scalar) -> Bool {
        guard peek() == UInt8(ascii: ascii) else { return false }
        pos += 1
        return true
    }

    mutating func takeNewline() -> Bool {
        defer { sawNewline = false }
        return sawNewline
    }

    mutating func make(_ kind: TokenKind, _ start: Int) -> Token {
        // A bracket or operator is always written as its symbol: its text needs no decoding.
        let symbol = kind.symbol
        let text = symbol.isEmpty ? String(decoding: bytes[start..<pos], as: UTF8.self) : symbol
        return Token(kind: kind, span: Span(start, pos), text: text, startsLine: takeNewline())
    }
}

func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
}
func isNameStart(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
}
func isNameContinue(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }
func hex(_ v: UInt32) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// Full-width forms that an IME produces in place of ASCII punctuation.
enum FullWidth {
    static func ascii(for s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(s.value - 0xFEE0).map { String(Character($0)) }
        case 0x3000: return " "
        case 0x3001: return ","
        case 0x3002: return "."
        case 0x201C, 0x201D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x3010: return "["
        case 0x3011: return "]"
        case 0x300A: return "<"
        case 0x300B: return ">"
        default: return nil
        }
    }
}
