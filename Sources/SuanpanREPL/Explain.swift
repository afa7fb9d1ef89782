import Suanpan

extension REPL {
    func explain(_ argument: String) {
        guard let program = session.program, !argument.isEmpty else { return errors("usage: :explain EXPR") }
        switch program.explain(argument, sourceName: "<input>", bindings: session.bindings) {
        case .success(let (lines, result)):
            lines.forEach { output($0) }
            output("= \(result)")
        case .failure(let failure):
            report(failure.diagnostics)
        }
    }
}
