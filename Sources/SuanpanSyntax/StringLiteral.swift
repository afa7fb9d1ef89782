/// How a string is written back as a Suanpan literal, the lexer's escapes in
/// reverse: `"a\"b\n"`. Display, JSON and the canonical tree all quote through it.
public enum StringLiteral {
    /// The literal, with control characters other than \n \r \t as `\u{X}`.
    public static func quoted(_ s: String) -> String {
        quoted(s) { "\\u{\(String($0, radix: 16, uppercase: true))}" }
    }

    /// Quotes and escapes; control characters other than \n \r \t go through `control`
    /// (JSON writes them as `\u00XX`).
    public static func quoted(_ s: String, control: (UInt32) -> String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where ch.value < 0x20 || ch.value == 0x7F: out += control(ch.value)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
