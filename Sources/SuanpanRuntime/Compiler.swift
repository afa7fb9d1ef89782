import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// Turns checked expressions into closures, once. Each node's closure does
/// exactly the operation the checker chose; the only checks left at run time
/// are the ones types cannot settle: overflow, division by zero, currencies
/// of `money` fields, table misses, list bounds.
struct Compiler {
    unowned let program: CompiledProgram
    /// Inside a rule call compiled in place (`inlineCall`): where each of the
    /// callee's parameters is, in the caller's frame or as a literal. Nil outside.
    var arguments: [ArgumentSource]? = nil
    /// The rules being compiled in place, innermost last: none is inlined into itself.
    var inlined: [Int] = []
    /// Nodes compiled in place so far for the body being compiled, shared by the copies
    /// of this compiler: a rule calling small rules that call small rules many times
    /// over stops being inlined before its code grows large.
    let inlinedNodes = Counter()

    final class Counter {
        var count = 0
    }
    static let maxInlinedNodes = 1_000

    enum ArgumentSource {
        case slot(Int)
        case value(Value)
    }

    /// A local slot of the frame being compiled for, seen through `arguments`:
    /// nil when the parameter is a literal.
    func frameSlot(_ slot: Int) -> Int? {
        guard let arguments else { return slot }
        guard arguments.indices.contains(slot), case .slot(let s) = arguments[slot] else { return nil }
        return s
    }

    func body(_ def: FunctionDef) -> Code {
        switch def.body {
        case .expression(let e)?:
            return compile(e)
        case .table(let table)?:
            return compileTable(table, def)
        case nil:
            return failing(RuntimeError("\(quoted(def.qualifiedName)) has no body", file: def.file, span: def.span))
        }
    }

    /// A global's initializer runs in a frame of its own.
    func global(_ g: GlobalDef) -> Code {
        guard let initializer = g.initializer else {
            let error = RuntimeError("\(quoted(g.qualifiedName)) has no value", file: g.file, span: g.span)
            return failing(error)
        }
        let code = compile(initializer)
        let size = g.frameSize
        return { (frame: Frame) throws(RuntimeError) -> Value in try code(Frame(size: size, machine: frame.machine)) }
    }

    func failing(_ error: RuntimeError) -> Code {
        return { (_: Frame) throws(RuntimeError) -> Value in throw error }
    }

    func compile(_ e: BExpr) -> Code {
        switch e.kind {
        case .constant(let c):
            let value = Value(c)
            return { (_: Frame) throws(RuntimeError) -> Value in value }
        case .local(let slot):
            if let arguments {
                guard arguments.indices.contains(slot) else { return failing(internalError("a parameter", e)) }
                switch arguments[slot] {
                case .slot(let s): return { frame in frame.slots[s] }
                case .value(let v): return { (_: Frame) throws(RuntimeError) -> Value in v }
                }
            }
            return { frame in frame.slots[slot] }
        case .global(let index):
            let span = e.span, file = e.file
            if program.tracing, program.checked.globals[index].kind == .parameter {
                let def = program.checked.globals[index]
                return { frame throws(RuntimeError) in
                    let value = try frame.machine.global(index, at: span, in: file)
                    if frame.machine.tracedGlobals.insert(index).inserted {
                        frame.machine.note("parameter \(def.qualifiedName) = \(Format.display(value, def.type, quoteStrings: true))"
                                           + (frame.machine.overridden.contains(index) ? " (set)" : ""))
                    }
                    return value
                }
            }
            return { frame throws(RuntimeError) in
                // A value computed already (or set by a what-if) is read in place.
                if let value = frame.machine.globalValues[index] { return value }
                return try frame.machine.global(index, at: span, in: file)
            }
        case .call(let f, let args):
            if let code = inlineCall(f, args, e) { return code }
            let span = e.span, file = e.file
            if args.count == 1, let lookup = literalTableLookup(f) {
                // A table of literal rows by one number key: looked up in place, no frame.
                let callee = program.functions[f]
                let argument = compile(args[0])
                return { frame throws(RuntimeError) in
                    let machine = frame.machine
                    try machine.enterInPlace(callee, at: span, in: file)
                    defer { machine.leave(callee) }
                    let key = try argument(frame)
                    if machine.log != nil { machine.noteArguments(of: callee, values: [key]) }
                    do throws(RuntimeError) {
                        return try lookup(key, machine)
                    } catch {
                        throw machine.failed(error, in: callee, at: span, in: file)
                    }
                }
            }
            // Held strongly, so calling it counts no references; a recursive rule's
            // closure then holds itself, a cycle the program breaks when it is freed.
            let callee = program.functions[f]
            let code: Code
            if args.count == 1 {
                // One argument, the common case: no loop over an array of closures (whose
                // elements are called through a thunk).
                let argument = compile(args[0])
                code = { frame throws(RuntimeError) in
                    let machine = frame.machine
                    let calleeFrame = try machine.enter(callee, at: span, in: file)
                    defer { machine.leave(callee) }
                    calleeFrame.slots[0] = try argument(frame)
                    if machine.log != nil { machine.noteArguments(of: callee, calleeFrame) }
                    return try machine.finish(callee, calleeFrame, at: span, in: file)
                }
            } else {
                let codes = args.map(compile)
                code = { frame throws(RuntimeError) in
                    let machine = frame.machine
                    let calleeFrame = try machine.enter(callee, at: span, in: file)
                    defer { machine.leave(callee) }
                    for i in codes.indices { calleeFrame.slots[i] = try codes[i](frame) }
                    if machine.log != nil { machine.noteArguments(of: callee, calleeFrame) }
                    return try machine.finish(callee, calleeFrame, at: span, in: file)
                }
            }
            return program.tracing ? traced(code, function: program.checked.functions[f], args: args) : code
        case .intrinsic(let f, let args):
            return intrinsic(f, args, e)
        case .external(let f, let overload, let args):
            return external(f, overload, args, e)
        case .negate(let operand, let money):
            let code = compile(operand)
            return { frame throws(RuntimeError) in
                let v = try code(frame)
                if money {
                    let (amount, currency) = try moneyParts(v, e)
                    return .money(try arithmetic(e) { () throws(ArithmeticError) in try amount.negated() }, currency)
                }
                let d = try decimal(v, e)
                return .decimal(try arithmetic(e) { () throws(ArithmeticError) in try d.negated() })
            }
        case .not(let operand):
            let code = compile(operand)
            return { frame throws(RuntimeError) in .bool(!(try boolean(try code(frame), e))) }
        case .and(let l, let r):
            let a = compile(l), b = compile(r)
            return { frame throws(RuntimeError) in
                try boolean(try a(frame), e) ? .bool(try boolean(try b(frame), e)) : .bool(false)
            }
        case .or(let l, let r):
            let a = compile(l), b = compile(r)
            return { frame throws(RuntimeError) in
                try boolean(try a(frame), e) ? .bool(true) : .bool(try boolean(try b(frame), e))
            }
        case .operation(let op, let l, let r):
            return operation(op, compile(l), compile(r), e)
        case .compare(let comparison, let valueClass, let l, let r):
            let a = compile(l), b = compile(r)
            return { frame throws(RuntimeError) in
                .bool(try compareValues(comparison, valueClass, try a(frame), try b(frame), e))
            }
        case .conditional(let c, let t, let f):
            let condition = compile(c), whenTrue = compile(t), whenFalse = compile(f)
            return { frame throws(RuntimeError) in
                try boolean(try condition(frame), e) ? try whenTrue(frame) : try whenFalse(frame)
            }
        case .sequence:
            // A block's lets run one after another in a loop, however many there are.
            var steps: [(Int, Code)] = []
            var current = e
            while case .sequence(let slot, let value, let then) = current.kind {
                steps.append((slot, compile(value)))
                current = then
            }
            let result = compile(current)
            return { frame throws(RuntimeError) in
                for (slot, code) in steps { frame.slots[slot] = try code(frame) }
                return try result(frame)
            }
        case .field(let base, let index):
            if case .local(let local) = base.kind, let slot = frameSlot(local) {
                // A field of a parameter or let (a.balance): read where it lies.
                return { frame throws(RuntimeError) in
                    guard case .record(let r) = frame.slots[slot], let value = r.field(index) else {
                        throw internalError("a record", e)
                    }
                    return value
                }
            }
            let code = compile(base)
            return { frame throws(RuntimeError) in
                guard case .record(let r) = try code(frame), r.fields.indices.contains(index) else {
                    throw internalError("a record", e)
                }
                return r.fields[index]
            }
        case .index(let base, let position):
            return indexing(compile(base), compile(position), e)
        case .list(let items):
            let codes = items.map(compile)
            return { frame throws(RuntimeError) in
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for c in codes { values.append(try c(frame)) }
                return .list(values)
            }
        case .comprehension(let element, let slot, let source, let filter):
            return comprehension(compile(element), slot, compile(source), filter.map(compile), e, items: source)
        case .fold(let plan):
            return fold(plan, e)
        case .arrange(let kind, let slot, let source, let key, let descending):
            return arrange(kind, slot, source, key, descending: descending, e)
        case .slice(let base, let from, let to, let through):
            return slice(compile(base), from.map(compile), to.map(compile), through: through, e)
        case .record(let type, let fields):
            let codes = fields.map(compile)
            return { frame throws(RuntimeError) in
                try frame.machine.spend(values: codes.count, records: 1, at: e)
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for c in codes { values.append(try c(frame)) }
                return .record(RecordValue(type: type, fields: values))
            }
        case .requireCurrency(let inner, let currency):
            let code = compile(inner)
            return { frame throws(RuntimeError) in
                let v = try code(frame)
                if case .record(let r) = v, case .record(let view) = e.type {
                    // A plugin's record of a currency known only now, where its view in one currency is wanted.
                    for (value, field) in zip(r.fields, view.fields) where !value.conforms(to: field.type) {
                        let found = if case .money(_, let c) = value { "its \(field.name) in \(c.code)" } else { "its \(field.name) not in \(currency.code)" }
                        throw RuntimeError("expected \(e.type), found \(found)", file: e.file, span: e.span)
                    }
                    return v
                }
                let (_, have) = try moneyParts(v, e)
                if have != currency {
                    throw RuntimeError("expected money in \(currency.code), found \(have.code)", file: e.file, span: e.span)
                }
                return v
            }
        case .dateComponent(let inner, let component):
            let code = compile(inner)
            return { frame throws(RuntimeError) in
                guard case .date(let d) = try code(frame) else { throw internalError("a date", e) }
                switch component {
                case .year: return .decimal(FixedDecimal(d.year))
                case .month: return .decimal(FixedDecimal(d.month))
                case .day: return .decimal(FixedDecimal(d.day))
                case .weekday: return .decimal(FixedDecimal(d.weekday))
                }
            }
        case .scoped(let overrides, let body):
            return scoped(overrides, compile(body))
        case .source(let ref):
            let span = e.span, file = e.file
            return { frame throws(RuntimeError) in try frame.machine.source(ref, at: span, in: file) }
        case .roundMoney(let inner, let quantum, let mode):
            let code = compile(inner)
            let tracing = program.tracing
            return { frame throws(RuntimeError) in
                let (amount, currency) = try moneyParts(try code(frame), e)
                let step = quantum ?? currency.minorUnit
                let result = Value.money(try arithmetic(e) { () throws(ArithmeticError) in try amount.rounded(toMultipleOf: step, mode: mode) }, currency)
                if tracing { tracedRounding(.money(amount, currency), result, e.type, "rounding policy \(mode.rawValue)", frame) }
                return result
            }
        }
    }

    /// `with P { … } in body`: the new values (and a row's keys) are computed first,
    /// outside the change, then the body runs with them in place.
    func scoped(_ overrides: [OverrideDef], _ body: @escaping Code) -> Code {
        let steps = overrides.map { o -> (target: OverrideDef.Target, keys: [Code], value: Code) in
            switch o.target {
            case .parameter: return (o.target, [], compile(o.value))
            case .row(_, let keys): return (o.target, keys.map(compile), compile(o.value))
            }
        }
        let checked = program.checked
        return { frame throws(RuntimeError) in
            var changes: [Machine.Change] = []
            changes.reserveCapacity(steps.count)
            for step in steps {
                switch step.target {
                case .parameter(let global):
                    changes.append(.parameter(global: global, try step.value(frame)))
                case .row(let table, _):
                    var keys: [Value] = []
                    for k in step.keys { keys.append(try k(frame)) }
                    changes.append(.row(table: table, keys: keys, try step.value(frame)))
                }
            }
            let machine = frame.machine
            if machine.log != nil {
                for change in changes { machine.note("what-if " + describe(change, checked)) }
            }
            return try machine.withOverrides(changes) { () throws(RuntimeError) in try body(frame) }
        }
    }

    func indexing(_ base: @escaping Code, _ position: @escaping Code, _ e: BExpr) -> Code {
        return { frame throws(RuntimeError) in
            guard case .list(let items) = try base(frame) else { throw internalError("a list", e) }
            let d = try decimal(try position(frame), e)
            guard let i = d.intValue, items.indices.contains(i) else {
                throw RuntimeError("index \(d) is out of range: the list has \(items.count) element\(items.count == 1 ? "" : "s")",
                                   file: e.file, span: e.span, hint: "indexes start at 0")
            }
            return items[i]
        }
    }

    /// A state carried through a list: one loop, two slots, no recursion, so a
    /// million items cost a million steps and no stack. Each item is a tick of
    /// the machine's budget (an interrupt stops it); `scan` also spends one
    /// element per state it keeps.
    func fold(_ plan: FoldPlan, _ e: BExpr) -> Code {
        let initial = compile(plan.initial), source = compile(plan.source), step = compile(plan.step)
        let filter = plan.filter.map(compile)
        let (stateSlot, itemSlot, keepsEveryState) = (plan.stateSlot, plan.itemSlot, plan.keepsEveryState)
        let sourceExpr = plan.source
        return { frame throws(RuntimeError) in
            var state = try initial(frame)
            guard case .list(let items) = try source(frame) else { throw internalError("a list", e) }
            var states: [Value] = []
            if keepsEveryState {
                try frame.machine.spend(values: items.count, at: e)
                states.reserveCapacity(items.count)
            }
            for (index, item) in items.enumerated() {
                try frame.machine.tick(at: e)
                frame.slots[stateSlot] = state
                frame.slots[itemSlot] = item
                do throws(RuntimeError) {
                    if let filter, !(try boolean(try filter(frame), e)) { continue }
                    state = try step(frame)
                } catch {
                    var failure = error
                    failure.trace.append(itemContext(index, of: items.count, item, in: sourceExpr))
                    throw failure
                }
                if keepsEveryState { states.append(state) }
            }
            return keepsEveryState ? .list(states) : state
        }
    }

    /// An error while computing one item's element or filter names the item: its index
    /// in the list and a short display of it (as in a fold's step). Only the failing
    /// path builds that text.
    func comprehension(_ element: @escaping Code, _ slot: Int, _ source: @escaping Code, _ filter: Code?, _ e: BExpr,
                       items sourceExpr: BExpr) -> Code {
        return { frame throws(RuntimeError) in
            guard case .list(let items) = try source(frame) else { throw internalError("a list", e) }
            try frame.machine.spend(values: items.count, at: e)
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                try frame.machine.tick(at: e)
                frame.slots[slot] = item
                do throws(RuntimeError) {
                    if let filter, !(try boolean(try filter(frame), e)) { continue }
                    out.append(try element(frame))
                } catch {
                    var failure = error
                    failure.trace.append(itemContext(index, of: items.count, item, in: sourceExpr))
                    throw failure
                }
            }
            return .list(out)
        }
    }
}

/// "at item 2 of 3 of bills (bills[1]): Bill { amount: 1,000.00 CNY, … }": which item of
/// a list a failure happened for, shown short.
func itemContext(_ index: Int, of count: Int, _ item: Value, in source: BExpr) -> String {
    var element = SType.anything
    if case .list(let t) = source.type { element = t }
    let limit = 80
    var shown = Format.display(item, element, quoteStrings: true, limit: 4 * limit)
    if shown.count > limit { shown = String(shown.prefix(limit - 1)) + "…" }
    let text = source.file.text(of: source.span)
    let written = text.count <= 40 && !text.contains("\n") ? text : "the list"
    // A name or a field (`bills`, `p.bills`) also gives the index as written: bills[1].
    let isPath = written.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    let at = isPath ? " (\(written)[\(index)])" : ""
    return "at item \(index + 1) of \(count) of \(written)\(at): \(shown)"
}
