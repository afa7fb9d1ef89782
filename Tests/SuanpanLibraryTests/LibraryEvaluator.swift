import Suanpan
import SuanpanRuntime
import SuanpanSyntax

/// Evaluates expressions against a program (empty unless `source` is given) with the standard
/// plugins and shows the outcome as `value : type`, `check: message` or `runtime: message`.
final class LibraryEvaluator {
    let program: Program?

    init(source: String? = nil) {
        let files = source.map { [SourceFile(path: "<test>", text: $0)] } ?? []
        if case .success(let (p, _)) = Program.load(paths: [], extraSources: files) { program = p } else { program = nil }
    }

    func show(_ text: String) -> String {
        switch program?.evaluate(text) {
        case .value(let v, let t)?: return "\(Format.display(v, t, quoteStrings: true)) : \(t)"
        case .checkFailed(let d)?: return "check: " + d.map(\.message).joined(separator: "; ")
        case .runtimeFailed(let e)?: return "runtime: \(e.message)"
        case nil: return "<the standard plugins did not load>"
        }
    }

    /// The hint of the first check error, as the command line shows it after `= hint:`.
    func hint(_ text: String) -> String? {
        guard case .checkFailed(let d)? = program?.evaluate(text) else { return nil }
        return d.first?.hint
    }
}
