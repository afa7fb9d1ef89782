import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// mod, div and int: the operations that produce or keep whole numbers.
extension MathPlugin {
    /// What divides into whole times, each by its own kind: 14 months by 12 months, 10 CNY by
    /// 3 CNY. Money by a plain number has no whole-times meaning (it is a share: `x / 3`).
    static let divisible = ["int", "number", "percent", "days", "months", "money"]

    static func addIntegerDivision(_ p: inout Plugin) {
        // Floored, not truncated: the remainder takes the divisor's sign, so
        // mod(-1 day, 7 days) is 6 days, a position in a cycle, and x == divisor * div(x, divisor)
        // + mod(x, divisor) always holds.
        p.function("mod", signatures: Plugin.expand("(x: T, divisor: T) -> T", ["T": divisible]),
                   summary: "the remainder of x by divisor, floored: it has the divisor's sign (or is 0), as a spreadsheet's MOD "
                       + "and Python's %: mod(7, 3) = 1, mod(-7, 3) = 2, mod(7, -3) = -2; "
                       + "x = divisor × div(x, divisor) + mod(x, divisor); exact") { args throws(ExternalError) in
            let (x, divisor) = try operands(args)
            let (_, remainder) = try args.compute { () throws(ArithmeticError) in try floored(x, by: divisor) }
            return args.amountResult(remainder)
        }
        p.function("div", signatures: Plugin.expand("(x: T, divisor: T) -> int", ["T": divisible]),
                   summary: "how many whole times divisor goes into x, an int rounded toward negative infinity, as Python's //: "
                       + "div(7, 2) = 3, div(-7, 2) = -4, div(1000 CNY, 300 CNY) = 3; pairs with mod; exact") { args throws(ExternalError) in
            let (x, divisor) = try operands(args)
            return .decimal(try args.compute { () throws(ArithmeticError) in
                try wholeNumber(try floored(x, by: divisor).quotient)
            })
        }
    }

    static func addConversion(_ p: inout Plugin) {
        // No default mode: whether 2.5 is 2 or 3 is the rule's decision, so the rule writes it.
        p.function("int", "(x: number, mode: rounding) -> int", "(x: percent, mode: rounding) -> int",
                   summary: "x as a whole number, rounded by mode, which has no default: int(2.5, down) = 2 drops the fraction, "
                       + "int(2.5, half_even) = 2, int(2.5, half_up) = 3, int(-2.5, floor) = -3; a percent counts as its "
                       + "fraction: int(250%, down) = 2") { args throws(ExternalError) in
            let x = try args.decimal(0)
            let mode = try args.roundingMode(1)
            return .decimal(try args.compute { () throws(ArithmeticError) in try x.rounded(toMultipleOf: .one, mode: mode) })
        }
    }

    /// The two amounts of a mod or div, in one currency, with a divisor that is not zero.
    static func operands(_ args: Arguments) throws(ExternalError) -> (FixedDecimal, FixedDecimal) {
        try args.requireOneCurrency()
        let x = try args.amount(0)
        let divisor = try args.amount(1)
        guard divisor.signum != 0 else { throw args.argumentError(1, "must not be zero") }
        return (x, divisor)
    }

    /// Floored division: q = ⌊x / d⌋ and r = x − d·q. Both amounts carry the same 10^18 scale,
    /// so the quotient is that of their units and the remainder is exact in units.
    static func floored(_ x: FixedDecimal, by d: FixedDecimal) throws(ArithmeticError) -> (quotient: Int128, remainder: FixedDecimal) {
        let (q, quotientOverflow) = x.units.dividedReportingOverflow(by: d.units)
        let (r, remainderOverflow) = x.units.remainderReportingOverflow(dividingBy: d.units)
        // Only a zero divisor (refused before) or Int128.min / -1 (no decimal holds Int128.min) get here.
        guard !quotientOverflow, !remainderOverflow else { throw .divisionByZero }
        // Swift's / truncates toward zero: step down once when the remainder's sign is not the
        // divisor's. Then |r| < |d| with opposite signs, so r + d cannot wrap, and
        // |q| ≤ |x.units| < Int128.max, so neither can q − 1.
        guard r != 0, (r < 0) != (d.units < 0) else { return (q, FixedDecimal(units: r)) }
        return (q &- 1, FixedDecimal(units: r &+ d.units))
    }

    /// A whole number of units as a decimal: div(1e20, 0.000001) is out of range.
    static func wholeNumber(_ q: Int128) throws(ArithmeticError) -> FixedDecimal {
        let (units, overflow) = q.multipliedReportingOverflow(by: FixedDecimal.one.units)
        guard !overflow, units != .min else { throw .overflow }
        return FixedDecimal(units: units)
    }
}
