import SuanpanValues

// The terminal form of a comparison: what the variant changes, then baseline, variant, change
// and change % for each line and the total, the same for the total of every segment of each
// breakdown, and the explanation of the change.

extension Render {
    /// The comparison as text for a terminal.
    public static func comparison(_ c: ScenarioComparison) -> String {
        let model = ComparisonModel(c)
        var out = "\(ReportHeading.title(c.variant)) against \(ReportHeading.title(c.baseline)) · \(c.baseline.currency)\n"
        if c.baseline.currency != c.variant.currency {
            out += "warning: the variant is in \(c.variant.currency), the baseline in \(c.baseline.currency)\n"
        }
        out += c.changes.isEmpty ? "changes: none\n" : "changes:\n" + c.changes.map { "  \(TextTable.clean($0))\n" }.joined()
        out += "\n"
        var lines = deltaTable(firstColumn: "line", model.format)
        for (i, line) in model.lines.enumerated() { lines.add([line] + deltaCells(model.whole.lines[i], model.format)) }
        if !model.lines.isEmpty { lines.addRule() }
        lines.add(["total"] + deltaCells(model.whole.total, model.format))
        out += lines.rendered()
        for breakdown in model.breakdowns {
            var table = deltaTable(firstColumn: breakdown.name, model.format)
            for row in breakdown.rows { table.add([row.key] + deltaCells(row.total, model.format)) }
            out += "\n" + table.rendered()
        }
        return out + "\n" + explanation(c)
    }

    static func deltaTable(firstColumn: String, _ format: AmountFormat) -> TextTable {
        TextTable(header: [firstColumn, "baseline", "variant", "change", "change %"],
                  alignments: [.left, .right, .right, .right, .right])
    }

    /// Baseline, variant, change and change % as text; an overflowing change reads `overflow`.
    static func deltaCells(_ d: Delta, _ format: AmountFormat) -> [String] {
        [format.money(d.baseline), format.money(d.variant), d.change.map(format.change) ?? "overflow", d.percent.text]
    }
}
