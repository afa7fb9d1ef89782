/// A JSON string literal: the one quoter every JSON writer in Suanpan uses (values,
/// reports, partial results, messages about specs). `"` and `\` are escaped, line
/// breaks and tabs as `\n \r \t`, other control characters and DEL as `\u00XX`, and
/// U+2028/U+2029 as `\u2028`/`\u2029` so that the text is valid JavaScript too.
public enum JSONString {
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}", _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
