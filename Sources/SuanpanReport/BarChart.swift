import SuanpanValues

// A bar chart as SVG 1.1: a title, a legend, a value axis with exact tick labels, and groups
// of bars along the bottom, each bar a stack of segments (positive ones upwards from zero,
// negative ones downwards). A report is one stacked bar per period; a comparison is a pair of
// bars (baseline, variant) per period or per line. The size is fixed and the text is fully
// determined by the chart, so equal charts give identical files.
//
// Amounts stay FixedDecimal throughout: stacks are exact sums, labels are exact. Double appears
// only where a value becomes a pixel coordinate.

struct BarChart: Sendable {
    struct Segment: Sendable {
        let series: Int
        let amount: FixedDecimal
        /// A tooltip: which line, which period, the exact amount.
        let tooltip: String
    }

    struct Group: Sendable {
        let label: String
        /// Bars side by side; each is a stack of segments.
        let bars: [[Segment]]
    }

    var title: String
    var series: [(name: String, color: String)]
    var groups: [Group]
    var format: AmountFormat

    static let width = 800.0
    static let height = 400.0
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
                          "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    static func color(_ i: Int) -> String { palette[i % palette.count] }

    /// The `<svg>` element (no XML declaration, so that HTML can hold it inline).
    func element() -> String {
        var svg = SVGBuilder()
        svg.open(width: BarChart.width, height: BarChart.height, label: title)
        svg.rect(x: 0, y: 0, width: BarChart.width, height: BarChart.height, fill: "#ffffff")
        svg.text(title, x: 16, y: 26, size: 16, anchor: "start", bold: true)
        let legendRows = drawLegend(&svg)
        let plot = Plot(left: 96, right: BarChart.width - 20, top: 44 + Double(legendRows) * 18 + 14,
                        bottom: BarChart.height - 44)
        do {
            let stacks = try groups.map { group in try group.bars.map(BarChart.extent) }
            let low = stacks.joined().map(\.low).min() ?? .zero
            let high = stacks.joined().map(\.high).max() ?? .zero
            let axis = AxisScale(low: low, high: high)
            drawAxis(&svg, axis, plot)
            try drawBars(&svg, axis, plot)
            if groups.isEmpty {
                svg.text("no periods", x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2,
                         size: 13, anchor: "middle", fill: "#666666")
            }
        } catch {
            svg.text("cannot draw: \(error)", x: 16, y: plot.top + 20, size: 13, anchor: "start", fill: "#b00020")
        }
        svg.close()
        return svg.text
    }

    struct Plot {
        let left, right, top, bottom: Double
        var height: Double { bottom - top }
        /// The pixel row of a value on the axis.
        func y(_ value: FixedDecimal, _ axis: AxisScale) -> Double { bottom - axis.fraction(value) * height }
    }

    /// The lowest and highest point a stack reaches: the sum of its negative and of its
    /// positive segments, exactly.
    static func extent(_ bar: [Segment]) throws(ArithmeticError) -> (low: FixedDecimal, high: FixedDecimal) {
        var low = FixedDecimal.zero
        var high = FixedDecimal.zero
        for s in bar {
            if s.amount.signum < 0 { low = try low.adding(s.amount) } else { high = try high.adding(s.amount) }
        }
        return (low, high)
    }

    /// Legend entries left to right, wrapping, in at most `maxLegendRows` rows (the rest are
    /// counted, not drawn, so the plot keeps its room); returns the number of rows used.
    func drawLegend(_ svg: inout SVGBuilder) -> Int {
        var x = 16.0
        var row = 0
        for (i, (name, color)) in series.enumerated() {
            let advance = 14 + SVGBuilder.textWidth(name, size: 12) + 18
            if x + advance > BarChart.width - 16 && x > 16 {
                row += 1
                x = 16
            }
            if row == BarChart.maxLegendRows {
                svg.text("… and \(series.count - i) more", x: 16, y: 44 + Double(row - 1) * 18 + 14, size: 11,
                         anchor: "start", fill: "#666666")
                return row + 1
            }
            let y = 44 + Double(row) * 18
            svg.rect(x: x, y: y - 9, width: 10, height: 10, fill: color)
            svg.text(name, x: x + 14, y: y, size: 12, anchor: "start")
            x += advance
        }
        return series.isEmpty ? 0 : row + 1
    }

    static let maxLegendRows = 4

    func drawAxis(_ svg: inout SVGBuilder, _ axis: AxisScale, _ plot: Plot) {
        for tick in axis.ticks {
            let y = plot.y(tick, axis)
            svg.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: tick.signum == 0 ? "#333333" : "#e0e0e0")
            svg.text(tick.formatted(grouping: true), x: plot.left - 6, y: y + 4, size: 11, anchor: "end")
        }
        svg.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, stroke: "#333333")
        svg.text(format.currencyCode, x: plot.left - 6, y: plot.top - 8, size: 11, anchor: "end", fill: "#666666")
    }

    func drawBars(_ svg: inout SVGBuilder, _ axis: AxisScale, _ plot: Plot) throws(ArithmeticError) {
        guard !groups.isEmpty else { return }
        let slot = (plot.right - plot.left) / Double(groups.count)
        // Label every k-th group so that labels do not overlap.
        let widest = groups.map { SVGBuilder.textWidth($0.label, size: 11) }.max() ?? 0
        let every = max(1, Int((widest + 8) / max(slot, 1)) + 1)
        for (g, group) in groups.enumerated() {
            let x0 = plot.left + Double(g) * slot
            let barCount = Double(max(group.bars.count, 1))
            let barWidth = max(slot * 0.75 / barCount, 1)
            for (b, bar) in group.bars.enumerated() {
                let x = x0 + slot * 0.125 + Double(b) * barWidth
                var up = FixedDecimal.zero
                var down = FixedDecimal.zero
                for segment in bar where segment.amount.signum != 0 {
                    let from = segment.amount.signum > 0 ? up : down
                    let to = try from.adding(segment.amount)
                    if segment.amount.signum > 0 { up = to } else { down = to }
                    let (y1, y2) = (plot.y(from, axis), plot.y(to, axis))
                    svg.rect(x: x, y: min(y1, y2), width: barWidth, height: abs(y2 - y1),
                             fill: series.indices.contains(segment.series) ? series[segment.series].color : "#999999",
                             tooltip: segment.tooltip)
                }
            }
            if g % every == 0 {
                svg.text(group.label, x: x0 + slot / 2, y: plot.bottom + 16, size: 11, anchor: "middle")
            }
        }
    }
}
