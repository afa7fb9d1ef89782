import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// pmt, ipmt, ppmt, pv, fv, nper and npv: the spreadsheet's closed forms, argument for argument.
/// Each comes with a rate as a percent or as a rate per period, and with amounts as plain numbers
/// or as money (the result is then money in the same currency).
extension StandardLibrary {
    /// A rate as a percent or per period; amounts as numbers or money.
    static let amountsAndRates: KeyValuePairs<String, [String]> = ["R": ["percent", "rate"], "A": ["number", "money"]]

    static func addTimeValue(_ p: inout Plugin) {
        // PMT(rate, nper, pv, [fv], [type])
        p.function("pmt",
                   signatures: Plugin.expand("(rate: R, periods: number, pv: A, [fv: A, type: int]) -> A", amountsAndRates),
                   summary: "the level payment per period that pays off pv (and leaves fv) at a periodic rate (PMT)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let r = try args.rate(0), n = try positivePeriods(args, 1)
            let pv = try args.amount(2), fv = try args.amount(3, default: .zero), t = try args.paymentType(4)
            return args.amountResult(try args.compute { () throws(ArithmeticError) in try Annuity.payment(r, n, pv, fv, t) })
        }

        // IPMT(rate, per, nper, pv, [fv], [type]) and PPMT, the same arguments.
        for (name, principal) in [("ipmt", false), ("ppmt", true)] {
            let what = principal ? "the principal part (PPMT)" : "the interest part (IPMT)"
            p.function(name,
                       signatures: Plugin.expand("(rate: R, period: int, periods: number, pv: A, [fv: A, type: int]) -> A", amountsAndRates),
                       summary: "\(what) of payment number `period` of a level-payment loan") { args throws(ExternalError) in
                try args.requireOneCurrency()
                let r = try args.rate(0), per = try args.int(1), n = try positivePeriods(args, 2)
                let pv = try args.amount(3), fv = try args.amount(4, default: .zero), t = try args.paymentType(5)
                guard per >= 1, FixedDecimal(per) <= n else {
                    throw args.argumentError(1, "must be between 1 and the number of periods (\(n)), not \(per)")
                }
                return args.amountResult(try args.compute { () throws(ArithmeticError) in
                    let interest = try Annuity.interest(r, per, n, pv, fv, t)
                    return principal ? try Annuity.payment(r, n, pv, fv, t).subtracting(interest) : interest
                })
            }
        }

        // PV(rate, nper, pmt, [fv], [type])
        p.function("pv",
                   signatures: Plugin.expand("(rate: R, periods: number, payment: A, [fv: A, type: int]) -> A", amountsAndRates),
                   summary: "the present value of level payments (and a final fv) at a periodic rate (PV)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let r = try args.rate(0), n = try periods(args, 1)
            let pmt = try args.amount(2), fv = try args.amount(3, default: .zero), t = try args.paymentType(4)
            return args.amountResult(try args.compute { () throws(ArithmeticError) in try Annuity.presentValue(r, n, pmt, fv, t) })
        }

        // FV(rate, nper, pmt, [pv], [type])
        p.function("fv",
                   signatures: Plugin.expand("(rate: R, periods: number, payment: A, [pv: A, type: int]) -> A", amountsAndRates),
                   summary: "the future value of level payments (and a starting pv) at a periodic rate (FV)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let r = try args.rate(0), n = try periods(args, 1)
            let pmt = try args.amount(2), pv = try args.amount(3, default: .zero), t = try args.paymentType(4)
            return args.amountResult(try args.compute { () throws(ArithmeticError) in try Annuity.futureValue(r, n, pmt, pv, t) })
        }

        // NPER(rate, pmt, pv, [fv], [type])
        p.function("nper",
                   signatures: Plugin.expand("(rate: R, payment: A, pv: A, [fv: A, type: int]) -> number", amountsAndRates),
                   summary: "the number of periods level payments take to pay off pv (and leave fv) (NPER)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let r = try args.rate(0), pmt = try args.amount(1), pv = try args.amount(2)
            let fv = try args.amount(3, default: .zero), t = try args.paymentType(4)
            return .decimal(try numberOfPeriods(args, r, pmt, pv, fv, t))
        }

        // NPV(rate, value1, value2, …): the values are one list here.
        p.function("npv",
                   signatures: Plugin.expand("(rate: R, values: list<A>) -> A", amountsAndRates),
                   summary: "the net present value of cash flows at the end of periods 1, 2, … (NPV)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let r = try args.rate(0), flows = try args.amounts(1)
            guard !flows.isEmpty else { throw args.argumentError(1, "must have at least one cash flow") }
            // NPV discounts the first value by one period: Σ v_i / (1 + r)^(i+1).
            return args.amountResult(try args.compute { () throws(ArithmeticError) in
                try Discounting.presentValue(flows, r).0.divided(by: FixedDecimal.one.adding(r))
            })
        }
    }

    /// A number of periods, zero or more.
    static func periods(_ args: Arguments, _ i: Int) throws(ExternalError) -> FixedDecimal {
        let n = try args.amount(i)
        guard n >= .zero else { throw args.argumentError(i, "must not be negative, not \(n)") }
        return n
    }

    /// A number of periods above zero (a payment needs at least some periods to be spread over).
    static func positivePeriods(_ args: Arguments, _ i: Int) throws(ExternalError) -> FixedDecimal {
        let n = try args.amount(i)
        guard n > .zero else { throw args.argumentError(i, "must be above 0, not \(n)") }
        return n
    }

    /// NPER = ln((pmt·w − fv·r) / (pmt·w + pv·r)) / ln(1 + r) with w = 1 + r·t; −(pv + fv)/pmt at r = 0.
    static func numberOfPeriods(_ args: Arguments, _ r: FixedDecimal, _ pmt: FixedDecimal, _ pv: FixedDecimal,
                                _ fv: FixedDecimal, _ t: FixedDecimal) throws(ExternalError) -> FixedDecimal {
        if r == .zero {
            guard pmt != .zero else { throw args.error("with a zero rate and a zero payment no number of periods reaches fv") }
            return try args.compute { () throws(ArithmeticError) in try pv.adding(fv).divided(by: pmt).negated() }
        }
        let (numerator, denominator) = try args.compute { () throws(ArithmeticError) in
            let w = try pmt.multiplied(by: Annuity.timing(r, t))
            return (try w.subtracting(try fv.multiplied(by: r)), try w.adding(try pv.multiplied(by: r)))
        }
        guard numerator != .zero, denominator != .zero, (numerator > .zero) == (denominator > .zero) else {
            throw args.error("no number of periods balances these amounts: the payment \(pmt) never pays off pv \(pv) "
                          + "at \(percentText(r)) a period (it does not cover the interest, or has the wrong sign)")
        }
        return try args.compute { () throws(ArithmeticError) in
            try numerator.divided(by: denominator).ln().divided(by: FixedDecimal.one.adding(r).ln())
        }
    }
}
