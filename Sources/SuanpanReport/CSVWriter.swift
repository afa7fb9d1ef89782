// RFC 4180 text: fields separated by commas, records ended by CRLF, and a field quoted (with
// its quotes doubled) exactly when it holds a comma, a quote, a CR or an LF.

struct CSVWriter {
    private(set) var text = ""

    init(header: [String]) {
        add(header)
    }

    mutating func add(_ fields: [String]) {
        text += fields.map(CSVWriter.field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        var quoted = "\""
        for ch in value {
            if ch == "\"" { quoted.append("\"") }
            quoted.append(ch)
        }
        return quoted + "\""
    }
}
