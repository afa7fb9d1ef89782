// The one-line description of a report shared by the terminal table, the HTML page and the
// chart titles: what ran, over how many accounts, from where, over which periods.

enum ReportHeading {
    /// `huabei — Huabei fees · CNY · 1,000 accounts, 800 charged · data/a.csv · 12 months, 2021-01 to 2021-12 · 3 rows skipped`
    static func line(_ report: ScenarioReport) -> String {
        var parts = [title(report), report.currency]
        parts.append("\(AmountFormat.count(report.whole.accounts)) accounts, \(AmountFormat.count(report.whole.charged)) charged")
        if !report.source.isEmpty { parts.append(report.source) }
        parts.append(periods(report))
        if report.skippedRows > 0 {
            parts.append("\(AmountFormat.count(report.skippedRows)) row\(report.skippedRows == 1 ? "" : "s") skipped")
        }
        return parts.joined(separator: " · ")
    }

    /// `huabei — Huabei fees`, or the name alone when there is no title.
    static func title(_ report: ScenarioReport) -> String {
        guard let title = report.title, !title.isEmpty else { return report.name }
        return "\(report.name) — \(title)"
    }

    /// `12 months, 2021-01 to 2021-12`, `1 month, 2021-01`, `no periods`.
    static func periods(_ report: ScenarioReport) -> String {
        guard let first = report.periods.first, let last = report.periods.last else { return "no periods" }
        let count = PeriodLabel.count(report.periods.count, period: report.period)
        let from = PeriodLabel.of(first.key, period: report.period)
        guard report.periods.count > 1 else { return "\(count), \(from)" }
        return "\(count), \(from) to \(PeriodLabel.of(last.key, period: report.period))"
    }
}
