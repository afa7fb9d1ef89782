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
    private var shard: Shard?
    private var spans: [FieldSpan] = []
    private var cells: [Cell] = []
    private var unescaped: [UInt8] = []

    /// The file's size in bytes, for `fractionRead`; an estimate for a file decoded from GBK.
    private lazy var size: Int? = {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : nil
    }()

    var fractionRead: Double? {
        guard let size else { return nil }
        // Progress only: a Double is fine for how far along a read is.
        return min(1, max(0, Double(input.consumed) / Double(size)))
    }

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
        var names: [String] = []
        for span in spans {
            var scratch: [UInt8] = []
            let name = input.bytes.withUnsafeBufferPointer { b in Self.text(b, span, &scratch) }
            guard let name else {
                throw input.bytes.withUnsafeBufferPointer { b in
                    NotUTF8.error(UnsafeBufferPointer(rebasing: b[span.start..<span.end]), path: path, line: headerLine, declared: encoding)
                }
            }
            names.append(name)
        }
        columnNames = names.map { trimmedName($0) }
        used = Array(repeating: true, count: names.count)
    }

    func useColumns(_ used: [Bool]) {
        if used.count == columnNames.count { self.used = used }
    }

    func useRows(of shard: Shard) {
        if shard.count > 1, shard.index >= 0, shard.index < shard.count { self.shard = shard }
    }

    /// Why a pass over the buffered bytes stopped.
    private enum Stop {
        case filled
        case scan(Scan)
        case ragged(line: Int, fields: Int)
        case notUTF8(line: Int, span: FieldSpan)
    }

    func read(into batch: inout RawBatch, limit: Int) throws(DataError) -> Bool {
        var n = 0
        // The hot loop runs on locals: class properties would cost an exclusivity
        // check on every access.
        var spans = self.spans, cells = self.cells, scratch = self.unescaped
        self.spans = []
        self.cells = []
        self.unescaped = []
        defer {
            self.spans = spans
            self.cells = cells
            self.unescaped = scratch
        }
        let used = self.used, delimiter = self.delimiter, columns = columnNames.count, shard = self.shard
        let skippedRow = Array(repeating: Cell.missing, count: columns)
        // Each pass fills the batch, or stops for more bytes, the end or an error; a pass
        // that needs more bytes reads a chunk, so the passes are bounded by the file.
        while n < limit {
            var line = self.line, rows = self.rows, position = input.start
            let atEnd = input.atEnd
            let stop: Stop = input.bytes.withUnsafeBufferPointer { b in
                while n < limit {
                    let scan = CSVSplitter.scan(b, from: position, atEnd: atEnd, delimiter: delimiter, line: line, spans: &spans)
                    guard case .record(let next, let newlines) = scan else { return .scan(scan) }
                    let recordLine = line
                    line += newlines
                    position = next
                    if spans.count == 1, !spans[0].quoted, spans[0].start == spans[0].end { continue }
                    rows += 1
                    guard spans.count == columns else { return .ragged(line: recordLine, fields: spans.count) }
                    if let shard, (rows - 1) % shard.count != shard.index {
                        // Another shard's row: counted, but no String is made for it.
                        batch.append(row: skippedRow, line: recordLine)
                        n += 1
                        continue
                    }
                    // One row's cells, overwritten in place: clearing and refilling the array
                    // went through a generic replaceSubrange on every row.
                    if cells.count != columns { cells = Array(repeating: .missing, count: columns) }
                    for i in 0..<columns {
                        let span = spans[i]
                        if !used[i] || (!span.quoted && span.start == span.end) {
                            cells[i] = .missing
                        } else if let text = Self.text(b, span, &scratch) {
                            cells[i] = .text(text)
                        } else {
                            return .notUTF8(line: recordLine, span: span)
                        }
                    }
                    batch.append(row: cells, line: recordLine)
                    n += 1
                }
                return .filled
            }
            self.line = line
            self.rows = rows
            input.start = position
            switch stop {
            case .filled: return true
            case .ragged(let at, let fields):
                throw DataError(file: path, line: at, row: rows,
                                "the row has \(fields) field\(fields == 1 ? "" : "s"); the header has \(columns)",
                                hint: "quote fields holding the delimiter, and give every row \(columns) fields")
            case .notUTF8(let at, let span):
                throw input.bytes.withUnsafeBufferPointer { b in
                    NotUTF8.error(UnsafeBufferPointer(rebasing: b[span.start..<span.end]), path: path, line: at, declared: encoding)
                }
            case .scan(.needMore):
                try refill()
            case .scan(.endOfFile), .scan(.record):
                return false
            case .scan(.unterminatedQuote(let opened)):
                throw Self.unterminated(path, opened)
            case .scan(.textAfterQuote(let at)):
                throw Self.textAfterQuote(path, at)
            }
        }
        return true
    }

    private func refill() throws(DataError) {
        guard input.pending <= maximumRowBytes else {
            throw DataError(file: path, line: line, "a row longer than 64 MiB",
                            hint: "check for a quote that is never closed on this line")
        }
        _ = try input.refill()
    }

    static func unterminated(_ path: String, _ line: Int) -> DataError {
        DataError(file: path, line: line, "a quote opened on this line is never closed",
                  hint: "close the quoted field with \", and write a quote inside it as \"\"")
    }

    static func textAfterQuote(_ path: String, _ line: Int) -> DataError {
        DataError(file: path, line: line, "text after a quoted field's closing quote",
                  hint: "quote the whole field, and write a quote inside it as \"\"")
    }

    /// A field's text: doubled quotes undone, and UTF-8 checked unless it is all ASCII;
    /// nil when it is not UTF-8.
    static func text(_ b: UnsafeBufferPointer<UInt8>, _ span: FieldSpan, _ scratch: inout [UInt8]) -> String? {
        let raw = UnsafeBufferPointer(rebasing: b[span.start..<span.end])
        guard span.escaped else {
            return span.ascii ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        var k = 0
        while k < raw.count {
            scratch.append(raw[k])
            k += raw[k] == CSVSplitter.quote ? 2 : 1
        }
        return span.ascii ? String(decoding: scratch, as: UTF8.self) : String(validating: scratch, as: UTF8.self)
    }

    /// Scans the next record (the header) into `spans` and returns its line; nil at the end. Blank lines
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
            case .needMore: try refill()
            case .endOfFile: return nil
            case .unterminatedQuote(let opened): throw Self.unterminated(path, opened)
            case .textAfterQuote(let at): throw Self.textAfterQuote(path, at)
            }
        }
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
