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
    let plugins: PluginSet
    var inputs = 0
    /// Steps one evaluation may take, for every program the session builds.
    public var maxSteps = Machine.defaultMaxSteps {
        didSet { program?.maxSteps = maxSteps }
    }

    public init(plugins: PluginSet) {
        self.plugins = plugins
    }

    /// Rebuilds from files, entries and overrides; returns the diagnostics (warnings or errors).
    @discardableResult
    func rebuild() -> [Diagnostic] {
        switch Program.load(paths: files, extraSources: entries.map(\.source), plugins: plugins) {
        case .success(let (program, warnings)):
            self.program = program
            program.machine.interruptRequested = { Interrupt.isSet }
            program.maxSteps = maxSteps
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
    func define(_ definitions: [(name: String, source: SourceFile)]) -> [Diagnostic] {
        let before = entries
        return attempt({
            for d in definitions {
                entries.removeAll { $0.name == d.name }
                entries.append(d)
            }
        }, undo: { entries = before })
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
