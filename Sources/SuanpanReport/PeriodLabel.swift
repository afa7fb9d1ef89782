// The label of a period in every output: a step is keyed by its start date (`2021-01-01`),
// and a monthly step reads better as `2021-01`, a yearly one as `2021`.

enum PeriodLabel {
    /// `key` shortened to the period's precision; keys that are not `YYYY-MM-DD` dates, and
    /// periods other than month and year, are shown as they are.
    static func of(_ key: String, period: String) -> String {
        let bytes = Array(key.utf8)
        let isDate = bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { i, b in i == 4 || i == 7 || (b >= 48 && b <= 57) }
        guard isDate else { return key }
        switch period.lowercased() {
        case "month", "monthly": return String(key.prefix(7))
        case "year", "yearly", "annual": return String(key.prefix(4))
        default: return key
        }
    }

    /// The plural noun of a number of periods: "12 months", "1 day".
    static func count(_ n: Int, period: String) -> String {
        let unit: String
        switch period.lowercased() {
        case "day", "daily": unit = "day"
        case "month", "monthly": unit = "month"
        case "year", "yearly", "annual": unit = "year"
        default: unit = "period"
        }
        return "\(AmountFormat.count(n)) \(unit)\(n == 1 ? "" : "s")"
    }
}
