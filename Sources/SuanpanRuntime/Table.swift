import SuanpanChecker
import SuanpanValues

/// Lists of records (and of rows) as tables: aligned for a person (the REPL,
/// `suanpan run` and `eval`), as CSV and as a flat JSON array for other programs.
extension Format {
    /// The items and their record type when a value is a list of records or rows.
    public static func records(_ v: Value, _ type: SType) -> ([Value], RecordType)? {
        guard case .list(let items) = v, case .list(.record(let record)) = type else { return nil }
        return (items, record)
    }

    /// Each record's fields as they are displayed, in the record's field order.
    static func cells(_ rows: [Value], _ record: RecordType, quoteStrings: Bool) -> [[String]] {
        rows.compactMap { row in
            guard case .record(let r) = row else { return nil }
            return zip(r.fields, record.fields).map { display($0, $1.type, quoteStrings: quoteStrings) }
        }
    }

    /// An aligned table: a header of field names, one line per record, numbers
    /// and money right-aligned, columns two spaces apart. Like a display, it stops once
    /// its cells pass `limit` bytes, with a last line saying how many rows are left out.
    public static func table(_ rows: [Value], _ record: RecordType, limit: Int = displayLimit) -> String {
        let header = record.fields.map(\.name)
        var cells: [[String]] = []
        var written = 0
        for row in rows where written <= limit {
            guard case .record(let r) = row else { continue }
            let line = zip(r.fields, record.fields).map { display($0, $1.type, quoteStrings: true, limit: max(0, limit - written)) }
            written += line.reduce(0) { $0 + $1.utf8.count }
            cells.append(line)
        }
        let left = rows.count - cells.count
        let omitted = left > 0
            ? "\n… and \(FixedDecimal(left).formatted(grouping: true)) more rows (the table stops at \(FixedDecimal(limit).formatted(grouping: true)) characters: "
                + "show a part, take(xs, 100), or write it all with --format json)"
            : ""
        let rightAligned = record.fields.map { $0.type.isNumeric }
        let widths = header.indices.map { i in ([header[i]] + cells.map { $0[i] }).map(width).max() ?? 0 }
        func line(_ row: [String]) -> String {
            var text = row.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - width(row[i]))
                return rightAligned[i] ? pad + row[i] : row[i] + pad
            }.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n") + omitted
    }

    /// CSV (RFC 4180 quoting): a header row of field names, then one row per
    /// record with the values as displayed (strings without quotes); a field
    /// with a comma, a double quote or a line break is quoted, its quotes doubled.
    /// Lines end with "\n".
    public static func csv(_ rows: [Value], _ record: RecordType) -> String {
        csv(rows, record, limit: .max) ?? ""
    }

    /// The CSV, or nil as soon as it is longer than `limit` bytes: written row by row.
    public static func csv(_ rows: [Value], _ record: RecordType, limit: Int) -> String? {
        func field(_ s: String) -> String {
            s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
        }
        var out = record.fields.map(\.name).map(field).joined(separator: ",") + "\n"
        for row in rows {
            guard case .record(let r) = row else { continue }
            out += zip(r.fields, record.fields).map { field(display($0, $1.type)) }.joined(separator: ",") + "\n"
            if out.utf8.count > limit { return nil }
        }
        return out
    }

    /// A list of records as a flat JSON array of objects, one per record, keyed
    /// by field name, each field in its JSON form (`json`):
    /// [{"period":{"type":"int","value":"1"},"payment":{"type":"money","value":"34.42","currency":"CNY"}}].
    public static func jsonRecords(_ rows: [Value], _ record: RecordType) -> String {
        jsonRecords(rows, record, limit: .max) ?? ""
    }

    /// The array, or nil as soon as it is longer than `limit` bytes.
    public static func jsonRecords(_ rows: [Value], _ record: RecordType, limit: Int) -> String? {
        var out = "["
        for row in rows {
            guard case .record(let r) = row else { continue }
            if out.count > 1 { out += "," }
            out += "{"
            for (i, (field, value)) in zip(record.fields, r.fields).enumerated() {
                guard let text = json(value, field.type, limit: max(0, limit - out.utf8.count)) else { return nil }
                out += (i > 0 ? "," : "") + jsonString(field.name) + ":" + text
            }
            out += "}"
            if out.utf8.count > limit { return nil }
        }
        return out + "]"
    }

    /// Terminal cells: CJK characters take two.
    public static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            n + ((0x1100...0x115F).contains(u.value) || (0x2E80...0xA4CF).contains(u.value) || (0xAC00...0xD7A3).contains(u.value)
                || (0xF900...0xFAFF).contains(u.value) || (0xFF00...0xFF60).contains(u.value) ? 2 : 1)
        }
    }
}
