/// RFC 4180 CSV: a header row, LF line ends, and a cell quoted only when it holds a comma, a
/// quote, CR or LF (quotes doubled inside). Booleans are true/false, null is an empty cell.
struct CSVSink: RowSink {
    private var file: BufferedFile

    init(path: String) throws(Synthetic.OutputError) {
        file = try BufferedFile(path: path)
    }

    mutating func begin(_ fields: [Synthetic.Field]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { try file.write(UInt8(ascii: ",")) }
            try writeText(Array(field.name.utf8)[...])
        }
        try file.write(UInt8(ascii: "\n"))
    }

    mutating func write(_ row: Row) throws {
        for (i, cell) in row.cells.enumerated() {
            if i > 0 { try file.write(UInt8(ascii: ",")) }
            switch cell {
            case .null: break
            case .integer(let n): try file.write(integer: n)
            case .bool(let b): try file.write(b ? CSVSink.trueText : CSVSink.falseText)
            case .text(let start, let end): try writeText(row.bytes[start..<end])
            }
        }
        try file.write(UInt8(ascii: "\n"))
    }

    mutating func finish() throws {
        try file.close()
    }

    static let trueText = Array("true".utf8)
    static let falseText = Array("false".utf8)

    static func needsQuotes(_ text: ArraySlice<UInt8>) -> Bool {
        text.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }

    private mutating func writeText(_ text: ArraySlice<UInt8>) throws(Synthetic.OutputError) {
        guard CSVSink.needsQuotes(text) else { try file.write(text); return }
        try file.write(UInt8(ascii: "\""))
        for byte in text {
            if byte == UInt8(ascii: "\"") { try file.write(byte) }
            try file.write(byte)
        }
        try file.write(UInt8(ascii: "\""))
    }
}
