import SuanpanChecker
import SuanpanRuntime

/// How the REPL shows a value: `105.60 CNY : money<CNY>`, and a list of
/// records as an aligned table (numbers and money right-aligned) with its type
/// on the line after.
enum Display {
    static func value(_ v: Value, _ type: SType) -> String {
        if case .list(let items) = v, case .list(.record(let record)) = type, !items.isEmpty {
            return table(items, record) + "\n: \(type)"
        }
        return "\(Format.display(v, type, quoteStrings: true)) : \(type)"
    }

    static func table(_ rows: [Value], _ record: RecordType) -> String {
        let header = record.fields.map(\.name)
        var cells: [[String]] = []
        for row in rows {
            guard case .record(let r) = row else { continue }
            cells.append(zip(r.fields, record.fields).map { Format.display($0, $1.type, quoteStrings: true) })
        }
        let rightAligned = record.fields.map { $0.type.isNumeric }
        let widths = header.indices.map { i in ([header[i]] + cells.map { $0[i] }).map(width).max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - width(row[i]))
                return rightAligned[i] ? pad + row[i] : row[i] + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n")
    }

    /// Terminal cells: CJK characters take two.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            n + ((0x1100...0x115F).contains(u.value) || (0x2E80...0xA4CF).contains(u.value) || (0xAC00...0xD7A3).contains(u.value)
                || (0xF900...0xFAFF).contains(u.value) || (0xFF00...0xFF60).contains(u.value) ? 2 : 1)
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
