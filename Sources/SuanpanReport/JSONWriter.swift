import SuanpanValues
// JSON written by hand so that the bytes depend on the report alone: keys in the order the
// renderer writes them, two-space indentation, `\n` line ends, amounts as strings of exact
// decimals. (JSONSerialization would reorder keys and turn amounts into binary floats.)

/// A JSON value as the renderers build it; objects keep their keys in order.
indirect enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A string, or null for nil.
    static func optional(_ s: String?) -> JSONValue {
        s.map(JSONValue.string) ?? .null
    }

    /// The text of the value, nested lines indented by two spaces per level.
    func text(indent: Int) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            // Arrays of scalars on one line: a list of line names reads better that way.
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(into: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += JSONValue.spaces(indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += JSONValue.spaces(indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += JSONValue.spaces(indent + 1)
                JSONValue.writeString(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += JSONValue.spaces(indent) + "}"
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    static func spaces(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// A JSON string literal, through the one quoter (`JSONString` in SuanpanValues).
    static func writeString(_ s: String, into out: inout String) { out += JSONString.quoted(s) }
}
