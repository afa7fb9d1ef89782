import SuanpanReport
import SuanpanValues

// Reports built by hand, small enough that every expected output in the tests can be worked
// out on paper. `sample` is a two-month CNY report with a breakdown whose second segment has a
// Chinese key; `variant` doubles the fee of band A and raises 华东's interest.

func dec(_ text: String) throws -> FixedDecimal {
    try FixedDecimal.parse(text)
}

func row(_ key: String, _ amounts: [String], _ total: String, accounts: Int, charged: Int) throws -> ScenarioReport.Row {
    ScenarioReport.Row(key: key, amounts: try amounts.map(dec), total: try dec(total), accounts: accounts, charged: charged)
}

enum Fixtures {
    static func sample() throws -> ScenarioReport {
        ScenarioReport(
            name: "huabei", title: "Huabei fees", currency: "CNY", source: "data/accounts.csv", period: "month",
            lines: ["interest", "fee"],
            whole: try row("total", ["3346.178", "20"], "3366.178", accounts: 3, charged: 3),
            periods: [
                try row("2021-01-01", ["1000.50", "20"], "1020.50", accounts: 3, charged: 2),
                try row("2021-02-01", ["2345.678", "0"], "2345.678", accounts: 3, charged: 3),
            ],
            breakdowns: [
                ScenarioReport.Breakdown(name: "band", rows: [
                    try row("A", ["3000", "20"], "3020", accounts: 2, charged: 2),
                    try row("华东", ["346.178", "0"], "346.178", accounts: 1, charged: 1),
                ]),
            ],
            skippedRows: 1)
    }

    /// The sample with band A's fee doubled (20 → 40, in January) and 华东's interest raised
    /// from 346.178 to 400.5 (in February): +20 and +54.322, +74.322 in all.
    static func variant() throws -> ScenarioReport {
        var report = try sample()
        report.name = "huabei_high_fee"
        report.title = "Higher fee"
        report.whole = try row("total", ["3400.5", "40"], "3440.5", accounts: 3, charged: 3)
        report.periods = [
            try row("2021-01-01", ["1000.50", "40"], "1040.50", accounts: 3, charged: 2),
            try row("2021-02-01", ["2400", "0"], "2400", accounts: 3, charged: 3),
        ]
        report.breakdowns = [
            ScenarioReport.Breakdown(name: "band", rows: [
                try row("A", ["3000", "40"], "3040", accounts: 2, charged: 2),
                try row("华东", ["400.5", "0"], "400.5", accounts: 1, charged: 1),
            ]),
        ]
        return report
    }

    static func comparison() throws -> ScenarioComparison {
        ScenarioComparison(baseline: try sample(), variant: try variant(), changes: ["Huabei.fee_rate = 2%"])
    }

    /// One period, one line, no breakdown: small enough to spell out its JSON.
    static func tiny() throws -> ScenarioReport {
        ScenarioReport(name: "t", title: nil, currency: "JPY", source: "a.csv", period: "day", lines: ["fee"],
                       whole: try row("total", ["1200"], "1200", accounts: 2, charged: 1),
                       periods: [try row("2021-01-05", ["1200"], "1200", accounts: 2, charged: 1)],
                       breakdowns: [], skippedRows: 0)
    }
}
