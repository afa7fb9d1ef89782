import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// Compiled code: a closure tree built once from the checked program.
typealias Code = (Frame) throws(RuntimeError) -> Value

/// The local slots of one rule call, test or top-level statement. Slots are
/// raw memory rather than an array: the checker numbers every slot below the
/// frame size it reports, and plain loads and stores keep calls cheap.
final class Frame {
    let slots: UnsafeMutablePointer<Value>
    let capacity: Int
    /// A strong reference, which the hot path reads without retaining; the
    /// machine's cache of frames makes a cycle that `releaseFrames` breaks.
    let machine: Machine

    init(size: Int, machine: Machine) {
        capacity = max(size, 1)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: .bool(false), count: capacity)
        self.machine = machine
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }
}

/// A checked program compiled to closures. Immutable and shareable: every run
/// gets its own `Machine`.
public final class CompiledProgram: @unchecked Sendable {
    public let checked: CheckedProgram
    /// Implementations of `checked.externals`, by the same index.
    let externals: [ExternalImplementation]
    let functions: [CompiledFunction]
    @exclusivity(unchecked) var globals: [Code] = []
    var globalHeights: [Int] = []

    /// Whether the closures record what they do (for `:explain`).
    public let tracing: Bool

    public init(_ checked: CheckedProgram, externals: [ExternalImplementation] = [], tracing: Bool = false) {
        self.checked = checked
        self.externals = externals
        self.tracing = tracing
        // Every function's object exists before any body is compiled, so a call
        // (even a recursive one) holds its callee directly instead of looking it up.
        functions = checked.functions.map { CompiledFunction(definition: $0) }
        // A compiler per body, each with its own allowance of nodes compiled in place.
        for (f, def) in zip(functions, checked.functions) {
            f.body = Compiler(program: self).body(def)
            switch def.body {
            case .expression(let e)?: f.height = height(e)
            case .table(let t)?: f.height = 2 + t.rows.reduce(t.fallback.map(height) ?? 0) { max($0, height($1.value)) }
            case nil: break
            }
        }
        globals = checked.globals.map { Compiler(program: self).global($0) }
        globalHeights = checked.globals.map { $0.initializer.map(height) ?? 1 }
    }

    /// A call's closure holds its callee, so recursive rules hold themselves:
    /// dropping the bodies frees them with the program.
    deinit {
        for f in functions { f.release() }
    }
}

/// A function as its calls see it. One object per function, made before any
/// body is compiled; `body` is set once, right after, and never again.
final class CompiledFunction {
    let definition: FunctionDef
    /// Slots the body needs: its parameters, lets and comprehension variables.
    let frameSize: Int
    let parameterCount: Int
    /// How deep evaluating the body can nest (the height of its tree).
    @exclusivity(unchecked) var height = 1
    @exclusivity(unchecked) var body: Code

    /// Replaces the body by one that fails, dropping what it held (for `CompiledProgram.deinit`).
    func release() {
        let error = RuntimeError("\(quoted(definition.qualifiedName)) belongs to a program that is gone", file: definition.file, span: definition.span)
        body = { (_: Frame) throws(RuntimeError) -> Value in throw error }
    }

    init(definition: FunctionDef) {
        self.definition = definition
        parameterCount = definition.parameters.count
        if case nil = definition.body {
            frameSize = definition.parameters.count
        } else {
            frameSize = max(definition.frameSize, definition.parameters.count)
        }
        let error = RuntimeError("\(quoted(definition.qualifiedName)) has no body", file: definition.file, span: definition.span)
        body = { (_: Frame) throws(RuntimeError) -> Value in throw error }
    }
}

/// The height of a checked tree: how deep its closures nest when it runs.
/// A block's lets count as one level each at most, since they run in a loop.
func height(_ e: BExpr) -> Int {
    switch e.kind {
    case .constant, .local, .global, .source: return 1
    case .sequence:
        var tallest = 1
        var current = e
        while case .sequence(_, let value, let then) = current.kind {
            tallest = max(tallest, height(value))
            current = then
        }
        return 1 + max(tallest, height(current))
    case .call(_, let args), .intrinsic(_, let args), .external(_, _, let args), .list(let args), .record(_, let args):
        return 1 + args.reduce(0) { max($0, height($1)) }
    case .negate(let a, _), .not(let a), .field(let a, _), .requireCurrency(let a, _), .roundMoney(let a, _, _), .dateComponent(let a, _):
        return 1 + height(a)
    case .and(let a, let b), .or(let a, let b), .operation(_, let a, let b), .compare(_, _, let a, let b), .index(let a, let b):
        return 1 + max(height(a), height(b))
    case .conditional(let a, let b, let c):
        return 1 + max(height(a), height(b), height(c))
    case .comprehension(let element, _, let source, let filter):
        return 1 + max(height(element), height(source), filter.map(height) ?? 0)
    case .arrange(_, _, let source, let key, _):
        return 1 + max(height(source), key.map(height) ?? 0)
    case .slice(let base, let from, let to, _):
        return 1 + max(height(base), from.map(height) ?? 0, to.map(height) ?? 0)
    case .fold(let plan):
        return 1 + max(height(plan.initial), height(plan.source), plan.filter.map(height) ?? 0, height(plan.step))
    case .scoped(let overrides, let body):
        return 1 + overrides.reduce(height(body)) { max($0, height($1.value)) }
    }
}

/// The state of one run, like a thread in starlark: global values computed so
/// far, parameter overrides, the call depth and the interrupt flag.
public final class Machine {
    // The hot members are `@exclusivity(unchecked)`: every access is a plain load or
    // store on this thread, never one overlapping another, so the runtime check
    // (a call on every read of the step count or a global) buys nothing.
    public let program: CompiledProgram
    @exclusivity(unchecked) var globalValues: [Value?]
    @exclusivity(unchecked) var evaluating: [Bool]
    @exclusivity(unchecked) var depth = 0
    /// The sum of the heights of the bodies being evaluated: calls times tree
    /// height is what uses the stack, so that product is what is bounded.
    @exclusivity(unchecked) var nesting = 0
    static let maxNesting = 100_000
    /// One reusable frame per call depth: calls nest strictly, so the frame at a
    /// depth is free again when the call at that depth returns.
    @exclusivity(unchecked) var frames: [Frame] = []

    /// Drops the cached frames, each of which holds this machine: call it when
    /// done with a machine (a `Program` does when it is freed), or the machine
    /// and its program stay in memory. Evaluating again makes new frames.
    public func releaseFrames() {
        frames.removeAll()
    }
    @exclusivity(unchecked) var calls = 0
    /// What a tracing program did, line by line; nil when not recording.
    @exclusivity(unchecked) public var log: [String]?
    @exclusivity(unchecked) var traceDepth = 0
    /// Parameters already shown in the trace.
    @exclusivity(unchecked) var tracedGlobals: Set<Int> = []
    /// Deeper calls are an error, not a stack overflow.
    static let maxDepth = 1000
    /// The limit as messages write it: "1,000".
    static let depthText = FixedDecimal(maxDepth).formatted(grouping: true)
    /// Computes what comes from outside the program: populations and scenarios.
    /// Held weakly: the host (a `Program`) owns the machine.
    public weak var host: (any SourceHost)?
    /// Set from another thread or a signal handler to stop a long evaluation.
    public var interruptRequested: () -> Bool = { false }

    public init(_ program: CompiledProgram) {
        self.program = program
        globalValues = Array(repeating: nil, count: program.globals.count)
        evaluating = Array(repeating: false, count: program.globals.count)
    }

    @exclusivity(unchecked) var overridden: Set<Int> = []
    /// Table rows set for some keys, by table: tried before the table's own rows,
    /// the latest first.
    @exclusivity(unchecked) var rowOverrides: [Int: [(keys: [Value], value: Value)]] = [:]

    /// One change of a what-if, with its values computed.
    public enum Change {
        case parameter(global: Int, Value)
        case row(table: Int, keys: [Value], Value)
    }

    /// Applies one change for the rest of this run (`--set`, `:set`), or of a `with`.
    public func apply(_ change: Change) throws(RuntimeError) {
        switch change {
        case .parameter(let global, let value): try override(global: global, with: value)
        case .row(let table, let keys, let value): try override(row: table, keys: keys, with: value)
        }
    }

    /// Sets a table's value for some keys, as if a first row matched exactly them.
    /// Values computed from the old one are forgotten.
    public func override(row table: Int, keys: [Value], with value: Value) throws(RuntimeError) {
        guard program.functions.indices.contains(table), program.functions[table].definition.isTable else {
            throw RuntimeError("no table #\(table)", file: nil, span: .none)
        }
        let def = program.functions[table].definition
        guard keys.count == def.parameters.count,
              zip(keys, def.parameters).allSatisfy({ $0.conforms(to: $1.type) }), value.conforms(to: def.result) else {
            throw RuntimeError("\(quoted(def.qualifiedName)) takes keys \(def.parameters.map { "\($0.type)" }.joined(separator: ", ")) and gives \(def.result); the new row does not fit",
                               file: def.file, span: def.span)
        }
        forgetComputedValues()
        rowOverrides[table, default: []].append((keys, value))
    }

    /// Sets a parameter (or constant) for this run. Values computed from the old
    /// one are forgotten, so everything later sees the new value.
    public func override(global index: Int, with value: Value) throws(RuntimeError) {
        guard globalValues.indices.contains(index) else {
            throw RuntimeError("no global #\(index)", file: nil, span: .none)
        }
        let def = program.checked.globals[index]
        guard value.conforms(to: def.type) else {
            throw RuntimeError("\(quoted(def.qualifiedName)) is \(def.type); the new value is not", file: def.file, span: def.span)
        }
        forgetComputedValues()
        overridden.insert(index)
        globalValues[index] = value
        retain(Machine.weight(of: value, cap: maxBytes), forGlobal: index)
    }

    /// Runs `body` with parameters set as `override` sets them (`with P { … } in …`),
    /// then puts every value back as it was: the overrides, and every value computed
    /// from them, so nothing computed inside is seen outside, nor the other way round.
    /// Nested, the innermost change of a parameter wins.
    func withOverrides(_ changes: [Change], _ body: () throws(RuntimeError) -> Value) throws(RuntimeError) -> Value {
        let saved = (globalValues, overridden, tracedGlobals, rowOverrides)
        defer { (globalValues, overridden, tracedGlobals, rowOverrides) = saved }
        for change in changes { try apply(change) }
        tracedGlobals = []
        return try body()
    }

    /// Overrides of another run, for a run that must see the same what-ifs.
    public func copyOverrides(from other: Machine) {
        for index in other.overridden where globalValues.indices.contains(index) {
            overridden.insert(index)
            globalValues[index] = other.globalValues[index]
            retain(index < other.globalWeights.count ? other.globalWeights[index] : 0, forGlobal: index)
        }
        rowOverrides = other.rowOverrides
    }

    /// Evaluates with tracing on and returns the value and what happened.
    public func explain(_ expr: BExpr, frameSize: Int, locals: [Value] = []) throws(RuntimeError) -> (Value, [String]) {
        log = []
        traceDepth = 0
        tracedGlobals = []
        defer { log = nil }
        let value = try evaluate(expr, frameSize: frameSize, locals: locals)
        return (value, log ?? [])
    }

    /// Undoes an override: the declared value is used again.
    public func removeOverride(global index: Int) {
        guard overridden.remove(index) != nil else { return }
        forgetComputedValues()
        globalValues[index] = nil
        retain(0, forGlobal: index)
    }

    func forgetComputedValues() {
        for i in globalValues.indices where !overridden.contains(i) {
            globalValues[i] = nil
            retain(0, forGlobal: i)
        }
    }

    /// Computes every global in declaration order, so that a long chain of
    /// constants each using the one before is computed one link at a time rather
    /// than recursively on first use. A global that fails stays uncomputed: its
    /// error is reported where it is really used.
    /// Populations and scenarios are left until an expression uses them: each reads a
    /// file, and a scenario runs its rules over a whole population.
    public func prepareGlobals() {
        for index in globalValues.indices where globalValues[index] == nil {
            let def = program.checked.globals[index]
            if case .source? = def.initializer?.kind { continue }
            beginEvaluation()
            _ = try? global(index, at: def.span, in: def.file)
        }
    }

    /// A global's value, computed on first use.
    func global(_ index: Int, at span: Span, in file: SourceFile) throws(RuntimeError) -> Value {
        if let value = globalValues[index] { return value }
        let def = program.checked.globals[index]
        if evaluating[index] {
            throw RuntimeError("\(quoted(def.qualifiedName)) depends on its own value", file: file, span: span)
        }
        if depth >= Machine.maxDepth {
            throw RuntimeError("values depend on each other more than \(Machine.maxDepth) levels deep", file: file, span: span)
        }
        let height = program.globalHeights.indices.contains(index) ? program.globalHeights[index] : 1
        if nesting + height > Machine.maxNesting {
            throw RuntimeError("evaluation nested too deeply (values and rules within each other)", file: file, span: span)
        }
        depth += 1
        nesting += height
        evaluating[index] = true
        defer {
            evaluating[index] = false
            depth -= 1
            nesting -= height
        }
        do {
            let before = bytesLeft, retainedBefore = retained
            let value = try program.globals[index](Frame(size: 0, machine: self))
            globalValues[index] = value
            // What the value holds stays for the run: at most what computing it
            // spent, less what the globals it used hold already.
            let spent = max(0, before - bytesLeft - (retained - retainedBefore))
            retain(Machine.weight(of: value, cap: spent), forGlobal: index)
            return value
        } catch {
            var e = error
            e.trace.append("in \(def.qualifiedName) (\(def.file.path):\(def.file.location(of: def.span.start)))")
            throw e
        }
    }

    /// Bytes one evaluation may still allocate: what each list element and record field
    /// occupies (`valueBytes`), each record object (`recordBytes`), long strings and
    /// the text `text(…)` and `format(…)` build (their bytes), what plugins return,
    /// counted the same way. The globals a run has computed stay in memory, so what they
    /// hold is taken from every later evaluation's budget: a run holds at most the budget.
    @exclusivity(unchecked) var bytesLeft = Machine.defaultMaxBytes
    /// 1 GiB: the memory reproducers stop well under 2 GB of resident memory, and no
    /// example or test comes near it.
    public static let defaultMaxBytes = 1 << 30
    /// The budget of this run's evaluations, `defaultMaxBytes` unless a host or `--max-memory` sets it.
    @exclusivity(unchecked) public var maxBytes = Machine.defaultMaxBytes
    /// What a value occupies in a list or among a record's fields.
    public static let valueBytes = MemoryLayout<Value>.stride
    /// A record beyond its fields: the object (its header, type and fields) and the
    /// header of its fields' storage.
    public static let recordBytes = 2 * MemoryLayout<Int>.size      // the object's header
        + MemoryLayout<RecordType>.size + MemoryLayout<[Value]>.size    // its type and fields
        + 4 * MemoryLayout<Int>.size                                     // the header of the fields' storage
    /// A string this long or shorter is held inside its value; a longer one is paid for by its bytes.
    static let inlineStringBytes = 15
    /// What each computed global holds (0 for one not computed), and their sum.
    var globalWeights: [Int] = []
    @exclusivity(unchecked) var retained = 0

    /// Steps one evaluation may take: a step is a rule call or a loop item
    /// (comprehension, fold, range, sort comparison). The count is exact, so
    /// the same program stops at the same step on every run.
    @exclusivity(unchecked) public var maxSteps = Machine.defaultMaxSteps
    public static let defaultMaxSteps = 100_000_000
    /// `calls` reaches this before the slow path runs: the interrupt flag is
    /// read every 4,096 steps, and the step limit is checked exactly there.
    @exclusivity(unchecked) var nextCheck = 4096

    /// Starts one evaluation (a print, an expression, a test block, a host
    /// call): its step count from zero, its byte budget full.
    func beginEvaluation() {
        calls = 0
        nextCheck = min(4096, stepLimit)
        bytesLeft = maxBytes - retained
    }

    /// The first step count that is over the limit.
    var stepLimit: Int { maxSteps >= Int.max - 1 ? Int.max : max(maxSteps, 0) + 1 }

    /// Counts one step (a call or a loop item); every 4,096 steps, and at the
    /// step limit, looks at the interrupt flag and the limit.
    @inline(__always)
    func tick(at e: BExpr) throws(RuntimeError) {
        calls &+= 1
        if calls >= nextCheck { try checkpoint(file: e.file, span: e.span) }
    }

    @inline(never)
    func checkpoint(file: SourceFile?, span: Span) throws(RuntimeError) {
        if calls >= stepLimit {
            let shown = FixedDecimal(maxSteps).formatted(grouping: true)
            var error = RuntimeError("this evaluation took more than \(shown) steps (rule calls and loop items)", file: file, span: span,
                                     hint: "raise the limit with --max-steps N (Program.maxSteps in Swift), or make the recursion or loop smaller")
            error.limit = .steps
            throw error
        }
        if interruptRequested() { throw RuntimeError("interrupted", file: file, span: span) }
        let next = calls.addingReportingOverflow(4096)
        nextCheck = min(next.overflow ? Int.max : next.partialValue, stepLimit)
    }

    /// Calls a rule or table with argument values, as a host program would for
    /// each account of a population. The arguments must match the declared types.
    public func invoke(_ function: Int, _ args: [Value]) throws(RuntimeError) -> Value {
        beginEvaluation()
        guard program.functions.indices.contains(function) else {
            throw RuntimeError("no function #\(function)", file: nil, span: .none)
        }
        let callee = program.functions[function]
        guard args.count == callee.parameterCount else {
            let def = callee.definition
            throw RuntimeError("\(quoted(def.qualifiedName)) takes \(def.parameters.count) arguments, given \(args.count)",
                               file: def.file, span: def.span)
        }
        return try call(callee, args, at: callee.definition.span, in: callee.definition.file)
    }

    /// Evaluates a checked expression (from `eval` or the REPL) in this run.
    /// `locals` fill the frame's first slots (values the checker was given as bindings).
    public func evaluate(_ expr: BExpr, frameSize: Int, locals: [Value] = []) throws(RuntimeError) -> Value {
        beginEvaluation()
        let code = Compiler(program: program).compile(expr)
        let frame = Frame(size: max(frameSize, locals.count), machine: self)
        for (i, v) in locals.enumerated() { frame.slots[i] = v }
        return try code(frame)
    }
}
