import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// Buying and selling fund shares (PRODUCTS.md §6, Ant Fortune 蚂蚁财富), on the formulas
/// of China's open-end fund prospectuses:
///
/// - Purchase with a front-end load (申购, 外扣法): net = amount / (1 + load), rounded half-up
///   to the cent; fee = amount − net; shares = net / NAV, truncated to 2 decimals (the fund
///   keeps the remainder). 10,000 CNY at 1.5%, NAV 1.2 → net 9,852.22, fee 147.78,
///   8,210.18 shares. A platform discount (1.5% sold at 10% of the list rate = 0.15%) is just
///   a different `load`.
/// - Redemption (赎回): gross = shares × NAV, fee = gross × rate, both rounded half-up to the
///   cent; net = gross − fee. The NAV is money per share, so the results have a currency.
/// - The short-holding penalty: a holding of less than 7 days pays at least 1.5% (the CSRC's
///   2017 liquidity rules), credited to the fund.
extension FundsPlugin {
    static func addTrading(_ p: inout Plugin) {
        let purchase = p.record("FundPurchase", [
            ("amount", .money(nil)), ("fee", .money(nil)), ("net", .money(nil)), ("shares", .number),
        ])
        let redemption = p.record("FundRedemption", [
            ("shares", .number), ("gross", .money(nil)), ("fee", .money(nil)), ("net", .money(nil)),
        ])

        p.function("purchase",
                   "(amount: money, load: percent, nav: number, [share_places: int]) -> FundPurchase",
                   "(amount: money, load: percent, nav: money, [share_places: int]) -> FundPurchase",
                   summary: "a purchase with a front-end load: net = amount / (1 + load) to the cent (half-up), "
                       + "fee = amount − net, shares = net / NAV truncated to 2 decimals") { args throws(ExternalError) in
            let (amount, currency) = try args.money(0)
            let load = try args.decimal(1)
            let nav = try args.amount(2)
            try sameCurrency(args, 2, currency)
            guard amount.signum > 0 else { throw args.argumentError(0, "must be positive, not \(amount) \(currency)") }
            guard load.signum >= 0 else { throw args.argumentError(1, "must not be negative, not \(percentText(load))") }
            guard nav.signum > 0 else { throw args.argumentError(2, "must be positive, not \(nav)") }
            let places = try sharePlaces(args, 3)
            let (net, fee, shares) = try exact { () throws(ArithmeticError) in
                let net = try amount.divided(by: try FixedDecimal.one.adding(load), roundedToMultipleOf: currency.minorUnit, mode: .halfUp)
                let shares = try FixedDecimal.Rounding(places: places, mode: .down).quotient(net, nav)
                return (net, try amount.subtracting(net), shares)
            }
            return .record(RecordValue(type: purchase, fields: [
                .money(amount, currency), .money(fee, currency), .money(net, currency), .decimal(shares),
            ]))
        }

        p.function("redemption", "(shares: number, nav: money, fee_rate: percent) -> FundRedemption",
                   summary: "a redemption: gross = shares × NAV, fee = gross × rate (both half-up to the cent), "
                       + "net = gross − fee; the NAV is money per share (1.2500 CNY)") { args throws(ExternalError) in
            let shares = try args.decimal(0)
            let (nav, currency) = try args.money(1)
            let rate = try args.decimal(2)
            guard shares.signum > 0 else { throw args.argumentError(0, "must be positive, not \(shares)") }
            guard nav.signum > 0 else { throw args.argumentError(1, "must be positive, not \(nav) \(currency)") }
            guard rate.signum >= 0, rate <= .one else {
                throw args.argumentError(2, "must be between 0% and 100%, not \(percentText(rate))")
            }
            let (gross, fee, net) = try exact { () throws(ArithmeticError) in
                let gross = try shares.multiplied(by: nav, roundedToMultipleOf: currency.minorUnit, mode: .halfUp)
                let fee = try gross.multiplied(by: rate, roundedToMultipleOf: currency.minorUnit, mode: .halfUp)
                return (gross, fee, try gross.subtracting(fee))
            }
            return .record(RecordValue(type: redemption, fields: [
                .decimal(shares), .money(gross, currency), .money(fee, currency), .money(net, currency),
            ]))
        }

        p.function("redemption_fee_rate",
                   "(days_held: days, standard_rate: percent, [penalty_rate: percent, penalty_days: days]) -> percent",
                   summary: "the redemption fee rate for a holding period: under `penalty_days` (default 7 days) at least "
                       + "`penalty_rate` (default 1.5%), otherwise `standard_rate`") { args throws(ExternalError) in
            let held = try args.decimal(0)
            let standard = try args.decimal(1)
            let penalty = args.has(2) ? try args.decimal(2) : FixedDecimal(units: 15_000_000_000_000_000)  // 1.5%
            let limit = args.has(3) ? try args.decimal(3) : FixedDecimal(7)
            guard held.signum >= 0 else { throw args.argumentError(0, "must not be negative, not \(held) days") }
            for (i, rate) in [(1, standard), (2, penalty)] where rate.signum < 0 || rate > .one {
                throw args.argumentError(i, "must be between 0% and 100%, not \(percentText(rate))")
            }
            guard limit.signum > 0 else { throw args.argumentError(3, "must be positive, not \(limit) days") }
            return .decimal(held < limit ? Swift.max(penalty, standard) : standard)
        }
    }

    /// `share_places`: decimals the fund keeps on shares (default 2), 0-8.
    static func sharePlaces(_ args: Arguments, _ i: Int) throws(ExternalError) -> Int {
        guard args.has(i) else { return 2 }
        let d = try args.decimal(i)
        guard let n = d.intValue, (0...8).contains(n) else { throw args.argumentError(i, "must be 0 to 8, not \(d)") }
        return n
    }

    /// A money argument must be in the call's currency (the checker ensures it when both are
    /// known; `money` of a currency known only at run time is checked here).
    static func sameCurrency(_ args: Arguments, _ i: Int, _ currency: Currency) throws(ExternalError) {
        if args.has(i), case .money(_, let c) = args.values[i], c != currency {
            throw args.argumentError(i, "is in \(c.code), but the call is in \(currency.code)")
        }
    }
}
