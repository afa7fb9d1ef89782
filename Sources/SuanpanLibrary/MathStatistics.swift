import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// median, percentile and standard deviations of a list of numbers, percentages or money
/// (one currency per list; the result is in it). Lists are already bounded by the runtime's
/// element budget; sorting one is O(n log n).
extension MathPlugin {
    /// What a list's statistics are taken over; ints widen to numbers (the median of [1, 2] is 1.5).
    static let measurable = ["number", "percent", "money"]

    static func addStatistics(_ p: inout Plugin) {
        p.function("median", signatures: Plugin.expand("(values: list<T>) -> T", ["T": measurable]),
                   summary: "the middle value of the sorted list, or the mean of the two middle ones (MEDIAN); "
                       + "the same as percentile(values, 50%)") { args throws(ExternalError) in
            let sorted = try amounts(args, atLeast: 1, "a median needs at least one value").sorted()
            return args.amountResult(try args.compute { () throws(ArithmeticError) in try percentile(sorted, half) })
        }
        p.function("percentile", signatures: Plugin.expand("(values: list<T>, p: percent) -> T", ["T": measurable]),
                   summary: "the p-th percentile, p from 0% to 100%, interpolated linearly between the closest ranks "
                       + "as a spreadsheet's PERCENTILE.INC: rank (n − 1) × p from 0 in the sorted list; "
                       + "percentile(values, 0%) is the minimum and 100% the maximum; "
                       + "an interpolated value is rounded once, half-even, at the 18th fraction digit") { args throws(ExternalError) in
            let p = try args.decimal(1)
            guard p.signum >= 0, p <= .one else { throw args.argumentError(1, "must be from 0% to 100%, not \(percentText(p))") }
            let sorted = try amounts(args, atLeast: 1, "a percentile needs at least one value").sorted()
            return args.amountResult(try args.compute { () throws(ArithmeticError) in try percentile(sorted, p) })
        }
        p.function("stdev", signatures: Plugin.expand("(values: list<T>) -> T", ["T": measurable]),
                   summary: "the sample standard deviation (dividing by n − 1, as STDEV.S), from at least 2 values; "
                       + "correctly rounded half-even at the 18th fraction digit") { args throws(ExternalError) in
            let values = try amounts(args, atLeast: 2,
                                     "a sample standard deviation needs at least 2")
            return args.amountResult(try args.compute { () throws(ArithmeticError) in
                try FixedDecimal.standardDeviation(of: values, .sample)
            })
        }
        p.function("stdev_population", signatures: Plugin.expand("(values: list<T>) -> T", ["T": measurable]),
                   summary: "the population standard deviation (dividing by n, as STDEV.P), from at least 1 value; "
                       + "correctly rounded half-even at the 18th fraction digit") { args throws(ExternalError) in
            let values = try amounts(args, atLeast: 1, "a standard deviation needs at least one value")
            return args.amountResult(try args.compute { () throws(ArithmeticError) in
                try FixedDecimal.standardDeviation(of: values, .population)
            })
        }
    }

    static let half = FixedDecimal(units: 500_000_000_000_000_000)

    /// The list's amounts, in one currency (a `list<money>` known only at run time could mix
    /// them), and at least `minimum` of them.
    static func amounts(_ args: Arguments, atLeast minimum: Int, _ why: String) throws(ExternalError) -> [FixedDecimal] {
        try args.requireOneCurrency()
        let values = try args.amounts(0)
        guard values.count >= minimum else {
            let has = values.isEmpty ? "is empty" : "has only \(values.count) value\(values.count == 1 ? "" : "s")"
            let test = minimum == 1 ? "count(…) > 0" : "count(…) >= \(minimum)"
            throw args.argumentError(0, "\(has): \(why) (test \(test) first)")
        }
        return values
    }

    /// PERCENTILE.INC of sorted values, 0 ≤ p ≤ 1: the rank h = (n − 1)·p counted from 0, then
    /// the value at ⌊h⌋ plus the fraction of h times the gap to the next value. The rank is
    /// exact (an integer times p), and so is the value when h is whole.
    static func percentile(_ sorted: [FixedDecimal], _ p: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let rank = try FixedDecimal(sorted.count - 1).multiplied(by: p)
        let below = try rank.rounded(toMultipleOf: .one, mode: .floor)
        guard let i = below.intValue, sorted.indices.contains(i) else {
            throw .invalidArgument("percentile rank \(rank) outside the list of \(sorted.count)")
        }
        let fraction = try rank.subtracting(below)
        guard fraction.signum > 0, i + 1 < sorted.count else { return sorted[i] }
        return try interpolate(sorted[i], fraction, try sorted[i + 1].subtracting(sorted[i]))
    }

    /// a + f·g for 0 < f < 1 and g ≥ 0, rounded once, half-even, at the 18th fraction digit.
    /// Away from a tie, rounding f·g to the nearest unit and adding a (a whole number of units)
    /// is that. At a tie, rounding f·g to even would make f·g even, not the result, so the
    /// result's parity decides: the median of 1 and 2 units is 1.5 units, to the even 2.
    static func interpolate(_ a: FixedDecimal, _ f: FixedDecimal, _ g: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        // f·g is a tie when f.units × g.units ≡ 10^18 / 2 (mod 10^18); f.units < 10^18, so the
        // product of the residues is below 10^36 and fits.
        let scale = FixedDecimal.one.units
        let (residue, overflow) = f.units.multipliedReportingOverflow(by: g.units % scale)
        guard !overflow else { throw .overflow }
        guard residue % scale == scale / 2 else { return try a.adding(try f.multiplied(by: g)) }
        let unit = FixedDecimal(units: 1)
        let lower = try a.adding(try f.multiplied(by: g, roundedToMultipleOf: unit, mode: .down))
        return lower.units % 2 == 0 ? lower : try lower.adding(unit)
    }
}
