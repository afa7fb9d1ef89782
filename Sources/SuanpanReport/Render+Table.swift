import SuanpanValues

// The terminal form of a report: the heading, a table of periods (each line, the total, the
// accounts charged) closed by the totals, then one table per breakdown.

extension Render {
    /// The report as aligned text tables for a terminal.
    public static func table(_ report: ScenarioReport) -> String {
        let format = AmountFormat(currency: report.currency)
        var out = ReportHeading.line(report) + "\n\n"
        out += periodTable(report, format).rendered()
        if !report.products.isEmpty { out += "\n" + productTable(report, format).rendered() }
        for breakdown in report.breakdowns {
            out += "\n" + breakdownTable(breakdown, report, format).rendered()
        }
        return out
    }

    static func periodTable(_ report: ScenarioReport, _ format: AmountFormat) -> TextTable {
        let header = ["period"] + report.lines + ["total", "charged"]
        var table = TextTable(header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
        func cells(_ row: ScenarioReport.Row, label: String) -> [String] {
            [label] + amounts(row, report.lines.count).map(format.money) + [format.money(row.total), AmountFormat.count(row.charged)]
        }
        for row in report.periods {
            table.add(cells(row, label: PeriodLabel.of(row.key, period: report.period)))
        }
        if !report.periods.isEmpty { table.addRule() }
        table.add(cells(report.whole, label: "total"))
        return table
    }

    /// Each product's lines and what they earn together.
    static func productTable(_ report: ScenarioReport, _ format: AmountFormat) -> TextTable {
        var table = TextTable(header: ["product", "lines", "total"], alignments: [.left, .left, .right])
        for p in report.products {
            table.add([p.name, p.lines.joined(separator: ", "), p.total.map(format.money) ?? "overflow"])
        }
        return table
    }

    static func breakdownTable(_ breakdown: ScenarioReport.Breakdown, _ report: ScenarioReport,
                               _ format: AmountFormat) -> TextTable {
        let header = [breakdown.name, "accounts", "charged"] + report.lines + ["total"]
        var table = TextTable(header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
        for row in breakdown.rows {
            table.add([row.key, AmountFormat.count(row.accounts), AmountFormat.count(row.charged)]
                      + amounts(row, report.lines.count).map(format.money) + [format.money(row.total)])
        }
        return table
    }

    /// The row's amounts, one per line: a row built with fewer amounts than lines shows zero
    /// for the missing ones rather than shifting the columns.
    static func amounts(_ row: ScenarioReport.Row, _ count: Int) -> [FixedDecimal] {
        (0..<count).map { $0 < row.amounts.count ? row.amounts[$0] : .zero }
    }
}
