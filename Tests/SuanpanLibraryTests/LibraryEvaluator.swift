import Suanpan
import SuanpanRuntime

/// Evaluates expressions against an empty program with the standard plugins and
/// shows the outcome as `value : type`, `check: message` or `runtime: message`.
final class LibraryEvaluator {
    let program: Program?

    init() {
        if case .success(let (p, _)) = Program.load(paths: []) { program = p } else { program = nil }
    }

    func show(_ text: String) -> String {
        switch program?.evaluate(text) {
        case .value(let v, let t)?: return "\(Format.display(v, t, quoteStrings: true)) : \(t)"
        case .checkFailed(let d)?: return "check: " + d.map(\.message).joined(separator: "; ")
        case .runtimeFailed(let e)?: return "runtime: \(e.message)"
        case nil: return "<the standard plugins did not load>"
        }
    }
}
