import Foundation
import SuanpanChecker
import SuanpanData
import SuanpanLibrary
import SuanpanPlugin
import SuanpanReaders
import SuanpanRuntime
import SuanpanScenario
import SuanpanSyntax
import SuanpanValues

/// The public face of Suanpan: load → check → compile → run. The CLI, the REPL
/// and the test runner all go through here.
public final class Program {
    public let checked: CheckedProgram
    public let compiled: CompiledProgram
    public let machine: Machine
    public let plugins: PluginSet

    private var prepared = false

    /// Files to read populations from instead of the ones declared, by population
    /// name: `--population accounts=big.csv`.
    public var populationPaths: [String: String] = [:]
    /// Threads a scenario may run on: each reads its own slice of the population with a
    /// program of its own, and their totals merge into exactly those of one thread.
    public var jobs = 1
    /// How scenarios run: over columns (the default) or one account at a time. Both give
    /// the same results to the cent; `scalar` is the reference the columns are tested against.
    public var executor: Executor = .columns
    /// What the last scenario run on this thread did: batches over columns and one account
    /// at a time, and why the rules could not run over columns, if they could not.
    public internal(set) var lastExecution: ExecutionReport?
    /// How this program was loaded, and the `--set` changes applied since: what a
    /// scenario's other threads load again.
    var origin: (paths: [String], extraSources: [SourceFile], plugins: PluginSet, shadowing: Set<String>)?
    var appliedSettings: [String] = []

    /// Whether populations may be read from files: a host running untrusted input (the
    /// fuzz target) turns it off, and a program that reads one then gets an error.
    public var readsFiles = true
    /// Only this slice of every population, for a run split across machines: `--shard K/N`.
    public var shard: Shard?
    /// Told after each batch while a scenario runs: the rows done, the steps each goes
    /// through, and how far through the file the read has got, when the reader can tell.
    public var scenarioProgress: ((_ rows: Int, _ steps: Int, _ fraction: Double?) -> Void)?
    /// Where notes about data go (rows skipped under bad_rows = "skip"): standard error unless set.
    public var notify: (String) -> Void = { message in
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Steps (rule calls and loop items) one evaluation may take before it
    /// stops with an error: `--max-steps` on the command line.
    public var maxSteps: Int {
        get { machine.maxSteps }
        set { machine.maxSteps = newValue }
    }

    /// Bytes a run's values (lists, records, strings, plugin results) may take: what its
    /// computed constants hold is taken from every evaluation's share. `--max-memory`.
    public var maxBytes: Int {
        get { machine.maxBytes }
        set { machine.maxBytes = newValue }
    }

    /// Globals are computed once, before the first run, in declaration order.
    func prepare() {
        if prepared { return }
        prepared = true
        machine.prepareGlobals()
    }

    deinit {
        machine.releaseFrames()
    }

    init(checked: CheckedProgram, plugins: PluginSet) {
        self.checked = checked
        self.plugins = plugins
        self.compiled = CompiledProgram(checked, externals: plugins.implementations)
        self.machine = Machine(compiled)
        machine.host = self
    }

    /// Why loading failed: the diagnostics, and whether a file was unreadable.
    public struct Failure: Error {
        public let diagnostics: [Diagnostic]
        public let ioFailed: Bool
    }

    /// Loads, parses and checks files with their imports. Warnings come back
    /// with the program; any error means no program.
    /// The standard library's plugins (finance, funds, calendar, math), checked once.
    public static let standardLibrary: Result<PluginSet, PluginProblem> = {
        do throws(PluginProblem) {
            return .success(try PluginSet(StandardLibrary.plugins + Readers.plugins))
        } catch {
            return .failure(error)
        }
    }()

    /// The standard plugins, to which native ones can be added.
    public static func standardPlugins() throws(PluginProblem) -> PluginSet {
        try standardLibrary.get()
    }

    /// Loads with the standard plugins.
    public static func load(paths: [String], extraSources: [SourceFile] = []) -> Result<(Program, [Diagnostic]), Failure> {
        switch standardLibrary {
        case .success(let plugins): return load(paths: paths, extraSources: extraSources, plugins: plugins)
        case .failure(let problem):
            return .failure(Failure(diagnostics: [.error("\(problem)", file: nil, span: .none)], ioFailed: false))
        }
    }

    /// `shadowing`: top-level names the extra sources define anew; the files' declarations of
    /// them are left out (the REPL's definitions replace those of the files it loaded).
    public static func load(paths: [String], extraSources: [SourceFile] = [], plugins: PluginSet,
                            shadowing: Set<String> = [])
        -> Result<(Program, [Diagnostic]), Failure> {
        LargeStack.run { loadOnThisStack(paths: paths, extraSources: extraSources, plugins: plugins, shadowing: shadowing) }
    }

    /// Reads and parses one file, without its imports and without checking it:
    /// what `suanpan parse` shows. Warnings come back with the tree.
    public static func parse(path: String) -> Result<(FileSyntax, [Diagnostic]), Failure> {
        LargeStack.run {
            var loader = SourceLoader()
            guard let file = loader.read(path: path) else {
                return .failure(Failure(diagnostics: loader.diagnostics, ioFailed: loader.ioFailed))
            }
            let result = Parser.parse(file)
            if result.hasErrors { return .failure(Failure(diagnostics: result.diagnostics, ioFailed: false)) }
            return .success((result.syntax, result.diagnostics))
        }
    }

    static func loadOnThisStack(paths: [String], extraSources: [SourceFile], plugins: PluginSet,
                                shadowing: Set<String> = []) -> Result<(Program, [Diagnostic]), Failure> {
        checkOnThisStack(paths: paths, extraSources: extraSources, plugins: plugins, shadowing: shadowing).map { checked, all in
            let program = Program(checked: checked.program, plugins: plugins)
            program.origin = (paths, extraSources, plugins, shadowing)
            return (program, all)
        }
    }

    /// What `check` leaves behind: the checked program and the parsed files it was checked from.
    public struct Checked {
        public let program: CheckedProgram
        public let files: [FileSyntax]
    }

    /// Loads, parses and checks files with their imports, as `load` does, without compiling
    /// them to run: every diagnostic `load` reports comes from here, since compiling a checked
    /// program cannot fail. What `suanpan check` needs.
    public static func check(paths: [String], plugins: PluginSet) -> Result<(Checked, [Diagnostic]), Failure> {
        LargeStack.run { checkOnThisStack(paths: paths, extraSources: [], plugins: plugins, shadowing: []) }
    }

    static func checkOnThisStack(paths: [String], extraSources: [SourceFile], plugins: PluginSet,
                                 shadowing: Set<String>) -> Result<(Checked, [Diagnostic]), Failure> {
        var loader = SourceLoader()
        for path in paths { loader.load(path: path) }
        for source in extraSources { loader.addSource(source) }
        let extra = Set(extraSources.map(\.path))
        loader.files = loader.files.map { extra.contains($0.file.path) ? $0 : $0.without(shadowing) }
        if loader.diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(Failure(diagnostics: loader.diagnostics, ioFailed: loader.ioFailed))
        }
        let (checked, diagnostics) = Checker.check(loader.files, library: plugins.library)
        let all = loader.diagnostics + diagnostics + checkPopulations(checked, readers: plugins.readers)
        if all.contains(where: { $0.severity == .error }) {
            return .failure(Failure(diagnostics: all, ioFailed: false))
        }
        return .success((Checked(program: checked, files: loader.files), all))
    }

    /// Runs the top-level `print` statements in order; each prints one line,
    /// handed to `emit` as soon as it is computed (so a long run shows progress),
    /// and an error is thrown after the lines before it. With a path, only that
    /// file's statements run (the REPL runs what was just typed).
    public func runPrints(onlyIn path: String? = nil, _ emit: (String) -> Void) throws(RuntimeError) {
        try runPrints(onlyIn: path.map { [$0] }) { values in
            emit(values.map { Format.display($0.value, $0.type) }.joined(separator: " "))
        }
    }

    /// A top-level `print`'s values with their types, for a caller that formats them itself.
    public typealias Printed = [(value: Value, type: SType)]

    /// Runs the top-level `print` statements in order, handing each one's values
    /// to `emit` as soon as they are computed. With paths, only the statements
    /// written in those files run, not those of the files they import.
    public func runPrints(onlyIn paths: [String]?, values emit: (Printed) -> Void) throws(RuntimeError) {
        let statements = prints(onlyIn: paths)
        let failure = withoutActuallyEscaping(emit) { emit in
            LargeStack.run { () -> RuntimeError? in
                self.prepare()
                do throws(RuntimeError) {
                    for p in statements {
                        var values: Printed = []
                        for v in p.values {
                            values.append((try self.machine.evaluate(v, frameSize: p.frameSize), v.type))
                        }
                        emit(values)
                    }
                    return nil
                } catch {
                    return error
                }
            }
        }
        if let failure { throw failure }
    }

    /// The top-level `print` statements written in these files (all of them when nil), in order.
    public func prints(onlyIn paths: [String]?) -> [PrintDef] {
        guard let paths else { return checked.prints }
        let wanted = Set(paths.flatMap { [$0, Self.standardized($0)] })
        return checked.prints.filter { wanted.contains($0.file.path) || wanted.contains(Self.standardized($0.file.path)) }
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Sets a product parameter, or a table's row, for this program's runs ("what if"), from an
    /// assignment such as `Huabei.overdue_rate=0.06%/day` or `Huabei.installment_fee(12)=7.5%`. Returns what is wrong, if anything.
    /// The assignment is read and checked as a change inside `with Huabei { … } in …` is,
    /// and applied by the same machinery.
    public func setParameter(_ assignment: String, sourceName: String = "<--set>") -> [Diagnostic] {
        let source = SourceFile(path: sourceName, text: assignment)
        guard assignment.contains("=") else {
            return [.error("expected Product.param=value", file: source, span: Span(0, assignment.utf8.count))]
        }
        return LargeStack.run { () -> [Diagnostic] in
            self.prepare()
            let (parsed, parseDiagnostics) = Parser.parseOverride(source)
            guard let parsed, !parseDiagnostics.contains(where: { $0.severity == .error }) else { return parseDiagnostics }
            let (change, frameSize, diagnostics) = Checker.checkOverride(product: parsed.product, parsed.assignment,
                                                                         file: source, in: self.checked)
            guard let change, !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }
            do throws(RuntimeError) {
                let value = try self.machine.evaluate(change.value, frameSize: frameSize)
                switch change.target {
                case .parameter(let global):
                    try self.machine.apply(.parameter(global: global, value))
                case .row(let table, let keyExprs):
                    var keys: [Value] = []
                    for k in keyExprs { keys.append(try self.machine.evaluate(k, frameSize: frameSize)) }
                    try self.machine.apply(.row(table: table, keys: keys, value))
                }
                self.appliedSettings.append(assignment)
                return diagnostics
            } catch {
                return [error.diagnostic]
            }
        }
    }

    /// The index of a rule or table by its qualified name ("Huabei.fee"), for `call`.
    public func function(named name: String) -> Int? {
        checked.functions.firstIndex { $0.qualifiedName == name }
    }

    /// Calls a rule or table with values: the fast path for evaluating many accounts.
    public func call(_ function: Int, _ args: [Value]) throws(RuntimeError) -> Value {
        try machine.invoke(function, args)
    }

    /// Runs the test blocks in order. With a path, only the tests written in that
    /// file run, not those of the files it imports (each of those is tested on its own).
    public func runTests(onlyIn path: String? = nil) -> [TestOutcome] {
        let wanted = path.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        return LargeStack.run {
            self.prepare()
            return self.checked.tests
                .filter { wanted == nil || URL(fileURLWithPath: $0.file.path).standardizedFileURL.path == wanted }
                .map { self.machine.run($0) }
        }
    }

    /// A name an expression may use as a value of its own, such as the REPL's `_` (the last value).
    public struct Binding {
        public let name: String
        public let value: Value
        public let type: SType
        public init(name: String, value: Value, type: SType) {
            self.name = name
            self.value = value
            self.type = type
        }
    }

    /// The outcome of `eval`: a value with its type, or diagnostics.
    public enum Evaluation {
        case value(Value, SType)
        case checkFailed([Diagnostic])
        case runtimeFailed(RuntimeError)
    }

    /// Parses, checks and evaluates one expression against this program.
    public func evaluate(_ text: String, sourceName: String = "<expr>", bindings: [Binding] = []) -> Evaluation {
        evaluate(text, sourceName: sourceName, standalone: false, bindings: bindings)
    }

    /// `standalone`: the text is a value on its own (`--set`, `:set`), read as `Parser.parseValue` reads one.
    func evaluate(_ text: String, sourceName: String, standalone: Bool, bindings: [Binding] = []) -> Evaluation {
        LargeStack.run {
            self.prepare()
            return self.evaluateOnThisStack(text, sourceName: sourceName, standalone: standalone, bindings: bindings)
        }
    }

    /// Evaluates an expression in a tracing build of the program (with this
    /// program's overrides) and returns what happened, line by line, and the value.
    public func explain(_ text: String, sourceName: String = "<expr>", bindings: [Binding] = []) -> Result<([String], String), Failure> {
        let file = SourceFile(path: sourceName, text: text)
        let (expr, parseDiagnostics, _) = Parser.parseExpression(file)
        guard let expr, parseDiagnostics.isEmpty else { return .failure(Failure(diagnostics: parseDiagnostics, ioFailed: false)) }
        return LargeStack.run {
            let (bound, frameSize, diagnostics) = Checker.checkExpression(expr, file: file, in: self.checked,
                                                                          bindings: bindings.map { ($0.name, $0.type) })
            if diagnostics.contains(where: { $0.severity == .error }) { return .failure(Failure(diagnostics: diagnostics, ioFailed: false)) }
            let traced = Machine(CompiledProgram(self.checked, externals: self.plugins.implementations, tracing: true))
            traced.host = self
            traced.copyOverrides(from: self.machine)
            traced.interruptRequested = self.machine.interruptRequested
            traced.maxSteps = self.machine.maxSteps
            traced.maxBytes = self.machine.maxBytes
            defer { traced.releaseFrames() }
            do throws(RuntimeError) {
                let (value, lines) = try traced.explain(bound, frameSize: frameSize, locals: bindings.map(\.value))
                return .success((lines, "\(Format.display(value, bound.type, quoteStrings: true)) : \(bound.type)"))
            } catch {
                return .failure(Failure(diagnostics: [error.diagnostic], ioFailed: false))
            }
        }
    }

    /// The type of an expression, without evaluating it.
    public func typeOf(_ text: String, sourceName: String = "<expr>", bindings: [Binding] = []) -> Result<SType, Failure> {
        let file = SourceFile(path: sourceName, text: text)
        let (expr, parseDiagnostics, _) = Parser.parseExpression(file)
        guard let expr, parseDiagnostics.isEmpty else { return .failure(Failure(diagnostics: parseDiagnostics, ioFailed: false)) }
        let (bound, _, diagnostics) = LargeStack.run {
            Checker.checkExpression(expr, file: file, in: self.checked, bindings: bindings.map { ($0.name, $0.type) })
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failure(Failure(diagnostics: diagnostics, ioFailed: false)) }
        return .success(bound.type)
    }

    func evaluateOnThisStack(_ text: String, sourceName: String, standalone: Bool, bindings: [Binding] = []) -> Evaluation {
        let file = SourceFile(path: sourceName, text: text)
        let (expr, parseDiagnostics, _) = standalone ? Parser.parseValue(file) : Parser.parseExpression(file)
        guard let expr, parseDiagnostics.isEmpty else { return .checkFailed(parseDiagnostics) }
        let (bound, frameSize, diagnostics) = Checker.checkExpression(expr, file: file, in: checked,
                                                                      bindings: bindings.map { ($0.name, $0.type) })
        if diagnostics.contains(where: { $0.severity == .error }) { return .checkFailed(diagnostics) }
        do {
            return .value(try machine.evaluate(bound, frameSize: frameSize, locals: bindings.map(\.value)), bound.type)
        } catch {
            return .runtimeFailed(error)
        }
    }
}
