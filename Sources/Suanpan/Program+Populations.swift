import Foundation
import SuanpanChecker
import SuanpanData
import SuanpanRuntime
import SuanpanScenario
import SuanpanSyntax
import SuanpanValues

/// Populations and scenarios: `Program` reads populations with its plugins' data
/// readers and runs scenarios for expressions that use them, and for hosts
/// (the command line's report) that want the totals themselves.
extension Program: SourceHost {
    /// A scenario run: its totals and what they were computed over.
    public struct ScenarioRun {
        public let scenario: ScenarioDef
        /// The scenario whose entries ran: itself, or a variant's base.
        public let root: ScenarioDef
        public let body: ScenarioDef.Body
        public let plan: ScenarioPlan
        public let totals: ScenarioTotals
        public let skipped: SkippedRows
        public let path: String
    }

    /// Runs a scenario over its population (or this program's shard of it).
    public func runScenario(_ index: Int) throws(RuntimeError) -> ScenarioRun {
        prepare()
        if jobs > 1, readsFiles, let run = try runInParallel(index) { return run }
        return try runScenario(index, in: machine)
    }

    func runScenario(_ index: Int, in machine: Machine, shard: Shard? = nil, reporting: Bool = true) throws(RuntimeError) -> ScenarioRun {
        let shard = shard ?? self.shard
        let def = checked.scenarios[index]
        let root = def.root(in: checked)
        guard let body = root.body else { throw RuntimeError("scenario \(def.name) has no entries", file: def.file, span: def.span) }
        let changes = try machine.changes(for: variantChanges(def))
        return try machine.withChanges(changes) { () throws(RuntimeError) -> ScenarioRun in
            let population = checked.populations[body.population]
            let reader = try openPopulation(body.population, at: def.span, in: def.file, shard: shard)
            var runner = ScenarioRunner(program: checked, machine: machine)
            runner.progress = scenarioProgress
            runner.executor = executor
            lastExecution = runner.execution
            let (totals, plan) = try runner.run(root, reader: reader)
            if reporting { report(reader.skipped, of: population) }
            return ScenarioRun(scenario: def, root: root, body: body, plan: plan, totals: totals, skipped: reader.skipped,
                               path: reader.spec.path)
        }
    }

    /// A variant's changes, its base's first: the variant's own win.
    func variantChanges(_ def: ScenarioDef) -> [OverrideDef] {
        var chain: [ScenarioDef] = []
        var current: ScenarioDef? = def
        while let c = current, chain.count <= checked.scenarios.count {
            chain.append(c)
            current = c.base.map { checked.scenarios[$0] }
        }
        return chain.reversed().flatMap(\.changes)
    }

    public func scenario(_ index: Int, in machine: Machine, at span: Span, in file: SourceFile) throws(RuntimeError) -> Value {
        let run = try runScenario(index, in: machine)
        return try run.totals.value(run.root, body: run.body, plan: run.plan)
    }

    public func population(_ index: Int, in machine: Machine, at span: Span, in file: SourceFile) throws(RuntimeError) -> Value {
        let def = checked.populations[index]
        let reader = try openPopulation(index, at: span, in: file, shard: nil)
        var rows: [Value] = []
        while true {
            let batch: PopulationBatch?
            do throws(DataError) { batch = try reader.next() } catch { throw RuntimeError(error.description, file: file, span: span) }
            guard let batch else { break }
            try machine.spend(records: batch.count, fields: def.record.fields.count, at: span, in: file)
            for i in 0..<batch.count { rows.append(batch.record(at: i)) }
        }
        report(reader.skipped, of: def)
        return .list(rows)
    }

    /// Opens a population's file: its path (relative to the declaring file's folder,
    /// or as `populationPaths` replaces it), its reader, options, mapping and defaults.
    public func openPopulation(_ index: Int, at span: Span, in file: SourceFile, shard: Shard?) throws(RuntimeError) -> PopulationReader {
        let def = checked.populations[index]
        guard readsFiles else {
            throw RuntimeError("population \(def.name): this host does not read files", file: def.file, span: def.pathSpan,
                               hint: "run the program with suanpan run, which reads populations")
        }
        var options: [String: String] = [:]
        for o in def.options { options[o.name] = o.value }
        let format = options.removeValue(forKey: "format")
        let policy = options.removeValue(forKey: "bad_rows").flatMap(BadRowPolicy.init(rawValue:)) ?? .stop
        var columns: [String: ColumnMapping] = [:]
        for c in def.columns { columns[c.field] = ColumnMapping(column: c.column, scale: c.scale) }
        var defaults: [String: Value] = [:]
        for field in def.record.fields {
            if let g = field.defaultGlobal { defaults[field.name] = try machine.value(ofGlobal: g) }
        }
        let spec = PopulationSpec(name: def.name, path: populationPath(def), format: format, options: options,
                                  record: def.record, columns: columns, defaults: defaults, badRows: policy, shard: shard)
        do throws(DataError) {
            return try PopulationReader(spec, readers: plugins.readers)
        } catch {
            throw RuntimeError("population \(def.name): \(error.description)", file: def.file, span: def.pathSpan)
        }
    }

    /// Where a population's file is: as `--population NAME=PATH` gives it, or as written,
    /// relative to the folder of the file that declares it.
    public func populationPath(_ def: PopulationDef) -> String {
        if let replaced = populationPaths[def.name] { return replaced }
        if def.path.hasPrefix("/") { return def.path }
        let folder = (def.file.path as NSString).deletingLastPathComponent
        if folder.isEmpty || def.file.path.hasPrefix("<") { return def.path }
        return (folder as NSString).appendingPathComponent(def.path)
    }

    func report(_ skipped: SkippedRows, of def: PopulationDef) {
        guard skipped.count > 0 else { return }
        let shown = skipped.first.map { "  " + $0.description }.joined(separator: "\n")
        let more = skipped.count > skipped.first.count ? "\n  and \(skipped.count - skipped.first.count) more" : ""
        notify("population \(def.name): skipped \(skipped.count) bad row\(skipped.count == 1 ? "" : "s") (bad_rows = \"skip\"):\n\(shown)\(more)")
    }
}

extension Program {
    /// Each population's reader and options, checked when the program loads rather than
    /// when it first reads: a format no reader has, a file ending none takes, an option
    /// the reader does not know. Errors point at what is written.
    static func checkPopulations(_ checked: CheckedProgram, readers: [any DataReader]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for def in checked.populations {
            let format = def.options.first { $0.name == "format" }
            let spec = PopulationSpec(name: def.name, path: def.path, format: format?.value, record: def.record)
            let reader: any DataReader
            do throws(DataError) {
                reader = try ReaderChoice.pick(spec, among: readers)
            } catch {
                problems.append(.error(error.message, file: def.file, span: format?.span ?? def.pathSpan, hint: error.hint))
                continue
            }
            let takes = reader.options.map(\.name)
            for option in def.options where !["format", "bad_rows"].contains(option.name) && !takes.contains(option.name) {
                let list = takes.isEmpty ? "it takes none" : "it takes " + takes.joined(separator: ", ")
                problems.append(.error("the \(reader.name) reader has no option '\(option.name)'; \(list) (and format, bad_rows)",
                                       file: def.file, span: option.nameSpan,
                                       hint: closestName(to: option.name, among: takes + ["format", "bad_rows"]).map { "did you mean '\($0)'?" }
                                         ?? "remove the option"))
            }
        }
        return problems
    }
}

extension Program {
    /// The scenario on `jobs` threads, each with a program of its own loaded as this one
    /// was (with the same --set changes), reading every `jobs`-th row of this program's
    /// shard; the totals merge exactly. Nil when the run must be sequential: a program
    /// not loaded from files, or a thread that failed, so that the error reported is
    /// the one a single thread meets first.
    /// Population files smaller than this are read by one thread.
    public static let parallelFromBytes = 1 << 20

    func runInParallel(_ index: Int) throws(RuntimeError) -> ScenarioRun? {
        guard let origin, let body = checked.scenarios[index].root(in: checked).body else { return nil }
        // A small file is read faster by one thread than programs are loaded for more.
        let size = (try? FileManager.default.attributesOfItem(atPath: populationPath(checked.populations[body.population])))?[.size] as? Int
        guard let size, size >= Program.parallelFromBytes else { return nil }
        let n = jobs, outer = shard ?? Shard(index: 0, count: 1)
        let settings = appliedSettings, paths = populationPaths, steps = maxSteps, bytes = maxBytes, executor = executor
        let interrupted = machine.interruptRequested, progress = scenarioProgress
        let lock = NSLock()
        var rowsDone = [Int](repeating: 0, count: n)
        var executions = [ExecutionReport?](repeating: nil, count: n)
        let results = LargeStack.runAll((0..<n).map { k in { () -> Result<ScenarioRun, RuntimeError>? in
            guard case .success(let (clone, _)) = Program.loadOnThisStack(paths: origin.paths, extraSources: origin.extraSources,
                                                                           plugins: origin.plugins, shadowing: origin.shadowing) else { return nil }
            clone.maxSteps = steps
            clone.maxBytes = bytes
            clone.executor = executor
            clone.populationPaths = paths
            for setting in settings where !clone.setParameter(setting).isEmpty { return nil }
            clone.machine.interruptRequested = interrupted
            clone.scenarioProgress = { rows, steps, fraction in
                lock.lock()
                defer { lock.unlock() }
                rowsDone[k] = rows
                progress?(rowsDone.reduce(0, +), steps, fraction)
            }
            clone.prepare()
            let slice = Shard(index: outer.index + outer.count * k, count: outer.count * n)
            defer {
                lock.lock()
                executions[k] = clone.lastExecution
                lock.unlock()
            }
            do throws(RuntimeError) {
                return .success(try clone.runScenario(index, in: clone.machine, shard: slice, reporting: false))
            } catch {
                return .failure(error)
            }
        } })
        lastExecution = ExecutionReport(merging: executions.compactMap { $0 })
        var runs: [ScenarioRun] = []
        for result in results {
            switch result {
            case .success(let run)?: runs.append(run)
            case .failure(let error)? where error.message == "interrupted": throw error
            case .failure?, nil: return nil
            }
        }
        return try merged(runs)
    }

    /// The threads' runs as one: totals added, skipped rows counted and the first ten kept in row order.
    func merged(_ runs: [ScenarioRun]) throws(RuntimeError) -> ScenarioRun? {
        guard var whole = runs.first else { return nil }
        var totals = whole.totals
        var skipped = whole.skipped
        for run in runs.dropFirst() {
            do throws(ArithmeticError) { try totals.merge(run.totals) } catch {
                throw RuntimeError("scenario \(whole.scenario.name)'s totals overflowed (\(error))", file: whole.scenario.file, span: whole.scenario.span)
            }
            skipped.count += run.skipped.count
            skipped.first += run.skipped.first
        }
        skipped.first = Array(skipped.first.sorted { ($0.row ?? 0) < ($1.row ?? 0) }.prefix(10))
        whole = ScenarioRun(scenario: whole.scenario, root: whole.root, body: whole.body, plan: whole.plan, totals: totals,
                            skipped: skipped, path: whole.path)
        report(skipped, of: checked.populations[whole.body.population])
        return whole
    }
}
