import SuanpanValues

// One self-contained HTML page: the report's heading, its chart and tables, and, given a
// comparison, the variant's changes, the comparison chart and tables and the explanation.
// Style sheet and charts are inline and nothing is fetched, so the file can be mailed or
// archived as it is; all text from the report is escaped.

extension Render {
    /// The report, and optionally a comparison, as one HTML document.
    public static func html(_ report: ScenarioReport, comparison: ScenarioComparison? = nil) -> String {
        let format = AmountFormat(currency: report.currency)
        var body = "<h1>\(XMLText.escape(ReportHeading.title(report)))</h1>\n"
        body += "<p class=\"meta\">\(XMLText.escape(ReportHeading.line(report)))</p>\n"
        body += "<figure>\n" + chart(report).element() + "</figure>\n"
        body += "<h2>By \(XMLText.escape(report.period))</h2>\n" + periodHTML(report, format).rendered()
        for breakdown in report.breakdowns {
            var table = HTMLTable(breakdownTable(breakdown, report, format))
            table.rows = breakdown.rows.map { row in
                [row.key, AmountFormat.count(row.accounts), AmountFormat.count(row.charged)]
                    + amounts(row, report.lines.count).map(format.money) + [format.money(row.total)]
            }
            body += "<h2>By \(XMLText.escape(breakdown.name))</h2>\n" + table.rendered()
        }
        if let comparison { body += comparisonHTML(comparison) }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(XMLText.escape(ReportHeading.title(report)))</title>
        <style>\(htmlStyle)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static let htmlStyle = """
    body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}\
    h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}.meta{color:#555}\
    table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .7em;border-bottom:1px solid #ddd;text-align:left}\
    th{border-bottom:2px solid #888}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\
    tfoot td{font-weight:bold;border-top:2px solid #888}figure{margin:1em 0}.sum{font-weight:bold}
    """

    static func periodHTML(_ report: ScenarioReport, _ format: AmountFormat) -> HTMLTable {
        var table = HTMLTable(periodTable(report, format))
        func cells(_ row: ScenarioReport.Row, _ label: String) -> [String] {
            [label] + amounts(row, report.lines.count).map(format.money) + [format.money(row.total), AmountFormat.count(row.charged)]
        }
        table.rows = report.periods.map { cells($0, PeriodLabel.of($0.key, period: report.period)) }
        table.footer = [cells(report.whole, "total")]
        return table
    }

    static func comparisonHTML(_ c: ScenarioComparison) -> String {
        let model = ComparisonModel(c)
        var out = "<h2>\(XMLText.escape(ReportHeading.title(c.variant))) against the baseline</h2>\n"
        out += c.changes.isEmpty ? "<p>No changes.</p>\n"
            : "<ul>\n" + c.changes.map { "<li><code>\(XMLText.escape($0))</code></li>\n" }.joined() + "</ul>\n"
        out += "<figure>\n" + chart(c).element() + "</figure>\n"
        var lines = HTMLTable(deltaTable(firstColumn: "line", model.format))
        lines.rows = zip(model.lines, model.whole.lines).map { [$0] + deltaCells($1, model.format) }
        lines.footer = [["total"] + deltaCells(model.whole.total, model.format)]
        out += lines.rendered()
        for breakdown in model.breakdowns {
            var table = HTMLTable(deltaTable(firstColumn: breakdown.name, model.format))
            table.rows = breakdown.rows.map { [$0.key] + deltaCells($0.total, model.format) }
            out += "<h3>By \(XMLText.escape(breakdown.name))</h3>\n" + table.rendered()
        }
        return out + explanationHTML(c, model.format)
    }

    static func explanationHTML(_ c: ScenarioComparison, _ format: AmountFormat) -> String {
        let contributions: [Contribution], total: FixedDecimal
        switch Explain.worked(c) {
        case .success(let worked): (contributions, total) = worked
        case .failure(let error):
            return "<h2>What accounts for the change</h2>\n<p>Cannot be worked out: \(XMLText.escape(error.description))</p>\n"
        }
        var out = "<h2>What accounts for the change of \(XMLText.escape(format.change(total)))</h2>\n"
        guard !contributions.isEmpty else { return out + "<p>Nothing: the totals are equal.</p>\n" }
        let hasSegments = contributions.contains { $0.breakdown != nil }
        var table = HTMLTable(header: ["line"] + (hasSegments ? [contributions.first?.breakdown ?? "segment"] : [])
                                  + ["baseline", "variant", "change", "share"],
                              numeric: [false] + (hasSegments ? [false] : []) + [true, true, true, true])
        table.rows = contributions.map { item in
            [item.line] + (hasSegments ? [segmentLabel(item)] : [])
                + [format.money(item.baseline), format.money(item.variant), format.change(item.change),
                   PercentChange.of(item.change, base: total).text]
        }
        out += table.rendered()
        let sum = sumLine(contributions, total: total, format).filter { $0 != "\n" }
        return out + "<p class=\"sum\">\(XMLText.escape(sum))</p>\n"
    }
}
