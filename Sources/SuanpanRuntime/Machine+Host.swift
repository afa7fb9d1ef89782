import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// What a host running a program over data needs from a machine: the values that
/// come from outside (populations, scenarios), calls made from inside an evaluation,
/// what-ifs in force for a stretch of work, and the budget of what it builds.
extension Machine {
    /// A population's rows or a scenario's results, from the host.
    func source(_ ref: DataSource, at span: Span, in file: SourceFile) throws(RuntimeError) -> Value {
        guard let host else {
            throw RuntimeError("populations and scenarios need a program to read them", file: file, span: span,
                               hint: "load the file through Program.load, as the command line does")
        }
        switch ref {
        case .population(let index): return try host.population(index, in: self, at: span, in: file)
        case .scenario(let index): return try host.scenario(index, in: self, at: span, in: file)
        }
    }

    /// Calls a rule or table from a host that is itself inside an evaluation (a
    /// scenario computed for an expression): the call gets a fresh step count and
    /// budget, and the outer evaluation's are put back afterwards.
    public func invokeNested(_ function: Int, _ args: [Value]) throws(RuntimeError) -> Value {
        let saved = (calls, nextCheck, bytesLeft)
        defer { (calls, nextCheck, bytesLeft) = saved }
        let savedDepth = (depth, nesting)
        defer { (depth, nesting) = savedDepth }
        return try invoke(function, args)
    }

    /// Runs `body` with these changes in force, then puts every value back
    /// (what `with P { … } in …` does): for hosts stepping a scenario through dated parameters.
    public func withChanges<T>(_ changes: [Change], _ body: () throws(RuntimeError) -> T) throws(RuntimeError) -> T {
        // Nothing changes: what is computed inside (a population read once) stays for later.
        if changes.isEmpty { return try body() }
        let saved = (globalValues, overridden, tracedGlobals, rowOverrides)
        defer { (globalValues, overridden, tracedGlobals, rowOverrides) = saved }
        for change in changes { try apply(change) }
        return try body()
    }

    /// The changes of a what-if, with their values computed in this run.
    public func changes(for overrides: [OverrideDef]) throws(RuntimeError) -> [Change] {
        let compiler = Compiler(program: program)
        let frame = Frame(size: 0, machine: self)
        var changes: [Change] = []
        for o in overrides {
            let value = try compiler.compile(o.value)(frame)
            switch o.target {
            case .parameter(let global): changes.append(.parameter(global: global, value))
            case .row(let table, let keyExprs):
                var keys: [Value] = []
                for k in keyExprs { keys.append(try compiler.compile(k)(frame)) }
                changes.append(.row(table: table, keys: keys, value))
            }
        }
        return changes
    }

    /// Takes what `records` records of `fields` fields occupy from this evaluation's budget,
    /// as a host building a big value for the program (a population's rows) must.
    public func spend(records: Int, fields: Int, at span: Span, in file: SourceFile) throws(RuntimeError) {
        bytesLeft -= records * (Machine.recordBytes + fields * Machine.valueBytes)
        if bytesLeft < 0 {
            var error = budgetError(file: file, span: span)
            error.hint = "run a scenario over the population instead of using all its rows at once: "
                + "`for a in accounts` in a scenario reads them a batch at a time; " + (error.hint ?? "")
            throw error
        }
    }

    /// Whether a parameter has been given a value for this run (`--set`, `:set`, a `with`).
    public func isOverridden(global index: Int) -> Bool { overridden.contains(index) }

    /// A global's value, as an expression using it would see it.
    public func value(ofGlobal index: Int) throws(RuntimeError) -> Value {
        let def = program.checked.globals[index]
        return try global(index, at: def.span, in: def.file)
    }
}
