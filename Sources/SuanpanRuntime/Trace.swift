import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// `:explain` support. A program compiled with tracing records, as it runs,
/// each rule or plugin function called with its arguments and result, each
/// table row that matched, each parameter read, and each rounding step with
/// what it removed. Tracing is a separate compilation: the ordinary closures
/// carry no trace cost at all.
extension Machine {
    /// "with a = …": a call's arguments, in a log.
    @inline(never)
    func noteArguments(of callee: CompiledFunction, _ frame: Frame) {
        let def = callee.definition
        let shown = def.parameters.indices.map { "\(def.parameters[$0].name) = \(Format.display(frame.slots[$0], def.parameters[$0].type, quoteStrings: true))" }
        note("with " + (shown.isEmpty ? "no arguments" : shown.joined(separator: ", ")))
    }

    /// The same for a call compiled in place, whose arguments are the caller's locals or literals.
    @inline(never)
    func noteArguments(of callee: CompiledFunction, _ sources: [Compiler.ArgumentSource], _ frame: Frame) {
        let def = callee.definition
        // No local of type Value: the debug build of Swift 6.3 can misplace one.
        func shown(_ source: Compiler.ArgumentSource, _ type: SType) -> String {
            switch source {
            case .slot(let s): Format.display(frame.slots[s], type, quoteStrings: true)
            case .value(let v): Format.display(v, type, quoteStrings: true)
            }
        }
        let shown = zip(def.parameters, sources).map { parameter, source in "\(parameter.name) = \(shown(source, parameter.type))" }
        note("with " + (shown.isEmpty ? "no arguments" : shown.joined(separator: ", ")))
    }

    /// The same for arguments computed already.
    @inline(never)
    func noteArguments(of callee: CompiledFunction, values: [Value]) {
        let def = callee.definition
        let shown = zip(def.parameters, values).map { "\($0.name) = \(Format.display($1, $0.type, quoteStrings: true))" }
        note("with " + (shown.isEmpty ? "no arguments" : shown.joined(separator: ", ")))
    }

    func note(_ text: String) {
        guard log != nil else { return }
        log?.append(String(repeating: "  ", count: traceDepth) + text)
    }
}

extension Compiler {
    /// Wraps a call so that it logs its arguments, nests what it does, and logs its result.
    func traced(_ code: @escaping Code, function def: FunctionDef, args: [BExpr]) -> Code {
        return { frame throws(RuntimeError) in
            let machine = frame.machine
            machine.note("\(def.qualifiedName)\(args.isEmpty && !def.hasParameterList ? "" : "(…)")")
            machine.traceDepth += 1
            defer { machine.traceDepth -= 1 }
            let result = try code(frame)
            machine.note("= \(Format.display(result, def.result, quoteStrings: true))")
            return result
        }
    }

    func tracedRow(_ def: FunctionDef, _ row: Int, _ table: TableBody, _ frame: Frame) {
        guard frame.machine.log != nil else { return }
        let keys = def.parameters.indices.map { "\(def.parameters[$0].name) = \(Format.display(frame.slots[$0], def.parameters[$0].type, quoteStrings: true))" }
        let text: String
        if row < table.rows.count {
            let r = table.rows[row]
            let spans = r.patterns.compactMap { p -> Span? in
                switch p {
                case .exact(let e): return e.span
                case .range(let lo, let hi, _): return (lo ?? hi).map { $0.span.to((hi ?? lo ?? $0).span) }
                case .any: return nil
                }
            }
            let start = spans.first?.start ?? r.value.span.start
            text = "row \(row + 1): " + r.value.file.text(of: Span(start, r.value.span.end)).replacingOccurrences(of: "\n", with: " ")
        } else {
            text = "else row"
        }
        frame.machine.note("table \(def.qualifiedName): \(keys.joined(separator: ", ")) matches \(text)")
    }

    func tracedRounding(_ before: Value, _ after: Value, _ type: SType, _ how: String, _ frame: Frame) {
        guard frame.machine.log != nil else { return }
        var residual = ""
        switch (before, after) {
        case (.decimal(let a), .decimal(let b)):
            if let r = try? b.subtracting(a) { residual = Format.display(.decimal(r), type) }
        case (.money(let a, let c), .money(let b, _)):
            if let r = try? b.subtracting(a) { residual = Format.display(.money(r, c), type) }
        default: break
        }
        frame.machine.note("\(how): \(Format.display(before, type)) → \(Format.display(after, type))"
                           + (residual.isEmpty ? "" : " (residual \(residual))"))
    }
}

/// A what-if's change as the trace and the REPL show it: `Huabei.installment_fee(12) = 7.5%`.
func describe(_ change: Machine.Change, _ checked: CheckedProgram) -> String {
    switch change {
    case .parameter(let global, let value):
        guard checked.globals.indices.contains(global) else { return "?" }
        let def = checked.globals[global]
        return "\(def.qualifiedName) = \(Format.display(value, def.type, quoteStrings: true))"
    case .row(let table, let keys, let value):
        guard checked.functions.indices.contains(table) else { return "?" }
        let def = checked.functions[table]
        let shown = zip(keys, def.parameters).map { Format.display($0, $1.type, quoteStrings: true) }
        return "\(def.qualifiedName)(\(shown.joined(separator: ", "))) = \(Format.display(value, def.result, quoteStrings: true))"
    }
}
