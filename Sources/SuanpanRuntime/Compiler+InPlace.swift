import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// Calls of small rules compiled into the caller: no frame, no argument copied.
extension Compiler {
    /// A call of a small rule whose arguments are locals or literals, compiled in place:
    /// the callee's body reads its parameters where the caller has them, so the call
    /// needs no frame and copies no argument. Everything else a call does stays: the
    /// step, the depth and nesting limits, the arguments in a log, the error's trace.
    /// Nil for any other call (a table, a rule with lets or loops, recursion, tracing).
    func inlineCall(_ f: Int, _ args: [BExpr], _ e: BExpr) -> Code? {
        guard !program.tracing, inlined.count < 4, !inlined.contains(f), program.checked.functions.indices.contains(f) else { return nil }
        let def = program.checked.functions[f]
        guard case .expression(let body)? = def.body, args.count == def.parameters.count else { return nil }
        var budget = 64
        guard Compiler.inlinable(body, &budget) else { return nil }
        let size = 64 - budget
        guard inlinedNodes.count + size <= Compiler.maxInlinedNodes else { return nil }
        inlinedNodes.count += size
        var sources: [ArgumentSource] = []
        for a in args {
            switch a.kind {
            case .local(let s):
                if let arguments {
                    guard arguments.indices.contains(s) else { return nil }
                    sources.append(arguments[s])
                } else {
                    sources.append(.slot(s))
                }
            case .constant(let c):
                sources.append(.value(Value(c)))
            default:
                return nil
            }
        }
        var inner = self
        inner.arguments = sources
        inner.inlined.append(f)
        let code = inner.compile(body)
        let callee = program.functions[f]
        let span = e.span, file = e.file
        return { frame throws(RuntimeError) in
            let machine = frame.machine
            try machine.enterInPlace(callee, at: span, in: file)
            defer { machine.leave(callee) }
            if machine.log != nil { machine.noteArguments(of: callee, sources, frame) }
            do throws(RuntimeError) {
                return try code(frame)
            } catch {
                throw machine.failed(error, in: callee, at: span, in: file)
            }
        }
    }

    /// Whether a body can be compiled in place: no lets or loops (which would write
    /// slots of the caller's frame), no plugin calls, and small (`budget` nodes).
    static func inlinable(_ e: BExpr, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch e.kind {
        case .constant, .local, .global:
            return true
        case .call(_, let args), .list(let args), .record(_, let args):
            return args.allSatisfy { inlinable($0, &budget) }
        case .intrinsic(let f, let args):
            switch f {
            case .round, .min, .max, .abs, .sum, .count, .average, .prod:
                return args.allSatisfy { inlinable($0, &budget) }
            default:
                return false
            }
        case .negate(let a, _), .not(let a), .field(let a, _), .requireCurrency(let a, _), .dateComponent(let a, _),
             .roundMoney(let a, _, _):
            return inlinable(a, &budget)
        case .and(let a, let b), .or(let a, let b), .operation(_, let a, let b), .compare(_, _, let a, let b), .index(let a, let b):
            return inlinable(a, &budget) && inlinable(b, &budget)
        case .conditional(let a, let b, let c):
            return inlinable(a, &budget) && inlinable(b, &budget) && inlinable(c, &budget)
        case .external, .sequence, .slice, .comprehension, .fold, .arrange, .scoped, .source:
            return false
        }
    }
}
