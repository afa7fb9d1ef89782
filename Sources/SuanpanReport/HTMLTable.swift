// An HTML table with a header, body rows and footer rows (the totals); number columns carry
// class "num" so the style sheet aligns them right. Every cell is escaped.

struct HTMLTable {
    var header: [String]
    /// Which columns hold numbers (right-aligned).
    var numeric: [Bool]
    var rows: [[String]] = []
    var footer: [[String]] = []

    init(header: [String], numeric: [Bool]) {
        self.header = header
        self.numeric = numeric
    }

    init(_ table: TextTable) {
        self.init(header: table.header, numeric: table.alignments.map { $0 == .right })
    }

    func rendered() -> String {
        var out = "<table>\n<thead>" + row(header, cell: "th") + "</thead>\n<tbody>\n"
        for r in rows { out += row(r, cell: "td") + "\n" }
        out += "</tbody>\n"
        if !footer.isEmpty {
            out += "<tfoot>\n" + footer.map { row($0, cell: "td") }.joined(separator: "\n") + "\n</tfoot>\n"
        }
        return out + "</table>\n"
    }

    private func row(_ cells: [String], cell: String) -> String {
        let body = cells.enumerated().map { i, text in
            let attributes = i < numeric.count && numeric[i] ? " class=\"num\"" : ""
            return "<\(cell)\(attributes)>\(XMLText.escape(text))</\(cell)>"
        }.joined()
        return "<tr>" + body + "</tr>"
    }
}
