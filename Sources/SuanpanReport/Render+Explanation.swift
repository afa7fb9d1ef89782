import SuanpanValues

// "What accounts for the change": the contributions of `Explain.change`, largest first, each
// with its share of the total change, closed by a line that adds them up and shows that the
// sum is the total change.

extension Render {
    /// The explanation of a comparison as text for a terminal.
    public static func explanation(_ c: ScenarioComparison) -> String {
        let format = AmountFormat(currency: c.baseline.currency)
        let contributions: [Contribution], total: FixedDecimal
        switch Explain.worked(c) {
        case .success(let worked): (contributions, total) = worked
        case .failure(let error): return "What accounts for the change: cannot be worked out: \(error)\n"
        }
        var out = "What accounts for the change of \(format.change(total)):\n"
        guard !contributions.isEmpty else { return out + "  nothing: the totals are equal\n" }
        let segmentHeader = contributions.first?.breakdown ?? "segment"
        let hasSegments = contributions.contains { $0.breakdown != nil }
        var table = TextTable(header: ["line"] + (hasSegments ? [segmentHeader] : []) + ["baseline", "variant", "change", "share"],
                              alignments: [.left] + (hasSegments ? [.left] : []) + Array(repeating: .right, count: 4))
        for item in contributions {
            table.add([item.line] + (hasSegments ? [segmentLabel(item)] : [])
                      + [format.money(item.baseline), format.money(item.variant), format.change(item.change),
                         PercentChange.of(item.change, base: total).text])
        }
        out += table.rendered()
        return out + sumLine(contributions, total: total, format)
    }

    /// The segment's key, or what a contribution without one stands for.
    static func segmentLabel(_ item: Contribution) -> String {
        if let segment = item.segment { return segment }
        guard let breakdown = item.breakdown else { return "" }
        return "(outside any \(breakdown))"
    }

    /// `sum of 4 contributions: +120.00 = total change +120.00`, from an exact sum.
    static func sumLine(_ contributions: [Contribution], total: FixedDecimal, _ format: AmountFormat) -> String {
        let count = "\(AmountFormat.count(contributions.count)) contribution\(contributions.count == 1 ? "" : "s")"
        guard let sum = try? Explain.sum(contributions) else { return "sum of \(count): overflow\n" }
        let relation = sum == total ? "=" : "≠"
        return "sum of \(count): \(format.change(sum)) \(relation) total change \(format.change(total))\n"
    }
}
