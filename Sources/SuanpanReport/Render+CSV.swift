import SuanpanValues

// The CSV forms, tidy and long: one record per (section, key, line) so that a spreadsheet or a
// data frame can pivot it any way. Amounts are exact (`FixedDecimal.description`: no grouping,
// every digit), and sections are `total`, `period` and `by_<name>` for each breakdown. Row
// totals are not repeated as a pseudo-line: they are the sums of a key's amounts.

extension Render {
    /// `section,key,line,amount,accounts,charged`, one record per line of each row.
    public static func csv(_ report: ScenarioReport) -> String {
        var csv = CSVWriter(header: ["section", "key", "line", "amount", "accounts", "charged"])
        func add(_ section: String, _ row: ScenarioReport.Row) {
            for (line, amount) in zip(report.lines, amounts(row, report.lines.count)) {
                csv.add([section, row.key, line, amount.description, String(row.accounts), String(row.charged)])
            }
        }
        add("total", report.whole)
        for row in report.periods { add("period", row) }
        for breakdown in report.breakdowns {
            for row in breakdown.rows { add("by_" + breakdown.name, row) }
        }
        return csv.text
    }

    /// `section,key,line,baseline,variant,change`, one record per line of each row of either
    /// run; a change outside the decimal range reads `overflow`.
    public static func csv(_ c: ScenarioComparison) -> String {
        let model = ComparisonModel(c)
        var csv = CSVWriter(header: ["section", "key", "line", "baseline", "variant", "change"])
        func add(_ section: String, _ row: DeltaRow) {
            for (line, d) in zip(model.lines, row.lines) {
                csv.add([section, row.key, line, d.baseline.description, d.variant.description,
                         d.change?.description ?? "overflow"])
            }
        }
        add("total", model.whole)
        for row in model.periods { add("period", row) }
        for breakdown in model.breakdowns {
            for row in breakdown.rows { add("by_" + breakdown.name, row) }
        }
        return csv.text
    }
}
