import SuanpanValues

// Percentages of exact amounts: a change relative to its baseline, a contribution's share of
// the total change. The ratio is rounded once, half-even, to 4 digits (2 digits of percent),
// straight from the exact quotient, and then scaled by 100, which is exact.

enum PercentChange: Sendable, Equatable {
    case value(FixedDecimal)
    /// The base is zero: no percentage exists (shown as `—`).
    case undefined
    /// The percentage is outside the decimal range (a tiny base), or the part itself overflowed.
    case overflow

    /// `part / base × 100`, or `.undefined` for a zero base, `.overflow` for a missing part.
    static func of(_ part: FixedDecimal?, base: FixedDecimal) -> PercentChange {
        guard base.signum != 0 else { return .undefined }
        guard let part else { return .overflow }
        do {
            let ratio = try part.divided(by: base, roundedToMultipleOf: FixedDecimal(units: 100_000_000_000_000),
                                         mode: .halfEven)
            return .value(try ratio.multiplied(by: FixedDecimal(100)))
        } catch {
            return .overflow
        }
    }

    /// The change of `baseline` to `variant` in percent of the baseline's magnitude, so that
    /// a rise reads as positive even from a negative baseline (net refunds).
    static func change(_ delta: Delta) -> PercentChange {
        of(delta.change, base: delta.baseline.magnitude)
    }

    /// "+12.50%", "-3.00%", "0.00%", "—", "overflow".
    var text: String {
        switch self {
        case .value(let p):
            let digits = p.formatted(minFractionDigits: 2, maxFractionDigits: 2, grouping: true)
            return (p.signum > 0 ? "+" : "") + digits + "%"
        case .undefined: return "—"
        case .overflow: return "overflow"
        }
    }

    /// The plain number for machines ("12.5"), or nil when there is none.
    var exact: String? {
        if case .value(let p) = self { return p.description }
        return nil
    }
}
