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

/// Reading a finance function's arguments: amounts, rates, the payment-timing flag, and a
/// check that money arguments agree on their currency.
struct FinanceArguments {
    let function: String
    let names: [String]
    let args: Arguments

    init(_ function: String, _ names: [String], _ values: [Value]) throws(ExternalError) {
        self.function = function
        self.names = names
        self.args = Arguments(values)
        try checkOneCurrency()
    }

    /// `argument 3 ('pv')`, for messages.
    func label(_ i: Int) -> String {
        i < names.count ? "argument \(i + 1) ('\(names[i])')" : "argument \(i + 1)"
    }

    func error(_ message: String) -> ExternalError { ExternalError("\(function): \(message)") }

    var count: Int { args.count }
    func has(_ i: Int) -> Bool { args.has(i) }

    /// A number, percent, rate or the amount of money.
    func amount(_ i: Int) throws(ExternalError) -> FixedDecimal { try args.amount(i) }

    /// An optional amount, zero when the call leaves it out.
    func amount(_ i: Int, default value: FixedDecimal) throws(ExternalError) -> FixedDecimal {
        has(i) ? try amount(i) : value
    }

    func int(_ i: Int) throws(ExternalError) -> Int {
        let d = try args.decimal(i)
        guard let n = d.intValue else { throw error("\(label(i)) must be a whole number, not \(d)") }
        return n
    }

    func int(_ i: Int, default value: Int) throws(ExternalError) -> Int {
        has(i) ? try int(i) : value
    }

    /// A whole number at least `minimum` (and at most `maximum`).
    func count(_ i: Int, default value: Int? = nil, minimum: Int = 1, maximum: Int = 1_000_000) throws(ExternalError) -> Int {
        let n: Int
        if let value, !has(i) { n = value } else { n = try int(i) }
        guard n >= minimum else { throw error("\(label(i)) must be at least \(minimum), not \(n)") }
        guard n <= maximum else { throw error("\(label(i)) must be at most \(maximum), not \(n)") }
        return n
    }

    /// The spreadsheet's `type`: 0 (or left out) pays at the end of each period, 1 at the beginning.
    func paymentType(_ i: Int) throws(ExternalError) -> FixedDecimal {
        guard has(i) else { return .zero }
        let t = try args.decimal(i)
        guard t == .zero || t == .one else {
            throw error("\(label(i)) must be 0 (payments at the end of each period) or 1 (at the beginning), not \(t)")
        }
        return t
    }

    /// A periodic rate above -100% (a percent or a rate per period).
    func rate(_ i: Int) throws(ExternalError) -> FixedDecimal {
        let r = try amount(i)
        guard r > FixedDecimal.minusOne else { throw error("\(label(i)) must be above -100%, not \(percentText(r))") }
        return r
    }

    /// A solver's starting guess, 10% unless given.
    func guess(_ i: Int) throws(ExternalError) -> FixedDecimal {
        guard has(i) else { return FixedDecimal(units: 100_000_000_000_000_000) }
        return try rate(i)
    }

    /// The amounts of a list argument (numbers or money).
    func amounts(_ i: Int) throws(ExternalError) -> [FixedDecimal] { try args.amounts(i) }

    /// The result: money in the call's currency, or a number when the call had no money.
    func result(_ d: FixedDecimal) -> Value { args.amountResult(d) }

    /// Money arguments with a currency known only at run time must still agree.
    func checkOneCurrency() throws(ExternalError) {
        var first: Currency?
        func see(_ v: Value) throws(ExternalError) {
            guard case .money(_, let c) = v else { return }
            if let f = first, f != c {
                throw error("all amounts must be in one currency, found \(f.code) and \(c.code)")
            }
            if first == nil { first = c }
        }
        for v in args.values {
            if case .list(let items) = v {
                for item in items { try see(item) }
            } else {
                try see(v)
            }
        }
    }

    /// The computation, with decimal errors (overflow, division by zero) named for this function.
    func compute<T>(_ body: () throws(ArithmeticError) -> T) throws(ExternalError) -> T {
        do {
            return try body()
        } catch {
            throw self.error(error.description)
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
