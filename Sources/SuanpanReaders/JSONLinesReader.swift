import SuanpanData

/// JSON Lines: one JSON object per line, blank lines skipped. The columns are the
/// keys of the first object; a later object may leave a key out (a missing cell)
/// or add one (ignored).
public struct JSONLinesReader: DataReader {
    public init() {}
    public var name: String { "jsonl" }
    public var extensions: [String] { ["jsonl", "ndjson"] }
    public var summary: String { "JSON Lines: one JSON object per line, numbers kept exact" }
    public var options: [(name: String, summary: String)] { [] }

    public func open(path: String, options: [String: String]) throws(DataError) -> any RowSource {
        try JSONLinesSource(path: path, input: ChunkBuffer(stream: FileStream(path: path)))
    }
}

final class JSONLinesSource: RowSource {
    private(set) var columnNames: [String] = []
    private let path: String
    private let input: ChunkBuffer
    private var index: [String: Int] = [:]
    /// The column names' UTF-8, compared with keys as written.
    private var nameBytes: [[UInt8]] = []
    private var used: [Bool] = []
    /// The line the next line read is (1-based).
    private var line = 1
    private var rows = 0
    private var cells: [Cell] = []
    /// The first object, read to learn the columns, waiting to be returned as a row.
    private var first: (cells: [Cell], line: Int)?
    /// The first object's keys holding arrays or objects: an error once a used column is one.
    private var firstNested: [(key: String, what: String)] = []

    init(path: String, input: ChunkBuffer) throws(DataError) {
        self.path = path
        self.input = input
        try input.skipByteOrderMark()
        guard let (range, at) = try nextLine() else { return }
        rows = 1
        var keys: [String] = []
        var values: [JSONScalar] = []
        try parse(range, at: at, column: { key in
            let name = Self.name(key)
            if let k = keys.firstIndex(of: name) { return k }
            keys.append(name)
            values.append(.null)
            return keys.count - 1
        }, wants: { _ in true }) { k, value in values[k] = value }
        columnNames = keys
        nameBytes = keys.map { Array($0.utf8) }
        for (k, key) in keys.enumerated() { index[key] = k }
        used = Array(repeating: true, count: keys.count)
        first = (values.map(Self.plainCell), at)
        firstNested = zip(keys, values).compactMap { key, value in
            if case .nested(let what) = value { return (key, what) } else { return nil }
        }
    }

    func useColumns(_ used: [Bool]) {
        guard used.count == columnNames.count else { return }
        self.used = used
        // The first row's cells were made before the used columns were known.
        if let row = first {
            first = (row.cells.enumerated().map { used[$0.offset] ? $0.element : .missing }, row.line)
        }
    }

    func read(into batch: inout RawBatch, limit: Int) throws(DataError) -> Bool {
        var n = 0
        if let row = first, limit > 0 {
            first = nil
            if let bad = firstNested.first(where: { index[$0.key].map { used[$0] } ?? false }) {
                throw nestedError(bad.key, bad.what, line: row.line)
            }
            batch.append(row: row.cells, line: row.line)
            n += 1
        }
        while n < limit {
            guard let (range, at) = try nextLine() else { return false }
            rows += 1
            try row(range, at: at)
            batch.append(row: cells, line: at)
            n += 1
        }
        return true
    }

    private func row(_ range: Range<Int>, at: Int) throws(DataError) {
        // Locals, not properties, while the line is parsed: no exclusivity checks per key.
        var cells = self.cells
        self.cells = []
        defer { self.cells = cells }
        cells.removeAll(keepingCapacity: true)
        cells.append(contentsOf: repeatElement(.missing, count: columnNames.count))
        var nested: (key: Int, what: String)?
        var guess = 0
        let used = self.used
        try parse(range, at: at, column: { key in columnIndex(key, guess: &guess) }, wants: { used[$0] }) { k, value in
            guard used[k] else { return }
            if case .nested(let what) = value { nested = nested ?? (k, what); return }
            cells[k] = Self.plainCell(value)
        }
        if let nested { throw nestedError(columnNames[nested.key], nested.what, line: at) }
    }

    /// The column of a key: objects usually repeat the first one's order, so the column
    /// after the last one found is tried first, comparing bytes.
    private func columnIndex(_ key: JSONKey, guess: inout Int) -> Int? {
        if case .bytes(let bytes) = key, guess < nameBytes.count,
           nameBytes[guess].withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
            guess += 1
            return guess - 1
        }
        guard let k = index[Self.name(key)] else { return nil }
        guess = k + 1
        return k
    }

    static func name(_ key: JSONKey) -> String {
        switch key {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .text(let text): text
        }
    }

    private func nestedError(_ key: String, _ what: String, line: Int) -> DataError {
        DataError(file: path, line: line, row: rows, column: key, "key '\(key)' holds \(what); a column holds one value",
                  hint: "write one number, string, true, false or null for '\(key)'")
    }

    static func plainCell(_ value: JSONScalar) -> Cell {
        switch value {
        case .string(let s): .text(s)
        case .number(let text, let integer): integer.map { .integer($0) } ?? .number(text)
        case .bool(let b): .bool(b)
        case .null, .nested: .missing
        }
    }

    private func parse(_ range: Range<Int>, at: Int, column: (JSONKey) -> Int?, wants: (Int) -> Bool,
                       _ visit: (Int, JSONScalar) -> Void) throws(DataError) {
        let failure: JSONSyntaxError? = input.bytes.withUnsafeBufferPointer { b in
            var parser = JSONLineParser(b, range)
            do throws(JSONSyntaxError) { try parser.object(column, wants: wants, visit) } catch { return error }
            return nil
        }
        guard let failure else { return }
        let column = input.bytes.withUnsafeBufferPointer { b in characterColumn(b, range.lowerBound, failure.offset) }
        throw DataError(file: path, line: at, row: rows, "character \(column): \(failure.message)",
                        hint: "write one JSON object per line, such as {\"id\": \"A1\", \"balance\": 2000.00}")
    }

    /// Characters (not bytes) from the line's start to `offset`, 1-based.
    private func characterColumn(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ offset: Int) -> Int {
        var n = 1
        for k in start..<min(offset, b.count) where b[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The next non-blank line's bytes (without its line end) and its number; nil at the end.
    /// Each pass consumes a line or reads a chunk, so the loop is bounded by the file.
    private func nextLine() throws(DataError) -> (Range<Int>, Int)? {
        var searched = input.start
        while true {
            searched = max(searched, input.start)
            let found: Int? = input.bytes.withUnsafeBufferPointer { b in
                var k = searched
                while k < b.count, b[k] != 0x0A { k += 1 }
                return k < b.count ? k : nil
            }
            let stop: Int
            if let found {
                stop = found
            } else if !input.atEnd {
                guard input.pending <= maximumRowBytes else {
                    throw DataError(file: path, line: line, "a line longer than 64 MiB", hint: "write one object per line")
                }
                let consumed = input.start
                _ = try input.refill()
                searched = input.bytes.count > 0 ? max(0, searched - consumed) : 0
                continue
            } else if input.pending > 0 {
                stop = input.bytes.count
            } else {
                return nil
            }
            let at = line
            var range = input.start..<stop
            input.start = min(stop + 1, input.bytes.count)
            line += 1
            if range.upperBound > range.lowerBound, input.bytes[range.upperBound - 1] == 0x0D { range = range.lowerBound..<(range.upperBound - 1) }
            if isBlank(range) { continue }
            return (range, at)
        }
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        input.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
