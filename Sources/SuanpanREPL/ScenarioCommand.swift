import Foundation
import Suanpan
import SuanpanReport
import SuanpanRuntime

/// `:scenario NAME`: runs a scenario and shows its report with a chart. With
/// `:set` what-ifs in force it runs the scenario twice, without them and with
/// them, and shows the comparison and what accounts for the change; a variant
/// scenario is shown beside its base.
extension REPL {
    static let chartWidth = 48

    func scenario(_ argument: String) {
        guard let program = session.program else { return errors("nothing is loaded: :load a file that declares a scenario") }
        let names = program.checked.scenarios.map(\.name)
        guard !argument.isEmpty else {
            return names.isEmpty ? errors("no scenario is defined: :load a file that declares one")
                : output("scenarios: " + names.joined(separator: ", ") + "; :scenario NAME runs one")
        }
        guard let index = program.checked.scenario(named: argument) else {
            let close = names.filter { editCost($0, argument) <= 2 }.first
            return errors("no scenario named \(argument)" + (close.map { " (did you mean \($0)?)" } ?? "")
                          + (names.isEmpty ? "" : "; the scenarios are " + names.joined(separator: ", ")))
        }
        let def = program.checked.scenarios[index]
        do throws(RuntimeError) {
            let overrides = session.overrides.map { "\($0.name) = \($0.value)" }
            let current = try program.report(ofScenario: index).report
            if let base = def.base {
                let before = try program.report(ofScenario: base).report
                return show(ScenarioComparison(baseline: before, variant: current, changes: program.describeChanges(of: def)))
            }
            if !overrides.isEmpty, let baseline = session.programWithoutOverrides() {
                let before = try baseline.report(ofScenario: index).report
                var after = current
                after.name += " (what-if)"
                return show(ScenarioComparison(baseline: before, variant: after, changes: overrides))
            }
            output(Render.table(current))
            output(Render.bars(current, width: REPL.chartWidth))
        } catch {
            report([error.diagnostic])
        }
    }

    func show(_ comparison: ScenarioComparison) {
        output(Render.comparison(comparison))
        output(Render.bars(comparison, width: REPL.chartWidth))
    }
}

extension Session {
    /// The session's program without its `:set` what-ifs: the baseline of a comparison.
    func programWithoutOverrides() -> Program? {
        guard case .success(let (program, _)) = Program.load(paths: files, extraSources: entries.map(\.source),
                                                              plugins: plugins, shadowing: shadowed) else { return nil }
        program.machine.interruptRequested = { Interrupt.isSet }
        program.maxSteps = maxSteps
        return program
    }
}
