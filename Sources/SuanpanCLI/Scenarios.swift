import ArgumentParser
import Foundation
import Suanpan
import SuanpanChecker
import SuanpanReport
import SuanpanRuntime
import SuanpanScenario

/// Runs the scenarios `run` was asked for and writes their reports: a scenario
/// alone, a variant beside its base, and each scenario beside its what-if.
struct ScenarioJob {
    let program: Program
    let files: [String]
    let options: ScenarioOptions
    let format: OutputFormat
    /// The --set and --what-if changes, as written.
    let changes: [String]
    /// Loads the same files again with the changes applied, for the run beside the declared values.
    let loadVariant: (() throws -> Program)?
    var progress: ProgressBar?

    /// The scenarios to run: those named, or every one declared in the files given.
    func selected() throws -> [Int] {
        let all = program.checked.scenarios
        if options.scenarios.isEmpty {
            let named = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
            return all.indices.filter { named.contains(URL(fileURLWithPath: all[$0].file.path).standardizedFileURL.path) }
        }
        return try options.scenarios.map { name in
            guard let i = program.checked.scenario(named: name) else {
                let names = all.map(\.name)
                Console.err("error: no scenario named '\(name)'"
                            + (names.isEmpty ? " (these files declare none)" : "; the scenarios are \(names.joined(separator: ", "))"))
                throw ExitCode(64)
            }
            return i
        }
    }

    func run() throws {
        let chosen = try selected()
        if chosen.count != 1, options.partial != nil || options.svg != nil || options.html != nil {
            Console.err("error: --partial, --svg and --html write one scenario's results; name it with --scenario NAME"
                        + (chosen.isEmpty ? " (none was found in these files)" : ""))
            throw ExitCode(64)
        }
        let variant = try loadVariant?()
        for index in chosen {
            let def = program.checked.scenarios[index]
            let baseline = try report(index, in: program)
            var comparison: ScenarioComparison?
            if let base = def.base {
                let before = try report(base, in: program)
                comparison = ScenarioComparison(baseline: before.report, variant: baseline.report, changes: program.describeChanges(of: def))
            } else if let variant {
                var after = try report(index, in: variant).report
                after.name += " (what-if)"
                comparison = ScenarioComparison(baseline: baseline.report, variant: after, changes: changes)
            }
            try write(baseline.report, comparison)
            if let path = options.partial {
                let partial = program.partial(of: baseline.run, overrides: loadVariant == nil ? changes : [])
                try Self.writeAtomically(partial.json(), to: path)
            }
        }
    }

    func report(_ index: Int, in program: Program) throws -> (report: ScenarioReport, run: Program.ScenarioRun) {
        do throws(RuntimeError) {
            progress?.start(program.checked.scenarios[index].name)
            defer { progress?.finish() }
            let done = try program.report(ofScenario: index)
            if let note = program.lastExecution?.note { Console.err(note) }
            return done
        } catch {
            Console.report(error.diagnostic)
            if error.message == "interrupted" { Console.err("stopped: no report or partial result was written") }
            throw ExitCode(error.message == "interrupted" ? 130 : 70)
        }
    }

    func write(_ report: ScenarioReport, _ comparison: ScenarioComparison?) throws {
        switch format {
        case .table: Console.out(comparison.map(Render.comparison) ?? Render.table(report), flush: true)
        case .csv: Console.out(comparison.map(Render.csv) ?? Render.csv(report), flush: true)
        case .json: Console.out(comparison.map(Render.json) ?? Render.json(report), flush: true)
        }
        if let path = options.svg { try Self.writeAtomically(comparison.map(Render.svg) ?? Render.svg(report), to: path) }
        if let path = options.html { try Self.writeAtomically(Render.html(report, comparison: comparison), to: path) }
    }

    /// Written to a temporary file first and then renamed, so that a run stopped
    /// half-way never leaves a file that looks complete.
    static func writeAtomically(_ text: String, to path: String) throws {
        let temporary = path + ".partial-\(getpid())"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(temporary)
            Console.err("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(74)
        }
    }
}
