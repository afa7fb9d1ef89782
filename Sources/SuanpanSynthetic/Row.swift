/// One generated row, reused from row to row so that generation allocates nothing per row:
/// text cells are ranges of one byte buffer.
struct Row {
    enum Cell {
        case null
        case integer(Int64)
        case bool(Bool)
        /// bytes[start..<end], UTF-8.
        case text(start: Int, end: Int)
    }

    var bytes: [UInt8] = []
    var cells: [Cell] = []

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
    }

    /// Records the text appended to `bytes` since `start` as the next cell.
    mutating func endText(from start: Int) {
        cells.append(.text(start: start, end: bytes.count))
    }

    mutating func append(_ value: ChoiceValue, text: [UInt8]) {
        switch value {
        case .integer(let n): cells.append(.integer(n))
        case .bool(let b): cells.append(.bool(b))
        case .null: cells.append(.null)
        case .text:
            let start = bytes.count
            bytes.append(contentsOf: text)
            endText(from: start)
        }
    }

    /// Units at places: an integer cell at 0 places, exact decimal text otherwise.
    mutating func appendDecimal(units: Int64, places: Int) {
        guard places > 0 else { cells.append(.integer(units)); return }
        let start = bytes.count
        DecimalText.append(units: units, places: places, to: &bytes)
        endText(from: start)
    }
}

/// Where rows go: a CSV or SQLite file.
protocol RowSink {
    mutating func begin(_ fields: [Synthetic.Field]) throws
    mutating func write(_ row: Row) throws
    mutating func finish() throws
}

enum Generator {
    static func run<Sink: RowSink>(_ spec: Synthetic.Spec, into sink: inout Sink) throws {
        try sink.begin(spec.fields)
        var samplers = spec.fields.map { FieldSampler($0, seed: spec.seed) }
        // Only reached with a seed the spec checks accepted; nil leaves parkmiller fields null.
        var parkMiller = ParkMiller(seed: spec.seed)
        var row = Row()
        for index in 0..<spec.rows {
            row.reset()
            for i in samplers.indices {
                samplers[i].sample(row: Int64(index), parkMiller: &parkMiller, into: &row)
            }
            try sink.write(row)
        }
        try sink.finish()
    }
}
