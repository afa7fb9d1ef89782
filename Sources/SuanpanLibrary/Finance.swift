import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// finance: spreadsheet-compatible time value of money, rates and schedules.
///
/// The plugin is split by what each part owns:
/// - FinanceTimeValue.swift: pmt, ipmt, ppmt, pv, fv, nper, npv (closed forms);
/// - FinanceSolvers.swift: the rate solver and rate, irr, xirr;
/// - FinanceRates.swift: effect, nominal, annual_compound, apr_irr, ear_irr, apr_occupied;
/// - FinanceSchedules.swift: equal_installment, equal_principal, installment_plan;
/// - FinanceMath.swift: the annuity arithmetic shared by all of them.
///
/// Conventions are the spreadsheet's (Excel, LibreOffice): money paid out is negative and money
/// received positive, `type` 0 means payments at the end of each period and 1 at the beginning,
/// and the rate is per period. Amounts may be plain numbers or money; money results are in the
/// call's currency. A rate may be written as a percent (`1.2%`) or as a rate per period
/// (`monthly(0.04%/day)`); periods are then counted in that rate's period.
extension StandardLibrary {
    public static var finance: Plugin {
        var p = Plugin(name: "finance", version: "1.0.0",
                       summary: "Spreadsheet-compatible time value of money, effective rates and amortization schedules")
        addRateConversions(&p)
        addTimeValue(&p)
        addSolvers(&p)
        addSchedules(&p)
        return p
    }
}

/// How finance functions read their arguments, beyond the typed access every plugin has:
/// rates, the payment-timing flag, solver guesses, and one currency per call. Messages name
/// the function and the argument from its declaration (`pmt: argument 3 ('pv') …`).
extension Arguments {
    /// The spreadsheet's `type`: 0 (or left out) pays at the end of each period, 1 at the beginning.
    func paymentType(_ i: Int) throws(ExternalError) -> FixedDecimal {
        guard has(i) else { return .zero }
        let t = try decimal(i)
        guard t == .zero || t == .one else {
            throw argumentError(i, "must be 0 (payments at the end of each period) or 1 (at the beginning), not \(t)")
        }
        return t
    }

    /// A periodic rate above -100% (a percent or a rate per period).
    func rate(_ i: Int) throws(ExternalError) -> FixedDecimal {
        let r = try amount(i)
        guard r > FixedDecimal.minusOne else { throw argumentError(i, "must be above -100%, not \(percentText(r))") }
        return r
    }

    /// A solver's starting guess, 10% unless given.
    func guess(_ i: Int) throws(ExternalError) -> FixedDecimal {
        guard has(i) else { return FixedDecimal(units: 100_000_000_000_000_000) }
        return try rate(i)
    }

    /// Money arguments with a currency known only at run time must still agree; every finance
    /// function checks this first.
    func requireOneCurrency() throws(ExternalError) {
        var first: Currency?
        func see(_ v: Value) throws(ExternalError) {
            guard case .money(_, let c) = v else { return }
            if let f = first, f != c {
                throw error("all amounts must be in one currency, found \(f.code) and \(c.code)")
            }
            if first == nil { first = c }
        }
        for v in values {
            if case .list(let items) = v {
                for item in items { try see(item) }
            } else {
                try see(v)
            }
        }
    }
}

/// A rate shown as a percentage, for messages: 0.012 → "1.2%".
func percentText(_ r: FixedDecimal) -> String {
    let scaled = (try? r.multiplied(by: FixedDecimal(100))) ?? r
    return "\(scaled)%"
}

extension FixedDecimal {
    static let minusOne = FixedDecimal(-1)
    static let two = FixedDecimal(2)
}
