// A small JSON parser for one line holding one object, hand-written because
// Foundation's JSONSerialization turns every number into a Double: 0.1 would be
// read as 0.1000000000000000055…, and amounts must stay exact. Numbers are kept as
// their text (checked against JSON's grammar) and converted exactly later.
// Nested arrays and objects are skipped with a depth counter, never recursion.

enum JSONScalar {
    case string(String)
    /// A number's text; `integer` when it is a whole number without a point or
    /// exponent that fits 64 bits.
    case number(String, integer: Int64?)
    case bool(Bool)
    case null
    /// An array or object: a column holds one value, so this is an error if the key is used.
    case nested(String)
}

/// An object's key: its bytes as written when it has no escapes, else its text.
enum JSONKey {
    case bytes(UnsafeBufferPointer<UInt8>)
    case text(String)
}

struct JSONSyntaxError: Error {
    /// Byte offset in the line.
    var offset: Int
    var message: String
}

struct JSONLineParser {
    private let b: UnsafeBufferPointer<UInt8>
    private var i: Int
    private let end: Int
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        b = bytes
        i = range.lowerBound
        end = range.upperBound
    }

    /// Parses `{ "key": value, … }` and nothing after it. `column` maps each key to its
    /// column (nil: not a column); `wants` says whether a column's value is decoded (strings
    /// of unused columns are only scanned); `visit` gets each column's value.
    mutating func object(_ column: (JSONKey) -> Int?, wants: (Int) -> Bool,
                         _ visit: (Int, JSONScalar) -> Void) throws(JSONSyntaxError) {
        skipSpace()
        try expect(UInt8(ascii: "{"), "a JSON object, starting with {")
        skipSpace()
        if peek == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {   // one key per pass; each pass consumes input or throws
                try expectQuote("a key in double quotes")
                let index = column(try key())
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after the key")
                skipSpace()
                let value = try self.value(decode: index.map(wants) ?? false)
                if let index { visit(index, value) }
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; skipSpace(); continue }
                try expect(UInt8(ascii: "}"), "',' or '}' after a value")
                break
            }
        }
        skipSpace()
        if i < end { throw JSONSyntaxError(offset: i, message: "text after the object's closing }") }
    }

    /// A key, as its bytes when it has no escapes (compared to the column names without
    /// making a String), else decoded.
    private mutating func key() throws(JSONSyntaxError) -> JSONKey {
        let (range, plain, _) = try scanString()
        if plain { return .bytes(UnsafeBufferPointer(rebasing: b[range])) }
        return .text(try unescaped(range))
    }

    private var peek: UInt8? { i < end ? b[i] : nil }

    private mutating func skipSpace() {
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard peek == byte else { throw JSONSyntaxError(offset: i, message: "expected \(what)") }
        i += 1
    }

    private mutating func expectQuote(_ what: String) throws(JSONSyntaxError) {
        guard peek == UInt8(ascii: "\"") else { throw JSONSyntaxError(offset: i, message: "expected \(what)") }
        i += 1
    }

    private mutating func value(decode: Bool) throws(JSONSyntaxError) -> JSONScalar {
        guard let byte = peek else { throw JSONSyntaxError(offset: i, message: "expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            i += 1
            return .string(try string(decode: decode))
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            try skipNested()
            return .nested(byte == UInt8(ascii: "[") ? "an array" : "an object")
        default: return try number()
        }
    }

    private mutating func word(_ w: StaticString) throws(JSONSyntaxError) {
        let n = w.utf8CodeUnitCount
        guard end - i >= n else { throw JSONSyntaxError(offset: i, message: "expected \(w)") }
        for k in 0..<n where b[i + k] != w.utf8Start[k] { throw JSONSyntaxError(offset: i, message: "expected a value") }
        i += n
    }

    /// `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    private mutating func number() throws(JSONSyntaxError) -> JSONScalar {
        let start = i
        var plain = true
        if peek == UInt8(ascii: "-") { i += 1 }
        let first = i
        let count = digits()
        guard count > 0 else { throw JSONSyntaxError(offset: start, message: "expected a value") }
        if count > 1, b[first] == UInt8(ascii: "0") {
            throw JSONSyntaxError(offset: start, message: "a number with a leading zero: write it without the zero, or as a string")
        }
        if peek == UInt8(ascii: ".") {
            i += 1
            plain = false
            guard digits() > 0 else { throw JSONSyntaxError(offset: i, message: "expected digits after the point") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            plain = false
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw JSONSyntaxError(offset: i, message: "expected digits in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        return .number(text, integer: plain ? Int64(text) : nil)
    }

    private mutating func digits() -> Int {
        let start = i
        while i < end, b[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        return i - start
    }
}

extension JSONLineParser {
    /// A string's text from just after its opening quote to past its closing one.
    /// Without `decode` it is only checked and skipped.
    mutating func string(decode: Bool) throws(JSONSyntaxError) -> String {
        let (range, plain, ascii) = try scanString()
        guard decode || !plain else { return "" }
        if plain, ascii { return String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
        return try unescaped(range)
    }

    /// Finds a string's end: its contents' range, whether it has no escapes, whether it is ASCII.
    private mutating func scanString() throws(JSONSyntaxError) -> (Range<Int>, plain: Bool, ascii: Bool) {
        let start = i
        var plain = true
        var high: UInt8 = 0
        while i < end {
            let byte = b[i]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") { plain = false; i += 2; continue }
            if byte < 0x20 { throw JSONSyntaxError(offset: i, message: "a control character inside a string: write it as an escape such as \\n") }
            high |= byte
            i += 1
        }
        guard i < end else { throw JSONSyntaxError(offset: start - 1, message: "a string that is never closed") }
        let stop = i
        i += 1
        return (start..<stop, plain, high < 0x80)
    }

    private mutating func unescaped(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var k = range.lowerBound
        while k < range.upperBound {
            let byte = b[k]
            guard byte == UInt8(ascii: "\\") else { scratch.append(byte); k += 1; continue }
            guard k + 1 < range.upperBound else { throw JSONSyntaxError(offset: k, message: "a \\ at the end of a string") }
            let code = b[k + 1]
            k += 2
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(code)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"): scratch.append(contentsOf: try unicodeEscape(&k, range.upperBound))
            default: throw JSONSyntaxError(offset: k - 2, message: "an unknown escape \\\(Character(Unicode.Scalar(code)))")
            }
        }
        guard let text = String(validating: scratch, as: UTF8.self) else {
            throw JSONSyntaxError(offset: range.lowerBound, message: "a string that is not UTF-8")
        }
        return text
    }

    /// `\uXXXX` (its `\u` already read), or a surrogate pair `\uD83D\uDE00`, as UTF-8.
    private func unicodeEscape(_ k: inout Int, _ limit: Int) throws(JSONSyntaxError) -> [UInt8] {
        let at = k - 2
        guard let first = hex4(k, limit) else { throw JSONSyntaxError(offset: at, message: "\\u needs four hex digits") }
        k += 4
        var value = first
        if (0xD800..<0xDC00).contains(first) {
            guard k + 1 < limit, b[k] == UInt8(ascii: "\\"), b[k + 1] == UInt8(ascii: "u"),
                  let second = hex4(k + 2, limit), (0xDC00..<0xE000).contains(second) else {
                throw JSONSyntaxError(offset: at, message: "a high surrogate \\u without its low surrogate")
            }
            k += 6
            value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw JSONSyntaxError(offset: at, message: "a lone low surrogate \\u") }
        return Array(String(Character(scalar)).utf8)
    }

    private func hex4(_ k: Int, _ limit: Int) -> UInt32? {
        guard limit - k >= 4 else { return nil }
        var value: UInt32 = 0
        for j in k..<(k + 4) {
            let c = b[j]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Skips an array or object, strings inside it included, counting depth.
    mutating func skipNested() throws(JSONSyntaxError) {
        let start = i
        var depth = 0
        while i < end {
            let byte = b[i]
            i += 1
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return }
            case UInt8(ascii: "\""): _ = try string(decode: false)
            default: break
            }
        }
        throw JSONSyntaxError(offset: start, message: "an array or object that is never closed")
    }
}
