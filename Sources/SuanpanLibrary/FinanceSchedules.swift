import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// Repayment schedules in money, rounded to the currency's minor unit so that the lines add up
/// exactly: the principals sum to the loan and the balance ends at zero.
///
/// - `equal_installment` (等额本息): a level payment, PMT rounded half-up to the minor unit. Each
///   period's interest is the balance × the rate, rounded half-up; the principal is the payment
///   less the interest. The level payments leave a residue of a few minor units; with
///   `remainder: "last"` (the default, the usual bank practice) the last period's principal
///   takes it, so only the last payment differs. With `"first"`, period 1's principal takes it
///   instead and only the first payment differs. Every period keeps the interest of the level
///   schedule: the remainder moved to period 1 (a few minor units) bears no interest of its own,
///   so the later balances are that much lower than the ones their interest was computed on.
/// - `equal_principal` (等额本金): the principal per period is loan / periods rounded down to the
///   minor unit, the remainder (under `periods` minor units) in the first or last period (default
///   last); interest on the balance, rounded half-up.
/// - `installment_plan`: Huabei's flat-fee plan by Alipay's cent rule (see below).
extension StandardLibrary {
    static let scheduleLimit = 10_000

    static func addSchedules(_ p: inout Plugin) {
        let line = p.record("AmortizationLine", [("period", .int), ("payment", .money(nil)), ("principal", .money(nil)),
                                                 ("interest", .money(nil)), ("balance", .money(nil))])
        let installment = p.record("InstallmentLine", [("period", .int), ("principal", .money(nil)),
                                                       ("fee", .money(nil)), ("payment", .money(nil))])

        for (name, level) in [("equal_installment", true), ("equal_principal", false)] {
            let what = level ? "equal installments (等额本息): a level payment" : "equal principal (等额本金): the same principal each period"
            p.function(name,
                       "(principal: money, rate: percent, periods: int, [remainder: string]) -> list<AmortizationLine>",
                       "(principal: money, rate: rate, periods: int, [remainder: string]) -> list<AmortizationLine>",
                       summary: "the amortization schedule of a loan repaid in \(what), rounded to the minor unit; the rounding remainder goes to the \"last\" (default) or \"first\" period") { args throws(ExternalError) in
                try args.requireOneCurrency()
                let (principal, currency) = try args.money(0)
                let r = try args.amount(1), n = try args.count(2, maximum: scheduleLimit)
                guard principal > .zero else { throw args.argumentError(0, "must be above zero, not \(principal)") }
                guard r >= .zero else { throw args.argumentError(1, "must not be negative, not \(percentText(r))") }
                let first = try remainderFirst(args, 3)
                let rows = try args.compute { () throws(ArithmeticError) in
                    let unit = currency.minorUnit
                    return level ? try levelSchedule(principal, r, n, unit, first: first)
                                 : try principalSchedule(principal, r, n, unit, first: first)
                }
                return .list(rows.enumerated().map { k, row in
                    .record(RecordValue(type: line, fields: [.decimal(FixedDecimal(k + 1)), .money(row.payment, currency),
                                                             .money(row.principal, currency), .money(row.interest, currency),
                                                             .money(row.balance, currency)]))
                })
            }
        }

        // Alipay's cent rule: per-period principal = floor(P / n); total fee = P × rate rounded
        // half-even; per-period fee = floor(fee / n); both remainders are paid in period 1.
        p.function("installment_plan", "(amount: money, periods: int, rate: percent) -> list<InstallmentLine>",
                   summary: "a flat-fee installment plan by Alipay's cent rule (Huabei 花呗分期): principal and fee floored per period to the minor unit, remainders in period 1") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let (amount, currency) = try args.money(0)
            let n = try args.count(1, maximum: scheduleLimit), rate = try args.amount(2)
            guard amount > .zero else { throw args.argumentError(0, "must be above zero, not \(amount)") }
            guard rate >= .zero else { throw args.argumentError(2, "must not be negative, not \(percentText(rate))") }
            let (principal, fee, firstPrincipal, firstFee) = try args.compute { () throws(ArithmeticError) in
                let unit = currency.minorUnit, count = FixedDecimal(n - 1)
                let principal = try amount.divided(by: FixedDecimal(n), roundedToMultipleOf: unit, mode: .floor)
                let total = try amount.multiplied(by: rate, roundedToMultipleOf: unit, mode: .halfEven)
                let fee = try total.divided(by: FixedDecimal(n), roundedToMultipleOf: unit, mode: .floor)
                return (principal, fee, try amount.subtracting(try principal.multiplied(by: count)),
                        try total.subtracting(try fee.multiplied(by: count)))
            }
            var lines: [Value] = []
            for k in 1...n {
                let (p, f) = k == 1 ? (firstPrincipal, firstFee) : (principal, fee)
                let payment = try args.compute { () throws(ArithmeticError) in try p.adding(f) }
                lines.append(.record(RecordValue(type: installment, fields: [.decimal(FixedDecimal(k)), .money(p, currency),
                                                                             .money(f, currency), .money(payment, currency)])))
            }
            return .list(lines)
        }
    }

    /// `remainder`: "last" (default) or "first".
    static func remainderFirst(_ args: Arguments, _ i: Int) throws(ExternalError) -> Bool {
        guard args.has(i) else { return false }
        switch try args.string(i) {
        case "last": return false
        case "first": return true
        case let other: throw args.argumentError(i, "must be \"first\" or \"last\", not \"\(other)\"")
        }
    }

    struct ScheduleRow {
        var payment = FixedDecimal.zero, principal = FixedDecimal.zero, interest = FixedDecimal.zero, balance = FixedDecimal.zero
    }

    /// Interest for one period: balance × rate, half-up to the minor unit.
    static func periodInterest(_ balance: FixedDecimal, _ r: FixedDecimal, _ unit: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        try balance.multiplied(by: r, roundedToMultipleOf: unit, mode: .halfUp)
    }

    /// Equal installments (等额本息).
    static func levelSchedule(_ loan: FixedDecimal, _ r: FixedDecimal, _ n: Int, _ unit: FixedDecimal,
                              first: Bool) throws(ArithmeticError) -> [ScheduleRow] {
        let exact = try Annuity.payment(r, FixedDecimal(n), loan, .zero, .zero).negated()
        let payment = try exact.rounded(toMultipleOf: unit, mode: .halfUp)
        // The level schedule; what its payments leave over (or overpay) is the remainder.
        var principals: [FixedDecimal] = [], interests: [FixedDecimal] = []
        var balance = loan
        for _ in 0..<n {
            let interest = try periodInterest(balance, r, unit)
            let principal = try payment.subtracting(interest)
            principals.append(principal)
            interests.append(interest)
            balance = try balance.subtracting(principal)
        }
        // The remainder moves the principal of one period; every period keeps its interest, so
        // all the other payments stay level.
        let slot = first ? 0 : n - 1
        principals[slot] = try principals[slot].adding(balance)
        var rows: [ScheduleRow] = []
        balance = loan
        for k in 0..<n {
            balance = try balance.subtracting(principals[k])
            rows.append(ScheduleRow(payment: try principals[k].adding(interests[k]), principal: principals[k],
                                    interest: interests[k], balance: balance))
        }
        return rows
    }

    /// Equal principal (等额本金).
    static func principalSchedule(_ loan: FixedDecimal, _ r: FixedDecimal, _ n: Int, _ unit: FixedDecimal,
                                  first: Bool) throws(ArithmeticError) -> [ScheduleRow] {
        let base = try loan.divided(by: FixedDecimal(n), roundedToMultipleOf: unit, mode: .down)
        let rest = try loan.subtracting(try base.multiplied(by: FixedDecimal(n)))
        var rows: [ScheduleRow] = []
        var balance = loan
        for k in 0..<n {
            let principal = k == (first ? 0 : n - 1) ? try base.adding(rest) : base
            let interest = try periodInterest(balance, r, unit)
            balance = try balance.subtracting(principal)
            rows.append(ScheduleRow(payment: try principal.adding(interest), principal: principal,
                                    interest: interest, balance: balance))
        }
        return rows
    }
}
