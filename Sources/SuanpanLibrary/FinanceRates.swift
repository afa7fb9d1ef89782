import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// Rate conversions and the effective cost of a loan.
///
/// The simple annual form of a daily rate is the core's `annualize(r)` (× 365) or
/// `annualize(r, 360)`, and `daily`/`monthly` convert the other way; this plugin adds only what the
/// core does not do: compounding (`effect`, `nominal`, `annual_compound`) and the annual cost of
/// an installment plan (`apr_irr`, `ear_irr`, `apr_occupied`).
extension StandardLibrary {
    static func addRateConversions(_ p: inout Plugin) {
        // EFFECT(nominal_rate, npery) = (1 + nominal/npery)^npery − 1
        p.function("effect", "(nominal: percent, periods: int) -> percent",
                   summary: "effective annual rate of a nominal rate compounded `periods` times a year (EFFECT)") { args throws(ExternalError) in
            let nominal = try args.decimal(0)
            let n = try args.count(1, maximum: .max)
            return .decimal(try exact { () throws(ArithmeticError) in
                try nominal.divided(by: FixedDecimal(n)).adding(.one).power(FixedDecimal(n)).subtracting(.one)
            })
        }

        // NOMINAL(effect_rate, npery) = npery · ((1 + effect)^(1/npery) − 1)
        p.function("nominal", "(effective: percent, periods: int) -> percent",
                   summary: "nominal annual rate that compounds `periods` times a year to an effective rate (NOMINAL)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let effective = try args.rate(0), n = try args.count(1, maximum: 1_000_000_000)
            return .decimal(try args.compute { () throws(ArithmeticError) in
                let root = try FixedDecimal.one.adding(effective).ln().divided(by: FixedDecimal(n)).exp()
                return try root.subtracting(.one).multiplied(by: FixedDecimal(n))
            })
        }

        // (1 + d)^365 − 1: a daily rate compounded over a year (0.04%/day → 15.716%).
        p.function("annual_compound",
                   "(rate: rate/day, [days_per_year: int]) -> percent",
                   "(rate: rate/month) -> percent",
                   summary: "the annual rate of a daily rate compounded daily, (1 + d)^365 − 1 (or of a monthly rate compounded monthly, (1 + m)^12 − 1)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let r = try args.rate(0)
            let n = args.overload == 0 ? try args.count(1, default: 365, maximum: 366) : 12
            return .decimal(try args.compute { () throws(ArithmeticError) in
                try FixedDecimal.one.adding(r).power(FixedDecimal(n)).subtracting(.one)
            })
        }

        p.function("apr_irr",
                   "(principal: number, payments: list<number>, [periods_per_year: int]) -> percent",
                   "(principal: money, payments: list<money>, [periods_per_year: int]) -> percent",
                   summary: "the APR of a loan repaid by the payments one period apart: IRR × periods per year (12 by default)") { args throws(ExternalError) in
            let (irr, perYear) = try loanIRR(args)
            return .decimal(try args.compute { () throws(ArithmeticError) in try irr.multiplied(by: FixedDecimal(perYear)) })
        }

        p.function("ear_irr",
                   "(principal: number, payments: list<number>, [periods_per_year: int]) -> percent",
                   "(principal: money, payments: list<money>, [periods_per_year: int]) -> percent",
                   summary: "the effective annual rate of a loan repaid by the payments one period apart: (1 + IRR)^periods per year − 1") { args throws(ExternalError) in
            let (irr, perYear) = try loanIRR(args)
            return .decimal(try args.compute { () throws(ArithmeticError) in
                try FixedDecimal.one.adding(irr).power(FixedDecimal(perYear)).subtracting(.one)
            })
        }

        // PBoC Announcement No. 3 (2021): lenders must disclose an annualized rate; for a flat fee
        // on the original principal repaid in equal parts, the principal actually occupied averages
        // (n + 1) / (2n) of it, so the simple annual rate is total × 2 × periods per year / (n + 1).
        p.function("apr_occupied", "(total_rate: percent, periods: int, [periods_per_year: int]) -> percent",
                   summary: "the simple APR of a flat total fee rate over n equal repayments, on the principal occupied: total × 24 / (n + 1) for monthly periods") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let total = try args.amount(0), n = try args.count(1), perYear = try args.count(2, default: 12, maximum: 366)
            return .decimal(try args.compute { () throws(ArithmeticError) in
                try total.multiplied(by: FixedDecimal(2 * perYear)).divided(by: FixedDecimal(n + 1))
            })
        }
    }

    /// The periodic IRR of a loan: the principal received now, the payments made at the end of
    /// periods 1, 2, …. Payments may be written as positive amounts (they are then taken as paid
    /// out) or with the spreadsheet's signs, opposite to the principal's.
    static func loanIRR(_ args: Arguments) throws(ExternalError) -> (irr: FixedDecimal, periodsPerYear: Int) {
        try args.requireOneCurrency()
        let principal = try args.amount(0), payments = try args.amounts(1)
        let perYear = try args.count(2, default: 12, maximum: 366)
        guard principal != .zero else { throw args.argumentError(0, "must not be zero") }
        guard !payments.isEmpty else { throw args.argumentError(1, "must have at least one payment") }
        let sameSign = payments.allSatisfy { $0 == .zero || ($0 > .zero) == (principal > .zero) }
        var flows = [principal]
        for p in payments { flows.append(sameSign ? try args.compute { () throws(ArithmeticError) in try p.negated() } : p) }
        return (try internalRate(args, flows, guess: FixedDecimal(units: 10_000_000_000_000_000)), perYear)
    }
}
