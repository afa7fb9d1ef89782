import SuanpanValues

// The REPL's chart of a comparison: per period, the baseline's total and the variant's as two
// bars on one scale, then the change.
//
//   2021-01  baseline  ████████████▍        1,020.50
//            variant   ████████████▋        1,040.50  +20.00

extension Render {
    /// Baseline and variant totals per period as pairs of bars, the longest `width` columns long.
    public static func bars(_ c: ScenarioComparison, width: Int) -> String {
        let model = ComparisonModel(c)
        let format = model.format
        let columns = min(max(width, 1), 1_000)  // as in `bars(_:width:)` for a report
        var out = "\(ReportHeading.title(c.variant)) against \(ReportHeading.title(c.baseline)) · \(c.baseline.currency)\n"
        guard !model.periods.isEmpty else { return out + "no periods\n" }
        let labels = model.periods.map { TextTable.clean(PeriodLabel.of($0.key, period: c.baseline.period)) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let amounts = model.periods.flatMap { [format.money($0.total.baseline), format.money($0.total.variant)] }
        let amountWidth = amounts.map(DisplayWidth.of).max() ?? 0
        let largest = model.periods.map { max(Double($0.total.baseline.magnitude.units), Double($0.total.variant.magnitude.units)) }
            .max() ?? 0
        for (i, row) in model.periods.enumerated() {
            for (side, amount) in [("baseline", row.total.baseline), ("variant ", row.total.variant)] {
                let label = side == "baseline" ? labels[i] : ""
                // Double only for the length of the bar in eighths of a column.
                var eighths = largest > 0 ? Int((Double(amount.magnitude.units) / largest * Double(columns * 8)).rounded()) : 0
                if eighths == 0 && amount.signum != 0 { eighths = 1 }
                var line = DisplayWidth.pad(label, to: labelWidth, right: false) + "  " + side + "  "
                    + DisplayWidth.pad(blocks(min(max(eighths, 0), columns * 8)), to: columns, right: false) + "  "
                    + DisplayWidth.pad(format.money(amount), to: amountWidth, right: true)
                if side != "baseline" { line += "  " + (row.total.change.map(format.change) ?? "overflow") }
                out += line + "\n"
            }
        }
        let total = model.whole.total
        return out + "total: \(format.money(total.baseline)) → \(format.money(total.variant)) "
            + "(\(total.change.map(format.change) ?? "overflow"), \(total.percent.text))\n"
    }
}
