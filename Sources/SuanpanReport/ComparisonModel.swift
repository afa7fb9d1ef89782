import SuanpanValues

// A comparison laid out cell by cell: every line, period and segment of either run, with the
// baseline amount, the variant amount and the exact change. Every output form of a comparison
// reads this, so they agree on which rows exist and what the differences are.
//
// The two runs usually have the same lines, periods and segments; when they do not (a variant
// that moves accounts into a new band), rows are matched by key and line by name, the baseline's
// order first, and an amount missing on one side is zero.

/// One amount beside its baseline.
struct Delta: Sendable, Equatable {
    let baseline: FixedDecimal
    let variant: FixedDecimal
    /// `variant - baseline`, exact; nil when it leaves the decimal range.
    let change: FixedDecimal?

    init(baseline: FixedDecimal, variant: FixedDecimal) {
        self.baseline = baseline
        self.variant = variant
        change = try? variant.subtracting(baseline)
    }

    var percent: PercentChange { PercentChange.change(self) }
}

/// A row of the comparison: one period, one segment, or the whole.
struct DeltaRow: Sendable, Equatable {
    let key: String
    /// One per line of `ComparisonModel.lines`.
    let lines: [Delta]
    let total: Delta
    let baselineAccounts: Int
    let variantAccounts: Int
}

struct ComparisonModel: Sendable {
    let lines: [String]
    let whole: DeltaRow
    let periods: [DeltaRow]
    /// The breakdowns by name, each with a row per segment.
    let breakdowns: [(name: String, rows: [DeltaRow])]
    let format: AmountFormat

    init(_ c: ScenarioComparison) {
        let lines = ComparisonModel.union(c.baseline.lines, c.variant.lines)
        let pair = LinePair(lines: lines, baseline: c.baseline.lines, variant: c.variant.lines)
        self.lines = lines
        whole = pair.row(key: c.baseline.whole.key, c.baseline.whole, c.variant.whole)
        periods = ComparisonModel.rows(c.baseline.periods, c.variant.periods, pair)
        let names = ComparisonModel.union(c.baseline.breakdowns.map(\.name), c.variant.breakdowns.map(\.name))
        breakdowns = names.map { name in
            let b = c.baseline.breakdowns.first { $0.name == name }?.rows ?? []
            let v = c.variant.breakdowns.first { $0.name == name }?.rows ?? []
            return (name, ComparisonModel.rows(b, v, pair))
        }
        format = AmountFormat(currency: c.baseline.currency)
    }

    /// Rows matched by key, in the baseline's order, then the variant's new keys.
    static func rows(_ baseline: [ScenarioReport.Row], _ variant: [ScenarioReport.Row], _ pair: LinePair) -> [DeltaRow] {
        let keys = union(baseline.map(\.key), variant.map(\.key))
        var b: [String: ScenarioReport.Row] = [:]
        var v: [String: ScenarioReport.Row] = [:]
        for row in baseline where b[row.key] == nil { b[row.key] = row }
        for row in variant where v[row.key] == nil { v[row.key] = row }
        return keys.map { pair.row(key: $0, b[$0], v[$0]) }
    }

    /// `first`, then the elements of `second` not in it, each once.
    static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for s in first + second where seen.insert(s).inserted { out.append(s) }
        return out
    }
}

/// Where each line of the union sits in the baseline's and the variant's amounts.
struct LinePair: Sendable {
    let baselineIndex: [Int?]
    let variantIndex: [Int?]

    init(lines: [String], baseline: [String], variant: [String]) {
        baselineIndex = lines.map { baseline.firstIndex(of: $0) }
        variantIndex = lines.map { variant.firstIndex(of: $0) }
    }

    func row(key: String, _ b: ScenarioReport.Row?, _ v: ScenarioReport.Row?) -> DeltaRow {
        let deltas = zip(baselineIndex, variantIndex).map { bi, vi in
            Delta(baseline: LinePair.amount(b, bi), variant: LinePair.amount(v, vi))
        }
        return DeltaRow(key: key, lines: deltas, total: Delta(baseline: b?.total ?? .zero, variant: v?.total ?? .zero),
                        baselineAccounts: b?.accounts ?? 0, variantAccounts: v?.accounts ?? 0)
    }

    static func amount(_ row: ScenarioReport.Row?, _ index: Int?) -> FixedDecimal {
        guard let row, let index, index < row.amounts.count else { return .zero }
        return row.amounts[index]
    }
}
