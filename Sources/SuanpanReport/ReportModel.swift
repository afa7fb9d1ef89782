import SuanpanValues

/// A scenario's results as a report shows them: plain values, no program. The
/// command line and the REPL build one from a run; every output form (terminal
/// table, CSV, JSON, SVG, HTML, the terminal chart) renders one, or a comparison of two.
public struct ScenarioReport: Sendable, Equatable {
    public var name: String
    public var title: String?
    /// ISO 4217 code of every amount.
    public var currency: String
    /// Where the accounts came from (a file path), for the report's heading.
    public var source: String
    /// "day", "month" or "year": how long each period is.
    public var period: String
    /// The revenue lines, in declared order.
    public var lines: [String]
    public var whole: Row
    /// One row per step, keyed by the step's start date (`2021-01-01`).
    public var periods: [Row]
    /// One per `by` of the scenario, each with a row per segment, keys in order.
    public var breakdowns: [Breakdown]
    /// Rows left out under bad_rows = "skip".
    public var skippedRows: Int
    /// Each line's product (`revenue Huabei.fee = …`), nil for a line credited to none;
    /// empty when no line names one.
    public var lineProducts: [String?] = []

    public init(name: String, title: String?, currency: String, source: String, period: String, lines: [String],
                whole: Row, periods: [Row], breakdowns: [Breakdown], skippedRows: Int) {
        self.name = name
        self.title = title
        self.currency = currency
        self.source = source
        self.period = period
        self.lines = lines
        self.whole = whole
        self.periods = periods
        self.breakdowns = breakdowns
        self.skippedRows = skippedRows
    }

    /// Each product's lines and their total, in the order products first appear, lines
    /// of no product last as "other"; empty when no line names a product.
    public var products: [(name: String, lines: [String], total: FixedDecimal?)] {
        guard lineProducts.contains(where: { $0 != nil }) else { return [] }
        var order: [String] = []
        var lines: [String: [String]] = [:]
        var totals: [String: FixedDecimal?] = [:]
        for (i, line) in self.lines.enumerated() {
            let product = (i < lineProducts.count ? lineProducts[i] : nil) ?? "other"
            if lines[product] == nil { order.append(product) }
            lines[product, default: []].append(line)
            let amount = i < whole.amounts.count ? whole.amounts[i] : .zero
            let sum: FixedDecimal? = totals[product] ?? .zero
            totals[product] = sum.flatMap { try? $0.adding(amount) }
        }
        if let other = order.firstIndex(of: "other") { order.append(order.remove(at: other)) }
        return order.map { ($0, lines[$0] ?? [], totals[$0] ?? nil) }
    }

    /// Amounts of each line (in `lines` order), their total, and counts.
    public struct Row: Sendable, Equatable {
        /// The period's start date, the segment's key, or "total".
        public var key: String
        public var amounts: [FixedDecimal]
        public var total: FixedDecimal
        /// Accounts in the row (for a period: accounts in the step).
        public var accounts: Int
        /// Accounts with a line that is not zero.
        public var charged: Int

        public init(key: String, amounts: [FixedDecimal], total: FixedDecimal, accounts: Int, charged: Int) {
            self.key = key
            self.amounts = amounts
            self.total = total
            self.accounts = accounts
            self.charged = charged
        }
    }

    public struct Breakdown: Sendable, Equatable {
        /// The `by` name: `band` for `by a.band`.
        public var name: String
        public var rows: [Row]

        public init(name: String, rows: [Row]) {
            self.name = name
            self.rows = rows
        }
    }
}

/// A variant next to its baseline: the same scenario run twice, with the
/// variant's parameter or table changes in force the second time.
public struct ScenarioComparison: Sendable, Equatable {
    public var baseline: ScenarioReport
    public var variant: ScenarioReport
    /// What the variant changes, as written: `Huabei.merchant_rate = 0.6%`.
    public var changes: [String]

    public init(baseline: ScenarioReport, variant: ScenarioReport, changes: [String]) {
        self.baseline = baseline
        self.variant = variant
        self.changes = changes
    }
}
