import SuanpanValues

// The JSON forms. Amounts are strings of exact decimals ("1234.56") so that no reader parses
// them into binary floats by accident; counts are integers; keys come in a fixed order, so
// equal reports give byte-identical text.

extension Render {
    /// The report as JSON, ending in a newline.
    public static func json(_ report: ScenarioReport) -> String {
        reportJSON(report).text(indent: 0) + "\n"
    }

    /// The comparison as JSON: the changes, both reports in full, the differences cell by cell
    /// and the explanation.
    public static func json(_ c: ScenarioComparison) -> String {
        let model = ComparisonModel(c)
        let difference = JSONValue.object([
            ("lines", .array(model.lines.map(JSONValue.string))),
            ("total", deltaRowJSON(model.whole, model.lines)),
            ("periods", .array(model.periods.map { deltaRowJSON($0, model.lines) })),
            ("breakdowns", .array(model.breakdowns.map { b in
                .object([("name", .string(b.name)), ("rows", .array(b.rows.map { deltaRowJSON($0, model.lines) }))])
            })),
        ])
        return JSONValue.object([
            ("changes", .array(c.changes.map(JSONValue.string))),
            ("baseline", reportJSON(c.baseline)),
            ("variant", reportJSON(c.variant)),
            ("difference", difference),
            ("explanation", explanationJSON(c)),
        ]).text(indent: 0) + "\n"
    }

    static func reportJSON(_ report: ScenarioReport) -> JSONValue {
        .object([
            ("name", .string(report.name)),
            ("title", .optional(report.title)),
            ("currency", .string(report.currency)),
            ("source", .string(report.source)),
            ("period", .string(report.period)),
            ("lines", .array(report.lines.map(JSONValue.string))),
            ("skipped_rows", .int(report.skippedRows)),
            ("products", .array(report.products.map { p in
                .object([("product", .string(p.name)), ("lines", .array(p.lines.map(JSONValue.string))),
                         ("total", .string(p.total?.description ?? "overflow"))])
            })),
            ("total", rowJSON(report.whole, report.lines)),
            ("periods", .array(report.periods.map { rowJSON($0, report.lines) })),
            ("breakdowns", .array(report.breakdowns.map { b in
                .object([("name", .string(b.name)), ("rows", .array(b.rows.map { rowJSON($0, report.lines) }))])
            })),
        ])
    }

    static func rowJSON(_ row: ScenarioReport.Row, _ lines: [String]) -> JSONValue {
        .object([
            ("key", .string(row.key)),
            ("amounts", .object(zip(lines, amounts(row, lines.count)).map { ($0, .string($1.description)) })),
            ("total", .string(row.total.description)),
            ("accounts", .int(row.accounts)),
            ("charged", .int(row.charged)),
        ])
    }

    static func deltaRowJSON(_ row: DeltaRow, _ lines: [String]) -> JSONValue {
        .object([
            ("key", .string(row.key)),
            ("lines", .object(zip(lines, row.lines).map { ($0, deltaJSON($1)) })),
            ("total", deltaJSON(row.total)),
            ("baseline_accounts", .int(row.baselineAccounts)),
            ("variant_accounts", .int(row.variantAccounts)),
        ])
    }

    /// A change of null means it overflowed; a change_percent of null, that the baseline is
    /// zero (or the percentage overflowed).
    static func deltaJSON(_ d: Delta) -> JSONValue {
        .object([
            ("baseline", .string(d.baseline.description)),
            ("variant", .string(d.variant.description)),
            ("change", .optional(d.change?.description)),
            ("change_percent", .optional(d.percent.exact)),
        ])
    }

    static func explanationJSON(_ c: ScenarioComparison) -> JSONValue {
        let contributions: [Contribution], total: FixedDecimal
        switch Explain.worked(c) {
        case .success(let worked): (contributions, total) = worked
        case .failure(let error): return .object([("error", .string(error.description))])
        }
        let items: [JSONValue] = contributions.map { item in
            .object([
                ("line", .string(item.line)),
                ("breakdown", .optional(item.breakdown)),
                ("segment", .optional(item.segment)),
                ("baseline", .string(item.baseline.description)),
                ("variant", .string(item.variant.description)),
                ("change", .string(item.change.description)),
                ("share_percent", .optional(PercentChange.of(item.change, base: total).exact)),
            ])
        }
        return .object([
            ("total_change", .string(total.description)),
            ("contributions", .array(items)),
            ("sum", .optional((try? Explain.sum(contributions))?.description)),
        ])
    }
}
