import Foundation
import SuanpanChecker
import SuanpanLibrary
import SuanpanPlugin
import SuanpanRuntime
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

    /// Steps (rule calls and loop items) one evaluation may take before it
    /// stops with an error: `--max-steps` on the command line.
    public var maxSteps: Int {
        get { machine.maxSteps }
        set { machine.maxSteps = newValue }
    }

    /// Values (list elements, record fields, plugin results) a run may hold:
    /// what its computed constants hold is taken from every evaluation's share.
    public var maxElements: Int {
        get { machine.maxElements }
        set { machine.maxElements = newValue }
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
            return .success(try PluginSet(StandardLibrary.plugins))
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

    public static func load(paths: [String], extraSources: [SourceFile] = [], plugins: PluginSet)
        -> Result<(Program, [Diagnostic]), Failure> {
        LargeStack.run { loadOnThisStack(paths: paths, extraSources: extraSources, plugins: plugins) }
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

    static func loadOnThisStack(paths: [String], extraSources: [SourceFile], plugins: PluginSet) -> Result<(Program, [Diagnostic]), Failure> {
        var loader = SourceLoader()
        for path in paths { loader.load(path: path) }
        for source in extraSources { loader.addSource(source) }
        if loader.diagnostics.contains(where: { $0.severity == .error }) {
            return .failure(Failure(diagnostics: loader.diagnostics, ioFailed: loader.ioFailed))
        }
        let (checked, diagnostics) = Checker.check(loader.files, library: plugins.library)
        let all = loader.diagnostics + diagnostics
        if all.contains(where: { $0.severity == .error }) {
            return .failure(Failure(diagnostics: all, ioFailed: false))
        }
        return .success((Program(checked: checked, plugins: plugins), all))
    }

    /// Runs the top-level `print` statements in order; each prints one line.
    /// Lines printed before an error are emitted before it is thrown. With a
    /// path, only that file's statements run (the REPL runs what was just typed).
    public func runPrints(onlyIn path: String? = nil, _ emit: (String) -> Void) throws(RuntimeError) {
        let (lines, failure) = LargeStack.run { () -> ([String], RuntimeError?) in
            self.prepare()
            var lines: [String] = []
            do throws(RuntimeError) {
                for p in self.checked.prints where path == nil || p.file.path == path {
                    var parts: [String] = []
                    for v in p.values {
                        parts.append(Format.display(try self.machine.evaluate(v, frameSize: p.frameSize), v.type))
                    }
                    lines.append(parts.joined(separator: " "))
                }
                return (lines, nil)
            } catch {
                return (lines, error)
            }
        }
        lines.forEach(emit)
        if let failure { throw failure }
    }

    /// Sets a product parameter for this program's runs ("what if"), from an
    /// assignment such as `Huabei.overdue_rate=0.06%/day`. Returns what is wrong, if anything.
    /// The value stands alone, so it may be written as values are displayed, an
    /// amount's digits grouped by commas: `Huabei.credit_limit=1,200.00 CNY`.
    public func setParameter(_ assignment: String, sourceName: String = "<--set>") -> [Diagnostic] {
        let source = SourceFile(path: sourceName, text: assignment)
        guard let equals = assignment.firstIndex(of: "=") else {
            return [.error("expected Product.param=value", file: source, span: Span(0, assignment.utf8.count))]
        }
        let name = assignment[..<equals].trimmingCharacters(in: .whitespaces)
        let parameters = checked.products.flatMap { p in p.parameters.map { ("\(p.name).\($0.name)", $0.global) } }
        guard let global = parameters.first(where: { $0.0 == name })?.1 else {
            let known = parameters.map(\.0)
            return [.error("no product parameter '\(name)'", file: source, span: Span(0, name.utf8.count),
                           hint: known.isEmpty ? "no product is loaded" : "parameters: \(known.joined(separator: ", "))")]
        }
        let text = String(assignment[assignment.index(after: equals)...])
        switch evaluate(text, sourceName: "<--set \(name)>", standalone: true) {
        case .value(let value, let type):
            let wanted = checked.globals[global].type
            do {
                guard fits(type, wanted) else { throw RuntimeError("", file: nil, span: .none) }
                try machine.override(global: global, with: value)
                return []
            } catch {
                return [.error("\(name) is \(wanted); '\(text.trimmingCharacters(in: .whitespaces))' is \(type)",
                               file: source, span: Span(0, assignment.utf8.count))]
            }
        case .checkFailed(let diagnostics):
            return diagnostics
        case .runtimeFailed(let error):
            return [error.diagnostic]
        }
    }

    /// Whether a value of one type may stand where another is declared; the
    /// value itself is checked too (a currency known only at run time).
    func fits(_ type: SType, _ wanted: SType) -> Bool {
        switch (type, wanted) {
        case _ where type == wanted: return true
        case (.int, .number), (.money, .money), (.list(.anything), .list): return true
        case (.flow(_, let p), .flow(_, let q)): return p == q
        case (.record(let a), .record(let b)): return a.root === b.root
        case (.list(let a), .list(let b)): return fits(a, b)
        default: return false
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

    /// The outcome of `eval`: a value with its type, or diagnostics.
    public enum Evaluation {
        case value(Value, SType)
        case checkFailed([Diagnostic])
        case runtimeFailed(RuntimeError)
    }

    /// Parses, checks and evaluates one expression against this program.
    public func evaluate(_ text: String, sourceName: String = "<expr>") -> Evaluation {
        evaluate(text, sourceName: sourceName, standalone: false)
    }

    /// `standalone`: the text is a value on its own (`--set`, `:set`), read as `Parser.parseValue` reads one.
    func evaluate(_ text: String, sourceName: String, standalone: Bool) -> Evaluation {
        LargeStack.run {
            self.prepare()
            return self.evaluateOnThisStack(text, sourceName: sourceName, standalone: standalone)
        }
    }

    /// Evaluates an expression in a tracing build of the program (with this
    /// program's overrides) and returns what happened, line by line, and the value.
    public func explain(_ text: String, sourceName: String = "<expr>") -> Result<([String], String), Failure> {
        let file = SourceFile(path: sourceName, text: text)
        let (expr, parseDiagnostics, _) = Parser.parseExpression(file)
        guard let expr, parseDiagnostics.isEmpty else { return .failure(Failure(diagnostics: parseDiagnostics, ioFailed: false)) }
        return LargeStack.run {
            let (bound, frameSize, diagnostics) = Checker.checkExpression(expr, file: file, in: self.checked)
            if diagnostics.contains(where: { $0.severity == .error }) { return .failure(Failure(diagnostics: diagnostics, ioFailed: false)) }
            let traced = Machine(CompiledProgram(self.checked, externals: self.plugins.implementations, tracing: true))
            traced.copyOverrides(from: self.machine)
            traced.interruptRequested = self.machine.interruptRequested
            traced.maxSteps = self.machine.maxSteps
            traced.maxElements = self.machine.maxElements
            defer { traced.releaseFrames() }
            do throws(RuntimeError) {
                let (value, lines) = try traced.explain(bound, frameSize: frameSize)
                return .success((lines, "\(Format.display(value, bound.type, quoteStrings: true)) : \(bound.type)"))
            } catch {
                return .failure(Failure(diagnostics: [error.diagnostic], ioFailed: false))
            }
        }
    }

    /// The type of an expression, without evaluating it.
    public func typeOf(_ text: String, sourceName: String = "<expr>") -> Result<SType, Failure> {
        let file = SourceFile(path: sourceName, text: text)
        let (expr, parseDiagnostics, _) = Parser.parseExpression(file)
        guard let expr, parseDiagnostics.isEmpty else { return .failure(Failure(diagnostics: parseDiagnostics, ioFailed: false)) }
        let (bound, _, diagnostics) = LargeStack.run { Checker.checkExpression(expr, file: file, in: self.checked) }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failure(Failure(diagnostics: diagnostics, ioFailed: false)) }
        return .success(bound.type)
    }

    func evaluateOnThisStack(_ text: String, sourceName: String, standalone: Bool) -> Evaluation {
        let file = SourceFile(path: sourceName, text: text)
        let (expr, parseDiagnostics, _) = standalone ? Parser.parseValue(file) : Parser.parseExpression(file)
        guard let expr, parseDiagnostics.isEmpty else { return .checkFailed(parseDiagnostics) }
        let (bound, frameSize, diagnostics) = Checker.checkExpression(expr, file: file, in: checked)
        if diagnostics.contains(where: { $0.severity == .error }) { return .checkFailed(diagnostics) }
        do {
            return .value(try machine.evaluate(bound, frameSize: frameSize), bound.type)
        } catch {
            return .runtimeFailed(error)
        }
    }
}
