/// Splitting CSV bytes into records and fields (RFC 4180): fields separated by a
/// one-byte delimiter, records by LF, CRLF or CR; a field in double quotes may hold
/// delimiters, newlines and `""` for a quote. The splitter only finds where fields
/// are; it never copies bytes, so a row costs one pass over its bytes.
struct FieldSpan {
    var start: Int
    var end: Int
    var quoted: Bool
    /// A quoted field holding `""`: its text needs the doubled quotes undone.
    var escaped: Bool
    /// Whether every byte is ASCII: its text needs no UTF-8 validation.
    var ascii: Bool
}

enum Scan {
    /// A whole record: the next one starts at `next`; it spans `newlines` line ends.
    case record(next: Int, newlines: Int)
    /// The bytes end inside a record; more are needed (or the file ends here).
    case needMore
    case endOfFile
    case unterminatedQuote(openedOnLine: Int)
    case textAfterQuote(line: Int)
}

enum CSVSplitter {
    static let quote = UInt8(ascii: "\"")
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    /// Scans one record from `p`; `atEnd` says the bytes are all the file has left.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, from p: Int, atEnd: Bool, delimiter: UInt8,
                     line: Int, spans: inout [FieldSpan]) -> Scan {
        spans.removeAll(keepingCapacity: true)
        let end = b.count
        if p == end { return atEnd ? .endOfFile : .needMore }
        var i = p
        var newlines = 0
        while true {   // one pass per field; each consumes at least its terminator or ends the record
            var span = FieldSpan(start: i, end: i, quoted: false, escaped: false, ascii: true)
            if i < end, b[i] == quote {
                switch scanQuoted(b, &i, &span, &newlines, atEnd: atEnd) {
                case .needMore: return .needMore
                case .unterminated: return .unterminatedQuote(openedOnLine: line + newlines)
                case .closed: break
                }
                if i < end, b[i] != delimiter, b[i] != lf, b[i] != cr { return .textAfterQuote(line: line + newlines) }
            } else {
                var high: UInt8 = 0
                while i < end {
                    let byte = b[i]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    high |= byte
                    i &+= 1
                }
                span.end = i
                span.ascii = high < 0x80
            }
            spans.append(span)
            guard i < end else { return atEnd ? .record(next: i, newlines: newlines) : .needMore }
            let byte = b[i]
            i &+= 1
            if byte == delimiter { continue }
            if byte == cr {
                if i == end, !atEnd { return .needMore }
                if i < end, b[i] == lf { i &+= 1 }
            }
            return .record(next: i, newlines: newlines &+ 1)
        }
    }

    enum Quoted { case closed, needMore, unterminated }

    /// Scans a quoted field from its opening quote at `i` to just past its closing quote.
    private static func scanQuoted(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ span: inout FieldSpan,
                                   _ newlines: inout Int, atEnd: Bool) -> Quoted {
        let end = b.count
        let openedAt = newlines
        span.quoted = true
        i &+= 1
        span.start = i
        var high: UInt8 = 0
        while i < end {
            let byte = b[i]
            if byte == quote {
                if i &+ 1 < end, b[i &+ 1] == quote {
                    span.escaped = true
                    i &+= 2
                    continue
                }
                if i &+ 1 == end, !atEnd { return .needMore }
                span.end = i
                span.ascii = high < 0x80
                i &+= 1
                return .closed
            }
            if byte == lf { newlines &+= 1 }
            high |= byte
            i &+= 1
        }
        if atEnd {
            newlines = openedAt
            return .unterminated
        }
        return .needMore
    }
}
