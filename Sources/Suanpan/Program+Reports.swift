import Foundation
import SuanpanChecker
import SuanpanReport
import SuanpanRuntime
import SuanpanScenario
import SuanpanValues

/// Reports of scenario runs: the same report whether the totals come from one
/// run or from merged shards, since both are built from a partial's identity and totals.
extension Program {
    /// What a run's partial result says it was computed from. The fingerprints read every
    /// source file and the whole population file again, so only a partial that is written
    /// out (`fingerprinted`) has them; a report needs none.
    public func identity(of run: ScenarioRun, overrides: [String], shardCount: Int, fingerprinted: Bool = true) -> ScenarioPartial.Identity {
        var program = Fingerprint()
        if fingerprinted { for file in checked.files { program.add(file.bytes) } }
        let keys = run.plan.steps.map { Self.periodKey($0.start, run.body.period) }
        var identity = ScenarioPartial.Identity(scenario: run.scenario.name, title: run.scenario.title ?? run.root.title,
                                        currency: run.body.currency, source: run.path, period: run.body.period.rawValue,
                                        lines: run.body.lines, periodKeys: keys, breakdowns: run.body.segments.map(\.name),
                                        programHash: fingerprinted ? program.hex : "",
                                        dataHash: fingerprinted ? Fingerprint.file(run.path) ?? "unreadable" : "",
                                        overrides: overrides, shardCount: shardCount)
        identity.lineProducts = run.body.lineProducts.map { $0 ?? "" }
        return identity
    }

    public func partial(of run: ScenarioRun, overrides: [String]) -> ScenarioPartial {
        let shardCount = shard?.count ?? 1
        return ScenarioPartial(identity: identity(of: run, overrides: overrides, shardCount: shardCount),
                               shards: [shard?.index ?? 0], totals: run.totals, skippedRows: run.skipped.count)
    }

    /// `2021-01` for a monthly step, `2021-01-05` for a daily one, `2021` for a yearly one.
    public static func periodKey(_ date: CivilDate, _ period: Period) -> String {
        let text = date.description
        switch period {
        case .day: return text
        case .month: return String(text.prefix(7))
        case .year: return String(text.prefix(4))
        }
    }
}

extension ScenarioPartial {
    /// The report of these totals. A total that overflows shows as the largest
    /// amount there is rather than stopping the report; the run itself would have failed first.
    public func report() -> ScenarioReport {
        let id = identity
        func row(_ key: String, _ s: LineSums) -> ScenarioReport.Row {
            ScenarioReport.Row(key: key, amounts: s.lines, total: (try? s.total) ?? .maximum, accounts: s.accounts, charged: s.charged)
        }
        let periods = zip(id.periodKeys, totals.periods).map { row($0.0, $0.1) }
        let breakdowns = zip(id.breakdowns, totals.segments).map { name, segment in
            ScenarioReport.Breakdown(name: name, rows: segment.keys.sorted().compactMap { key in segment[key].map { row(key.text, $0) } })
        }
        var report = ScenarioReport(name: id.scenario, title: id.title, currency: id.currency, source: id.source, period: id.period,
                                    lines: id.lines, whole: row("total", totals.whole), periods: periods, breakdowns: breakdowns,
                                    skippedRows: skippedRows)
        report.lineProducts = id.lineProducts.map { $0.isEmpty ? nil : $0 }
        return report
    }
}

extension SegmentKey {
    /// The key as a report shows it.
    public var text: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .decimal(let d): return d.formatted(grouping: false)
        case .date(let d): return d.description
        case .string(let s): return s
        }
    }
}

extension Program {
    /// Runs a scenario and gives its report, with the run, from which `partial(of:)`
    /// makes the partial result when one is to be written.
    public func report(ofScenario index: Int) throws(RuntimeError) -> (report: ScenarioReport, run: ScenarioRun) {
        let run = try runScenario(index)
        return (report(of: run), run)
    }

    /// A run's report: built as a partial's is, so a merge of shards gives the same.
    public func report(of run: ScenarioRun) -> ScenarioReport {
        ScenarioPartial(identity: identity(of: run, overrides: [], shardCount: 1, fingerprinted: false),
                        shards: [0], totals: run.totals, skippedRows: run.skipped.count).report()
    }

    /// A variant's changes as written: `Huabei.merchant_rate = 0.6%`.
    public func describeChanges(of def: ScenarioDef) -> [String] {
        def.changes.map { change in
            let value = change.value.file.text(of: change.value.span)
            switch change.target {
            case .parameter(let g): return "\(checked.globals[g].qualifiedName) = \(value)"
            case .row(let table, let keys):
                let shown = keys.map { $0.file.text(of: $0.span) }.joined(separator: ", ")
                return "\(checked.functions[table].qualifiedName)(\(shown)) = \(value)"
            }
        }
    }
}
