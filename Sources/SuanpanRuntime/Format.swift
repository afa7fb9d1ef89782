import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// How values read to a person: money with thousands separators and its
/// currency's decimals, percentages and rates with '%', durations with units.
/// The type says how to show a decimal (0.025 is "2.5%" as a percent).
public enum Format {
    /// The most a display writes, in bytes of text: a value that shares one big list many
    /// times (`[xs for i in range(1, 1000)]`) is far longer written out than it is in memory.
    /// A longer display stops there and says so (`cutNote`); `text(…)` and `format(…)`,
    /// whose strings must be whole, are an error instead, and JSON counts against the run's memory.
    public static let displayLimit = 20_000_000
    /// What the REPL shows of one value at most: a terminal's worth, not a file's.
    public static let terminalLimit = 1_000_000

    /// What ends a display cut at `limit` bytes.
    public static func cutNote(_ limit: Int) -> String {
        " … (the display stops at \(FixedDecimal(limit).formatted(grouping: true)) characters: show a part, take(xs, 100), or write it all with --format json)"
    }

    /// Lists and records are written with an explicit stack into one string,
    /// so a value nested a million levels deep takes linear time and no stack;
    /// the walk stops once the text is longer than `limit` bytes.
    public static func display(_ v: Value, _ type: SType, quoteStrings: Bool = false, limit: Int = displayLimit) -> String {
        let (text, complete) = bounded(v, type, quoteStrings: quoteStrings, limit: limit)
        return complete ? text : cut(text, limit) + cutNote(limit)
    }

    /// The value as it displays, or nil when that is longer than `limit` bytes: what
    /// `text(…)` and `format(…)` make, which stop with the memory budget's error rather
    /// than build a giant string.
    public static func text(_ v: Value, _ type: SType, limit: Int) -> String? {
        let (text, complete) = bounded(v, type, quoteStrings: false, limit: limit)
        return complete ? text : nil
    }

    static func bounded(_ v: Value, _ type: SType, quoteStrings: Bool, limit: Int) -> (String, complete: Bool) {
        if let text = scalar(v, type, quoteStrings: quoteStrings) { return (text, text.utf8.count <= limit) }
        return written(v, type, .display, limit: limit) { scalar($0, $1, quoteStrings: true) }
    }

    /// The first `limit` bytes of `s`, cut between characters' scalars.
    static func cut(_ s: String, _ limit: Int) -> String {
        let utf8 = s.utf8
        guard utf8.count > limit else { return s }
        var end = utf8.index(utf8.startIndex, offsetBy: max(0, limit))
        while end > utf8.startIndex, end.samePosition(in: s.unicodeScalars) == nil { end = utf8.index(before: end) }
        return String(s.unicodeScalars[..<end])
    }

    /// How lists and records are spelled: as a person reads them, or as JSON.
    enum Spelling { case display, json }

    /// `v`, a list or a record, with every part inside it: scalars by `scalar`,
    /// lists and records by an explicit stack, never by recursion. Stops as soon as the
    /// text is longer than `limit` bytes: `complete` is then false.
    static func written(_ v: Value, _ type: SType, _ spelling: Spelling, limit: Int = .max,
                        scalar: (Value, SType) -> String?) -> (String, complete: Bool) {
        var out = ""
        var pending: [Composite] = []
        func open(_ value: Value, _ type: SType) {
            if let text = scalar(value, type) { out += text; return }
            guard let composite = Composite(value, type, spelling) else { return }
            out += composite.opening
            pending.append(composite)
        }
        open(v, type)
        while !pending.isEmpty {
            if out.utf8.count > limit { return (out, false) }
            let top = pending.count - 1
            guard let (value, type) = pending[top].advance(&out) else {
                out += pending[top].closing
                pending.removeLast()
                continue
            }
            open(value, type)
        }
        return (out, out.utf8.count <= limit)
    }

    /// A list or record being written: its parts and how far it has got.
    struct Composite {
        let values: [Value]
        /// The element type of a list; the fields of a record.
        let element: SType
        let fields: [RecordType.Field]?
        let spelling: Spelling
        let opening: String, closing: String
        var index = 0

        init?(_ v: Value, _ type: SType, _ spelling: Spelling) {
            self.spelling = spelling
            switch v {
            case .list(let items):
                values = items
                if case .list(let e) = type { element = e } else { element = .anything }
                fields = nil
                switch spelling {
                case .display: (opening, closing) = ("[", "]")
                case .json: (opening, closing) = ("{\"type\":\"list\",\"value\":[", "]}")
                }
            case .record(let r):
                values = r.fields
                element = .anything
                fields = r.type.fields
                switch spelling {
                // A row prints as it is written: (merchant: "a", total: 10.00 CNY).
                case .display: (opening, closing) = r.type.isRow ? ("(", ")") : ("\(r.type.name) { ", " }")
                case .json: (opening, closing) = ("{\"type\":\"record\",\"name\":\(Format.jsonString(r.type.name)),\"value\":{", "}}")
                }
            default:
                return nil
            }
        }

        /// The next part with its type, after writing the separator and field name; nil at the end.
        mutating func advance(_ out: inout String) -> (Value, SType)? {
            guard index < values.count else { return nil }
            let field = fields.map { index < $0.count ? $0[index] : RecordType.Field(name: "_", type: .anything) }
            // JSON has no name for a value past the record's fields: it stops there.
            if spelling == .json, let fields, index >= fields.count { return nil }
            defer { index += 1 }
            switch spelling {
            case .display:
                if index > 0 { out += ", " }
                if let field { out += field.name + ": " }
            case .json:
                if index > 0 { out += "," }
                if let field { out += Format.jsonString(field.name) + ":" }
            }
            return (values[index], field?.type ?? element)
        }
    }

    /// A value that is not a list or a record, as text; nil for lists and records.
    static func scalar(_ v: Value, _ type: SType, quoteStrings: Bool) -> String? {
        switch (v, type) {
        case (.money(let d, let c), .flow(_, let p)):
            return money(d, c) + "/\(p.rawValue)"
        case (.money(let d, let c), _):
            return money(d, c)
        case (.decimal(let d), .percent):
            return percent(d) + "%"
        case (.decimal(let d), .rate(let p)):
            return percent(d) + "%/\(p.rawValue)"
        case (.decimal(let d), .duration(let u)):
            let one = d.magnitude == .one
            return "\(d.formatted(grouping: true)) \(u.word(singular: one))"
        case (.decimal(let d), _):
            return d.formatted(grouping: false)
        case (.bool(let b), _):
            return b ? "true" : "false"
        case (.string(let s), _):
            return quoteStrings ? quoted(s) : s
        case (.date(let d), _):
            return d.description
        case (.roundingMode(let m), _):
            return m.rawValue
        case (.list, _), (.record, _):
            return nil
        }
    }

    public static func money(_ d: FixedDecimal, _ c: Currency) -> String {
        "\(d.formatted(minFractionDigits: c.minorUnits, grouping: true)) \(c.code)"
    }

    /// The fraction as a percentage: 0.146 → "14.6". Shifting the point in the
    /// text keeps every digit and cannot overflow.
    static func percent(_ d: FixedDecimal) -> String {
        var text = d.description
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var fraction = parts.count > 1 ? parts[1] : ""
        fraction += String(repeating: "0", count: max(0, 2 - fraction.count))
        var whole = (parts[0] + fraction.prefix(2)).drop { $0 == "0" }
        if whole.isEmpty { whole = "0" }
        parts = [String(whole), String(fraction.dropFirst(2))]
        let tail = parts[1].reversed().drop { $0 == "0" }
        let result = tail.isEmpty ? parts[0] : parts[0] + "." + String(tail.reversed())
        return negative ? "-" + result : result
    }

    /// A string as a Suanpan literal: `"a\"b\n"`.
    public static func quoted(_ s: String) -> String { StringLiteral.quoted(s) }

    /// Quotes and escapes; control characters other than \n \r \t go through `control`.

    /// The value as one JSON object: {"type":"money","value":"1200.00","currency":"CNY"}.
    /// Decimal values are exact strings, never JSON numbers.
    /// Lists and records are written with an explicit stack, like `display`:
    /// {"type":"list","value":[…]} and {"type":"record","name":"R","value":{"f":…}}.
    public static func json(_ v: Value, _ type: SType) -> String {
        written(v, type, .json) { jsonScalar($0, $1) }.0
    }

    /// The JSON, or nil when it is longer than `limit` bytes (the walk stops there).
    public static func json(_ v: Value, _ type: SType, limit: Int) -> String? {
        let (text, complete) = written(v, type, .json, limit: limit) { jsonScalar($0, $1) }
        return complete ? text : nil
    }

    static func jsonScalar(_ v: Value, _ type: SType) -> String? {
        // The keys are plain words: written as they are, with no escaping to look for.
        func object(_ pairs: [(String, String)]) -> String {
            var out = "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += "\"" + key + "\":" + value
            }
            return out + "}"
        }
        switch (v, type) {
        case (.money(let d, let c), .flow(_, let p)):
            return object([("type", jsonString("flow")), ("value", jsonString(d.formatted(minFractionDigits: c.minorUnits))),
                           ("currency", jsonString(c.code)), ("per", jsonString(p.rawValue))])
        case (.money(let d, let c), _):
            return object([("type", jsonString("money")), ("value", jsonString(d.formatted(minFractionDigits: c.minorUnits))),
                           ("currency", jsonString(c.code))])
        case (.decimal(let d), .rate(let p)):
            return object([("type", jsonString("rate")), ("value", jsonString(d.description)), ("per", jsonString(p.rawValue))])
        case (.decimal(let d), .duration(let u)):
            return object([("type", jsonString("duration")), ("value", jsonString(d.description)), ("unit", jsonString(u.rawValue))])
        case (.decimal(let d), _):
            let name = type == .percent ? "percent" : type == .int ? "int" : "number"
            return object([("type", jsonString(name)), ("value", jsonString(d.description))])
        case (.bool(let b), _):
            return object([("type", jsonString("bool")), ("value", b ? "true" : "false")])
        case (.string(let s), _):
            return object([("type", jsonString("string")), ("value", jsonString(s))])
        case (.date(let d), _):
            return object([("type", jsonString("date")), ("value", jsonString(d.description))])
        case (.roundingMode(let m), _):
            return object([("type", jsonString("rounding_mode")), ("value", jsonString(m.rawValue))])
        case (.list, _), (.record, _):
            return nil
        }
    }

    public static func jsonString(_ s: String) -> String { JSONString.quoted(s) }
}
