import SuanpanValues

// How amounts, counts and percentages look to people (tables, charts, HTML). Machine forms
// (CSV, JSON) never use this: they write `FixedDecimal.description`, the exact value.

struct AmountFormat: Sendable {
    /// Fraction digits of the report's currency: 2 for CNY, 0 for JPY, 3 for KWD.
    let digits: Int
    /// The currency's code as the report gives it, for axis captions.
    let currencyCode: String

    /// The currency's minor unit when the code is known, else 2 (most currencies).
    init(currency: String) {
        digits = Currency.named(currency.uppercased())?.minorUnits ?? 2
        currencyCode = currency
    }

    /// "1,234.50": grouped, exactly the currency's digits (rounded half-even for display only).
    func money(_ amount: FixedDecimal) -> String {
        amount.formatted(minFractionDigits: digits, maxFractionDigits: digits, grouping: true)
    }

    /// A signed change: "+1,234.50", "-3.00", "0.00".
    func change(_ amount: FixedDecimal) -> String {
        let text = money(amount)
        return amount.signum > 0 && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "+" + text : text
    }

    /// "12,345": a count with thousands separators.
    static func count(_ n: Int) -> String {
        FixedDecimal(n).formatted(grouping: true)
    }
}
