import SuanpanValues

// What accounts for the change between a baseline and a variant: the total change split into
// cells, one per revenue line and segment of the first breakdown (one per line when the
// scenario has no breakdown), largest first.
//
// The cells add up to the total change exactly, by construction: whatever the segments do not
// cover (a line's amount outside every segment, or a total that is not the sum of its lines)
// becomes a cell of its own rather than a silent gap, so the sum is always the total change.

/// One cell of the explanation.
public struct Contribution: Sendable, Equatable {
    /// The revenue line, or `Contribution.unattributed` for a total not carried by any line.
    public var line: String
    /// The breakdown the segment belongs to; nil when the scenario has none.
    public var breakdown: String?
    /// The segment's key; nil for the whole line (no breakdown) or for the part of the line
    /// outside every segment (with a breakdown).
    public var segment: String?
    public var baseline: FixedDecimal
    public var variant: FixedDecimal
    /// `variant - baseline`.
    public var change: FixedDecimal

    public init(line: String, breakdown: String?, segment: String?,
                baseline: FixedDecimal, variant: FixedDecimal, change: FixedDecimal) {
        self.line = line
        self.breakdown = breakdown
        self.segment = segment
        self.baseline = baseline
        self.variant = variant
        self.change = change
    }

    /// The line of the part of the total change that no line carries.
    public static let unattributed = "(not in any line)"
}

public enum Explain {
    /// The contributions and the total change they sum to, or why they cannot be worked out:
    /// what every rendering of an explanation starts from.
    public static func worked(_ c: ScenarioComparison) -> Result<([Contribution], FixedDecimal), ArithmeticError> {
        do throws(ArithmeticError) {
            return .success((try change(c), try totalChange(c)))
        } catch {
            return .failure(error)
        }
    }

    /// The contributions to the total change, by |change| descending (ties in line order, then
    /// segment order), zero changes left out. Their changes sum exactly to `totalChange(c)`.
    ///
    /// - Throws: `.overflow` when a change or a sum leaves the decimal range.
    public static func change(_ c: ScenarioComparison) throws(ArithmeticError) -> [Contribution] {
        let model = ComparisonModel(c)
        var cells: [(line: Int, segment: Int, contribution: Contribution)] = []
        if let breakdown = model.breakdowns.first {
            for (i, line) in model.lines.enumerated() {
                var covered = (baseline: FixedDecimal.zero, variant: FixedDecimal.zero)
                for (s, row) in breakdown.rows.enumerated() {
                    let d = row.lines[i]
                    cells.append((i, s, try contribution(line, breakdown.name, row.key, d.baseline, d.variant)))
                    covered = (try covered.baseline.adding(d.baseline), try covered.variant.adding(d.variant))
                }
                let whole = model.whole.lines[i]
                cells.append((i, Int.max, try contribution(line, breakdown.name, nil,
                                                           try whole.baseline.subtracting(covered.baseline),
                                                           try whole.variant.subtracting(covered.variant))))
            }
        } else {
            for (i, line) in model.lines.enumerated() {
                let d = model.whole.lines[i]
                cells.append((i, 0, try contribution(line, nil, nil, d.baseline, d.variant)))
            }
        }
        // The total beyond its lines, normally zero.
        var inLines = (baseline: FixedDecimal.zero, variant: FixedDecimal.zero)
        for d in model.whole.lines {
            inLines = (try inLines.baseline.adding(d.baseline), try inLines.variant.adding(d.variant))
        }
        cells.append((Int.max, Int.max, try contribution(Contribution.unattributed, nil, nil,
                                                         try model.whole.total.baseline.subtracting(inLines.baseline),
                                                         try model.whole.total.variant.subtracting(inLines.variant))))
        return cells.filter { $0.contribution.change.signum != 0 }
            .sorted { a, b in
                let (ma, mb) = (a.contribution.change.magnitude, b.contribution.change.magnitude)
                if ma != mb { return ma > mb }
                return (a.line, a.segment) < (b.line, b.segment)
            }
            .map(\.contribution)
    }

    /// The variant's total minus the baseline's.
    ///
    /// - Throws: `.overflow` when the difference leaves the decimal range.
    public static func totalChange(_ c: ScenarioComparison) throws(ArithmeticError) -> FixedDecimal {
        try c.variant.whole.total.subtracting(c.baseline.whole.total)
    }

    /// The exact sum of the contributions' changes.
    ///
    /// - Throws: `.overflow` when the sum leaves the decimal range.
    public static func sum(_ contributions: [Contribution]) throws(ArithmeticError) -> FixedDecimal {
        var total = FixedDecimal.zero
        for c in contributions { total = try total.adding(c.change) }
        return total
    }

    static func contribution(_ line: String, _ breakdown: String?, _ segment: String?,
                             _ baseline: FixedDecimal, _ variant: FixedDecimal) throws(ArithmeticError) -> Contribution {
        Contribution(line: line, breakdown: breakdown, segment: segment,
                     baseline: baseline, variant: variant, change: try variant.subtracting(baseline))
    }
}
