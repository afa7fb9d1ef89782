import SuanpanValues

// The value axis of a chart: a range from at most zero to at least zero, cut by 1, 2 or 5
// times a power of ten into at most six steps. Ticks are chosen in exact decimal units (the
// scaled integers of FixedDecimal), so a tick label is the exact round number it claims to be.
// Only the mapping from values to pixels uses Double: a pixel has no cents.

struct AxisScale: Sendable {
    /// Ticks from the lowest to the highest, zero among them.
    let ticks: [FixedDecimal]
    /// The ends of the axis in FixedDecimal units, as Double for pixel arithmetic only.
    let lowUnits: Double
    let highUnits: Double

    /// An axis that holds `low ... high` (`low <= 0 <= high` is assumed; the caller passes
    /// the most negative and most positive stack).
    init(low: FixedDecimal, high: FixedDecimal) {
        var lo = min(low.units, 0)
        var hi = max(high.units, 0)
        if lo == 0 && hi == 0 { hi = FixedDecimal.one.units }  // an empty chart still has an axis
        let step = AxisScale.step(lo: lo, hi: hi)
        // At most 7 ticks, so the multiples fit an Int comfortably.
        let nLo = Int(clamping: AxisScale.floorDiv(lo, step))
        let nHi = Int(clamping: AxisScale.ceilDiv(hi, step))
        var ticks: [FixedDecimal] = []
        for k in nLo...max(nLo, nHi) {
            let (units, overflow) = Int128(k).multipliedReportingOverflow(by: step)
            if !overflow && units != .min { ticks.append(FixedDecimal(units: units)) }
        }
        lo = ticks.first?.units ?? lo
        hi = ticks.last?.units ?? hi
        self.ticks = ticks
        lowUnits = Double(lo)
        highUnits = lo == hi ? Double(lo) + 1 : Double(hi)
    }

    /// The smallest 1, 2 or 5 × 10^e (in units) that covers `lo ... hi` in at most 6 steps.
    static func step(lo: Int128, hi: Int128) -> Int128 {
        var power: Int128 = 1
        while true {
            for m: Int128 in [1, 2, 5] {
                let (s, overflow) = power.multipliedReportingOverflow(by: m)
                if overflow { return .max }
                let (steps, wide) = ceilDiv(hi, s).subtractingReportingOverflow(floorDiv(lo, s))
                if !wide && steps <= 6 { return s }
            }
            let (next, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow { return .max }
            power = next
        }
    }

    /// ⌈a / b⌉ for b > 0; |q·b| ≤ |a| and |q| < Int128.max, so nothing wraps.
    static func ceilDiv(_ a: Int128, _ b: Int128) -> Int128 {
        let q = a / b
        return q * b == a ? q : (a > 0 ? q + 1 : q)
    }

    /// ⌊a / b⌋ for b > 0.
    static func floorDiv(_ a: Int128, _ b: Int128) -> Int128 {
        let q = a / b
        return q * b == a ? q : (a < 0 ? q - 1 : q)
    }

    /// Where `value` falls between the bottom (0) and the top (1) of the axis.
    func fraction(_ value: FixedDecimal) -> Double {
        (Double(value.units) - lowUnits) / (highUnits - lowUnits)
    }
}
