#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SuanpanData

/// An open CSV file: the header read, then records a batch at a time.
final class CSVSource: RowSource {
    private(set) var columnNames: [String]
    private let path: String
    private let input: ChunkBuffer
    private let delimiter: UInt8
    private let encoding: TextEncoding
    /// The line the next record starts on (1-based).
    private var line = 1
    /// Data rows read so far, bad ones included.
    private var rows = 0
    private var used: [Bool]
    private var spans: [FieldSpan] = []
    private var cells: [Cell] = []
    private var unescaped: [UInt8] = []

    init(path: String, input: ChunkBuffer, delimiter: UInt8, encoding: TextEncoding) throws(DataError) {
        self.path = path
        self.input = input
        self.delimiter = delimiter
        self.encoding = encoding
        if encoding == .utf8 { try input.skipByteOrderMark() }
        columnNames = []
        used = []
        guard let headerLine = try nextRecord() else {
            throw DataError(file: path, "the file is empty", hint: "a CSV file needs a first row naming the columns")
        }
        let names = try input.bytes.withUnsafeBufferPointer { b throws(DataError) in
            try spans.map { span throws(DataError) in try text(b, span, line: headerLine) }
        }
        columnNames = names.map { trimmedName($0) }
        used = Array(repeating: true, count: names.count)
    }

    func useColumns(_ used: [Bool]) {
        if used.count == columnNames.count { self.used = used }
    }

    func read(into batch: inout RawBatch, limit: Int) throws(DataError) -> Bool {
        var n = 0
        while n < limit {
            guard let recordLine = try nextRecord() else { return false }
            rows += 1
            guard spans.count == columnNames.count else {
                throw DataError(file: path, line: recordLine, row: rows,
                                "the row has \(spans.count) field\(spans.count == 1 ? "" : "s"); the header has \(columnNames.count)",
                                hint: "quote fields holding the delimiter, and give every row \(columnNames.count) fields")
            }
            try makeCells(line: recordLine)
            batch.append(row: cells, line: recordLine)
            n += 1
        }
        return true
    }

    /// Scans the next record into `spans` and returns its line; nil at the end. Blank lines
    /// are not records. Each pass consumes a record, reads a chunk or ends, so the loop
    /// is bounded by the file.
    private func nextRecord() throws(DataError) -> Int? {
        while true {
            let scan = input.bytes.withUnsafeBufferPointer { b in
                CSVSplitter.scan(b, from: input.start, atEnd: input.atEnd, delimiter: delimiter, line: line, spans: &spans)
            }
            switch scan {
            case .record(let next, let newlines):
                let recordLine = line
                line += newlines
                input.start = next
                if spans.count == 1, !spans[0].quoted, spans[0].start == spans[0].end { continue }
                return recordLine
            case .needMore:
                guard input.pending <= maximumRowBytes else {
                    throw DataError(file: path, line: line, "a row longer than 64 MiB",
                                    hint: "check for a quote that is never closed on this line")
                }
                _ = try input.refill()
            case .endOfFile:
                return nil
            case .unterminatedQuote(let opened):
                throw DataError(file: path, line: opened, "a quote opened on this line is never closed",
                                hint: "close the quoted field with \", and write a quote inside it as \"\"")
            case .textAfterQuote(let at):
                throw DataError(file: path, line: at, "text after a quoted field's closing quote",
                                hint: "quote the whole field, and write a quote inside it as \"\"")
            }
        }
    }

    private func makeCells(line: Int) throws(DataError) {
        cells.removeAll(keepingCapacity: true)
        try input.bytes.withUnsafeBufferPointer { b throws(DataError) in
            for (i, span) in spans.enumerated() {
                if !used[i] || (!span.quoted && span.start == span.end) {
                    cells.append(.missing)
                } else {
                    cells.append(.text(try text(b, span, line: line)))
                }
            }
        }
    }

    /// A field's text: doubled quotes undone, and UTF-8 checked unless it is all ASCII.
    private func text(_ b: UnsafeBufferPointer<UInt8>, _ span: FieldSpan, line: Int) throws(DataError) -> String {
        let raw = UnsafeBufferPointer(rebasing: b[span.start..<span.end])
        if span.escaped {
            unescaped.removeAll(keepingCapacity: true)
            var k = 0
            while k < raw.count {
                unescaped.append(raw[k])
                k += raw[k] == CSVSplitter.quote ? 2 : 1
            }
            return try unescaped.withUnsafeBufferPointer { u throws(DataError) in try validated(u, ascii: span.ascii, line: line) }
        }
        return try validated(raw, ascii: span.ascii, line: line)
    }

    private func validated(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, line: Int) throws(DataError) -> String {
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw NotUTF8.error(bytes, path: path, line: line, declared: encoding)
    }

    private func trimmedName(_ name: String) -> String {
        var s = Substring(name)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// The message for bytes that are not UTF-8: most such files here are GBK or GB18030,
/// so when the bytes decode as GB18030 the message says so.
enum NotUTF8 {
    static func error(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int, declared: TextEncoding) -> DataError {
        let sample = hex(bytes.lazy.filter { $0 >= 0x80 }.prefix(4))
        if declared != .utf8 {
            return DataError(file: path, line: line, "the decoded text is not UTF-8 (\(sample))", hint: "check the declared encoding")
        }
        let looksChinese = decodes(bytes, from: "GB18030")
        let guess = looksChinese ? "; it looks like GBK or GB18030" : ""
        return DataError(file: path, line: line, "the file is not UTF-8 (bytes \(sample))\(guess)",
                         hint: looksChinese ? "declare encoding = \"gbk\" (or \"gb18030\") in the population"
                                            : "convert the file to UTF-8, or declare its encoding = \"gbk\" or \"gb18030\"")
    }

    static func decodes(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> Bool {
        guard let cd = iconv_open("UTF-8", encoding), Int(bitPattern: cd) != -1 else { return false }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 4)
        var inLeft = input.count, outLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                guard let ib = i.baseAddress, let ob = o.baseAddress else { return -1 }
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob).assumingMemoryBound(to: CChar.self)
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        return result != -1 && inLeft == 0
    }
}
