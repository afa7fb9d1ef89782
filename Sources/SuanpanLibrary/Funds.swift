import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// funds: money-market income, the 7-day yield, purchases with a front-end load, redemption fees.
///
/// Formulas and figures: shared/domain/PRODUCTS.md §4 (Yu'e Bao 余额宝) and §6 (Ant Fortune
/// 蚂蚁财富). Money results are rounded once, from the exact value, to the currency's minor
/// unit (cents for CNY); each function states its mode. Bad input (a NAV of 0, a list of the
/// wrong length, a negative amount) is an error naming the problem, never a trap.
extension StandardLibrary {
    public static var funds: Plugin {
        var p = Plugin(name: "funds", version: "1.0.0", summary: "Fund income from 万份收益, 7-day yields, purchase and redemption fees")
        FundsPlugin.addMoneyMarket(&p)
        FundsPlugin.addTrading(&p)
        return p
    }
}

/// The implementation of the plugin, kept apart from other plugins' helpers.
enum FundsPlugin {
    static func addMoneyMarket(_ p: inout Plugin) {
        // 万份收益 R: a holder's income for a day is holding × R / 10,000, kept to the minor
        // unit. The fund credits whole cents and does not pay the fraction: rounded down.
        // (A rounding-mode argument would be natural, but `rounding` is a keyword and cannot
        // be written as a type in a signature yet.)
        p.function("daily_earnings", "(holding: money, income_per_10k: number) -> money",
                   summary: "a holder's income for one day from 万份收益: holding × R / 10,000, truncated to the cent (down)") { args throws(ExternalError) in
            let (holding, currency) = try args.money(0)
            let r = try args.decimal(1)
            guard holding.signum >= 0 else { throw args.argumentError(0, "must not be negative, not \(holding) \(currency)") }
            let perTenThousand = FixedDecimal(10_000)
            let income = try exact { () throws(ArithmeticError) in
                // Round holding × R once, to a multiple of minor unit × 10,000, then divide:
                // the division is exact, so this is holding × R / 10,000 rounded once.
                try holding.multiplied(by: r, roundedToMultipleOf: currency.minorUnit.multiplied(by: perTenThousand), mode: .down)
                    .divided(by: perTenThousand)
            }
            return .money(income, currency)
        }

        // 七日年化收益率: Y7 = (Π (1 + R_i / 10,000))^(365/7) − 1 over the last 7 calendar days,
        // published to 3 decimal places of a percent, half-up. `places` goes up to 12: the
        // 18-digit products and the power are good to about 1e-16, far below that step.
        p.function("seven_day_annualized", "(income_per_10k: list<number>, [places: int]) -> percent",
                   summary: "7-day annualized yield (七日年化) from 7 daily 万份收益: (Π(1 + R/10,000))^(365/7) − 1, "
                       + "to `places` decimals of a percent (default 3, half-up)") { args throws(ExternalError) in
            let r = try args.amounts(0)
            guard r.count == 7 else {
                throw ExternalError("the 7-day yield needs exactly 7 daily figures (万份收益 of the last 7 calendar days), got \(r.count)")
            }
            let places = args.has(1) ? try args.decimal(1) : FixedDecimal(3)
            guard let percentPlaces = places.intValue, (0...12).contains(percentPlaces) else {
                throw args.argumentError(1, "must be 0 to 12 (decimals of a percent), not \(places)")
            }
            let y = try sevenDayYield(r)
            return .decimal(try exact { () throws(ArithmeticError) in try y.rounded(places: percentPlaces + 2, mode: .halfUp) })
        }

        // Fees accrue daily on the previous day's net assets × annual rate / days in the year.
        let feeSummary = "one day of a fund fee: net assets × annual rate / days in year (default 365), rounded half-up to the cent"
        p.function("daily_fee",
                   "(net_assets: money, annual_rate: rate/year, [days_in_year: int]) -> money",
                   "(net_assets: money, annual_rate: percent, [days_in_year: int]) -> money",
                   summary: feeSummary) { args throws(ExternalError) in
            let (assets, currency) = try args.money(0)
            let rate = try args.decimal(1)
            guard assets.signum >= 0 else { throw args.argumentError(0, "must not be negative, not \(assets) \(currency)") }
            guard rate.signum >= 0 else { throw args.argumentError(1, "must not be negative, not \(percentText(rate))") }
            let days = args.has(2) ? try args.decimal(2) : FixedDecimal(365)
            guard days == FixedDecimal(360) || days == FixedDecimal(365) || days == FixedDecimal(366) else {
                throw args.argumentError(2, "must be 360, 365 or 366, not \(days)")
            }
            return .money(try exact { () throws(ArithmeticError) in
                try assets.multiplied(by: rate).divided(by: days, roundedToMultipleOf: currency.minorUnit, mode: .halfUp)
            }, currency)
        }
    }

    /// The unrounded 7-day yield, as a fraction.
    static func sevenDayYield(_ r: [FixedDecimal]) throws(ExternalError) -> FixedDecimal {
        let perTenThousand = FixedDecimal(10_000)
        for x in r where x <= FixedDecimal(-10_000) {
            throw ExternalError("a daily 万份收益 of \(x) would lose the whole holding; it must be above -10000")
        }
        return try exact { () throws(ArithmeticError) in
            var growth = FixedDecimal.one
            for x in r { growth = try growth.multiplied(by: try FixedDecimal.one.adding(try x.divided(by: perTenThousand))) }
            return try growth.power(try FixedDecimal(365).divided(by: FixedDecimal(7))).subtracting(.one)
        }
    }

    /// A fraction shown as a percentage for messages: 0.015 → "1.5%".
    static func percentText(_ d: FixedDecimal) -> String {
        guard let p = try? d.multiplied(by: FixedDecimal(100)) else { return "\(d)" }
        return "\(p)%"
    }
}
