// A plain-text table for terminals: a header, a rule under it, rows, optional rules between
// groups of rows. Columns are as wide as their widest cell in display columns (DisplayWidth),
// numbers align right and labels left, cells are separated by two spaces.

struct TextTable {
    enum Alignment { case left, right }

    /// One line of the table: cells, or a rule across the full width.
    enum Line {
        case cells([String])
        case rule
    }

    var header: [String]
    var alignments: [Alignment]
    var lines: [Line] = []

    init(header: [String], alignments: [Alignment]) {
        self.header = header
        self.alignments = alignments
    }

    mutating func add(_ cells: [String]) { lines.append(.cells(cells)) }
    mutating func addRule() { lines.append(.rule) }

    /// The table, one line per row, each ending in a newline, without trailing spaces.
    func rendered() -> String {
        let header = self.header.map(TextTable.clean)
        let rows: [[String]?] = lines.map { line in
            if case .cells(let cells) = line { return cells.map(TextTable.clean) }
            return nil
        }
        var widths = header.map(DisplayWidth.of)
        for case let row? in rows {
            for (i, cell) in row.enumerated() {
                let w = DisplayWidth.of(cell)
                if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
            }
        }
        let ruleText = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        var out = format(header, widths) + "\n" + ruleText + "\n"
        for row in rows {
            out += (row.map { format($0, widths) } ?? ruleText) + "\n"
        }
        return out
    }

    private func format(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (i, width) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : ""
            let alignment = i < alignments.count ? alignments[i] : .right
            parts.append(DisplayWidth.pad(cell, to: width, right: alignment == .right))
        }
        var line = parts.joined(separator: "  ")
        while line.last == " " { line.removeLast() }
        return line
    }

    /// A cell on one line: control characters would break the grid (a newline in a segment
    /// key) or drive the terminal (ESC starting an escape sequence), so they become spaces.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? " " : scalar) }
        return String(out)
    }

    /// C0, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }
}
