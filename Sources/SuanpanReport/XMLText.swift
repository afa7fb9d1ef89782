// Text inside SVG and HTML: the five XML specials as entities, and the characters XML 1.0
// forbids (control characters other than tab, LF and CR) replaced by U+FFFD, so that a line or
// segment named anything still yields a well-formed document. JUnit reports use it too.

public enum XMLText {
    /// In an attribute (`inAttribute`), line breaks and tabs are written as character
    /// references, since XML would turn them into spaces there.
    public static func escape(_ text: String, inAttribute: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r":
                if inAttribute { out += "&#\(scalar.value);" } else { out.unicodeScalars.append(scalar) }
            default:
                let v = scalar.value
                let allowed = v >= 0x20 && v != 0xFFFE && v != 0xFFFF
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
