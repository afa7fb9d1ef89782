import SuanpanValues

// The charts as standalone SVG files: a report's revenue by period, stacked by line; a
// comparison's baseline and variant side by side, by period, or by line when there is a single
// period (a one-bar-pair chart by period would say little).

extension Render {
    /// Revenue by period as a stacked bar chart, one color per line (800×400 SVG 1.1).
    public static func svg(_ report: ScenarioReport) -> String {
        declaration + chart(report).element()
    }

    /// Baseline against variant as grouped bars, by period or by line (800×400 SVG 1.1).
    public static func svg(_ c: ScenarioComparison) -> String {
        declaration + chart(c).element()
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func chart(_ report: ScenarioReport) -> BarChart {
        let format = AmountFormat(currency: report.currency)
        let groups = report.periods.map { row in
            let label = PeriodLabel.of(row.key, period: report.period)
            let stack = zip(report.lines, amounts(row, report.lines.count)).enumerated().map { i, pair in
                BarChart.Segment(series: i, amount: pair.1, tooltip: "\(pair.0) \(label): \(format.money(pair.1))")
            }
            return BarChart.Group(label: label, bars: [stack])
        }
        return BarChart(title: "\(ReportHeading.title(report)): revenue by \(report.period)",
                        series: report.lines.enumerated().map { ($1, BarChart.color($0)) },
                        groups: groups, format: format)
    }

    static func chart(_ c: ScenarioComparison) -> BarChart {
        let model = ComparisonModel(c)
        let format = model.format
        func pair(_ label: String, _ d: Delta) -> BarChart.Group {
            BarChart.Group(label: label, bars: [
                [BarChart.Segment(series: 0, amount: d.baseline, tooltip: "baseline \(label): \(format.money(d.baseline))")],
                [BarChart.Segment(series: 1, amount: d.variant, tooltip: "variant \(label): \(format.money(d.variant))")],
            ])
        }
        let byLine = model.periods.count <= 1
        let groups = byLine
            ? zip(model.lines, model.whole.lines).map { pair($0, $1) }
            : model.periods.map { pair(PeriodLabel.of($0.key, period: c.baseline.period), $0.total) }
        let what = byLine ? "by line" : "by \(c.baseline.period)"
        return BarChart(title: "\(ReportHeading.title(c.variant)) against baseline: revenue \(what)",
                        series: [("baseline \(c.baseline.name)", "#a0aec0"), ("variant \(c.variant.name)", "#4e79a7")],
                        groups: groups, format: format)
    }
}
