import Foundation
import Suanpan
import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanSyntax

/// What the analyst has built up at the prompt: loaded files, definitions
/// typed in (each keeps its own source, so errors point into the line typed),
/// and what-if overrides. Every change rebuilds the program from all of them;
/// a change that does not check is rolled back.
public final class Session {
    public private(set) var files: [String] = []
    /// Definitions typed at the prompt, by name; a new one with the same name replaces the old.
    public private(set) var entries: [(name: String, source: SourceFile)] = []
    /// `:set` overrides, reapplied after every rebuild: "Huabei.overdue_rate" → "0.06%/day".
    public private(set) var overrides: [(name: String, value: String)] = []
    public private(set) var program: Program?
    /// The last value an expression gave at the prompt, as `_`, with the type it had then.
    public internal(set) var last: Program.Binding?
    /// What an expression at the prompt can use besides the program's names: `_`.
    var bindings: [Program.Binding] { last.map { [$0] } ?? [] }
    let plugins: PluginSet
    var inputs = 0
    /// Steps one evaluation may take, for every program the session builds.
    public var maxSteps = Machine.defaultMaxSteps {
        didSet { program?.maxSteps = maxSteps }
    }
    /// Bytes a run's values may take, for every program the session builds.
    public var maxBytes = Machine.defaultMaxBytes {
        didSet { program?.maxBytes = maxBytes }
    }

    public init(plugins: PluginSet) {
        self.plugins = plugins
    }

    /// Rebuilds from files, entries and overrides; returns the diagnostics (warnings or errors).
    @discardableResult
    func rebuild() -> [Diagnostic] {
        switch Program.load(paths: files, extraSources: entries.map(\.source), plugins: plugins, shadowing: shadowed) {
        case .success(let (program, warnings)):
            // The program before stays until `_` is retyped: its records let go of their
            // own types when it goes.
            let previous = self.program
            defer { withExtendedLifetime(previous) {} }
            self.program = program
            program.machine.interruptRequested = { Interrupt.isSet }
            if let last {
                self.last = Program.Binding(name: last.name, value: retyped(last.value, in: program.checked),
                                            type: retyped(last.type, in: program.checked))
            }
            program.maxSteps = maxSteps
            program.maxBytes = maxBytes
            var problems = warnings
            // An override the new definitions no longer accept is dropped, not a reason to refuse them.
            overrides.removeAll { o in
                let failed = !program.setParameter("\(o.name)=\(o.value)").isEmpty
                if failed { problems.append(Diagnostic(.warning, "dropped :set \(o.name) = \(o.value): it no longer applies", file: nil, span: .none)) }
                return failed
            }
            return problems
        case .failure(let failure):
            return failure.diagnostics
        }
    }

    /// The names typed here, which replace the loaded files' declarations of them.
    var shadowed: Set<String> { Set(entries.map(\.name)) }

    /// Where the program's top-level declaration of a name comes from, when that is a loaded file.
    func fileDeclaring(_ name: String) -> String? {
        guard let checked = program?.checked else { return nil }
        var paths: [String] = []
        paths += checked.products.filter { $0.name == name }.map(\.file.path)
        let productFunctions = Set(checked.products.flatMap { $0.functions.map(\.function) })
        paths += checked.functions.enumerated().filter { !productFunctions.contains($0.offset) && $0.element.qualifiedName == name }
            .map(\.element.file.path)
        paths += checked.globals.filter { $0.qualifiedName == name }.map(\.file.path)
        paths += checked.records.values.filter { $0.name == name }.compactMap { $0.file?.path }
        paths += checked.tests.filter { "test \"\($0.name)\"" == name }.map(\.file.path)
        let typed = Set(entries.map(\.source.path))
        return paths.first { !typed.contains($0) }
    }

    /// A type of the program before a rebuild in terms of the new one: each record becomes
    /// the new program's record of that name when its fields are the same, so `_` still
    /// passes where a `Purchase` is wanted. A record that changed keeps its old type.
    func retyped(_ type: SType, in checked: CheckedProgram) -> SType {
        switch type {
        case .list(let element): return .list(retyped(element, in: checked))
        case .record(let old):
            guard !old.isRow, let fresh = checked.records[old.name] else { return type }
            let view = old.currency.map { fresh.inCurrency($0) } ?? fresh
            let shape = { (r: RecordType) in r.fields.map { "\($0.name): \($0.type)" } }
            return shape(view) == shape(old) ? .record(view) : type
        default: return type
        }
    }

    /// A value of the program before a rebuild with its records in terms of the new one (values carry their record type).
    func retyped(_ value: Value, in checked: CheckedProgram) -> Value {
        switch value {
        case .list(let items): return .list(items.map { retyped($0, in: checked) })
        case .record(let r):
            let fields = r.fields.map { retyped($0, in: checked) }
            guard case .record(let fresh) = retyped(.record(r.type), in: checked) else { return value }
            return .record(RecordValue(type: fresh, fields: fields))
        default: return value
        }
    }

    /// Tries a change; keeps it only if the program still checks.
    func attempt(_ change: () -> Void, undo: () -> Void) -> [Diagnostic] {
        change()
        let diagnostics = rebuild()
        if diagnostics.contains(where: { $0.severity == .error }) {
            undo()
            rebuild()
        }
        return diagnostics
    }

    public func load(_ path: String) -> [Diagnostic] {
        let before = files
        return attempt({ if !files.contains(path) { files.append(path) } }, undo: { files = before })
    }

    public func reload() -> [Diagnostic] { rebuild() }

    /// Adds or replaces definitions typed at the prompt, one source per definition.
    /// A definition whose name a loaded file declares shadows the file's, with a note saying so.
    func define(_ definitions: [(name: String, source: SourceFile)]) -> [Diagnostic] {
        let before = entries
        let fromFiles = definitions.compactMap { d in fileDeclaring(d.name).map { (d.name, $0) } }
        let diagnostics = attempt({
            for d in definitions {
                entries.removeAll { $0.name == d.name }
                entries.append(d)
            }
        }, undo: { entries = before })
        if diagnostics.contains(where: { $0.severity == .error }) { return diagnostics }
        return diagnostics + fromFiles.map { name, path in
            Diagnostic(.note, "\(name) shadows the one in \(path) for the rest of this session", file: nil, span: .none)
        }
    }

    /// The next source name for something typed at the prompt: <input-1>, <input-2>…
    func nextSourceName() -> String {
        inputs += 1
        return "<input-\(inputs)>"
    }

    /// `typed` is the assignment as written after `:set`, for diagnostics.
    public func set(_ name: String, _ value: String, typed: String? = nil) -> [Diagnostic] {
        guard let program else { return [] }
        let problems = program.setParameter(typed ?? "\(name)=\(value)", sourceName: typed == nil ? "<--set>" : "<input>")
        if problems.isEmpty {
            overrides.removeAll { $0.name == name }
            overrides.append((name, value))
        }
        return problems
    }

    /// Removes one override, or all of them.
    public func unset(_ name: String?) -> Bool {
        let before = overrides.count
        overrides.removeAll { name == nil || $0.name == name }
        guard overrides.count != before else { return false }
        rebuild()
        return true
    }
}
