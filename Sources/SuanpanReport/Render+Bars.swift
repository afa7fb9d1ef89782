import SuanpanValues

// A compact chart for the REPL: one horizontal bar per period, drawn with the eighth-block
// characters so that a bar's length has eight steps per column, then the period's total.
//
//   2021-01  ████████████▍        1,020.50
//
// Bar lengths are the only place a Double appears: a fraction of a terminal column, never an
// amount. Negative totals draw their magnitude and keep their sign in the label.

extension Render {
    /// Bars of the period totals, the longest `width` columns long.
    public static func bars(_ report: ScenarioReport, width: Int) -> String {
        let format = AmountFormat(currency: report.currency)
        let columns = min(max(width, 1), 1_000)  // a sane terminal; keeps columns * 8 far from overflow
        guard !report.periods.isEmpty else { return "\(ReportHeading.title(report)): no periods\n" }
        let labels = report.periods.map { TextTable.clean(PeriodLabel.of($0.key, period: report.period)) }
        let totals = report.periods.map { format.money($0.total) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let whole = format.money(report.whole.total)
        let totalWidth = max(totals.map(DisplayWidth.of).max() ?? 0, DisplayWidth.of(whole))
        let largest = report.periods.map { Double($0.total.magnitude.units) }.max() ?? 0
        var out = "\(ReportHeading.title(report)) · \(report.currency) by \(report.period)\n"
        for (i, row) in report.periods.enumerated() {
            var eighths = largest > 0 ? Int((Double(row.total.magnitude.units) / largest * Double(columns * 8)).rounded()) : 0
            if eighths == 0 && row.total.signum != 0 { eighths = 1 }  // a small total is still not nothing
            let bar = blocks(min(max(eighths, 0), columns * 8))
            out += DisplayWidth.pad(labels[i], to: labelWidth, right: false) + "  "
                + DisplayWidth.pad(bar, to: columns, right: false) + "  "
                + DisplayWidth.pad(totals[i], to: totalWidth, right: true) + "\n"
        }
        return out + DisplayWidth.pad("total", to: labelWidth, right: false) + "  "
            + String(repeating: " ", count: columns) + "  " + DisplayWidth.pad(whole, to: totalWidth, right: true) + "\n"
    }

    /// `eighths` eighths of a column: full blocks, then one partial block.
    static func blocks(_ eighths: Int) -> String {
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
