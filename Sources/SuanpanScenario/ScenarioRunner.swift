import SuanpanChecker
import SuanpanColumnar
import SuanpanData
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

/// Runs a scenario's rules over a population, a batch of accounts at a time: for
/// each batch, each epoch of parameter values, each step of it, each account.
/// State lives per account of the batch, so memory does not grow with the population.
public struct ScenarioRunner {
    public let program: CheckedProgram
    public let machine: Machine
    /// Called after each batch with the rows done so far, the steps each row goes
    /// through, and how far through its file the read has got (when the reader can tell).
    public var progress: ((_ rows: Int, _ steps: Int, _ fraction: Double?) -> Void)?
    /// Over columns (the default) or one account at a time.
    public var executor: Executor = .columns
    /// What the last run did, batch by batch.
    public let execution = ExecutionReport()

    public init(program: CheckedProgram, machine: Machine) {
        self.program = program
        self.machine = machine
    }

    /// The totals of a scenario with a body, over the rows `reader` gives.
    public func run(_ def: ScenarioDef, reader: PopulationReader) throws(RuntimeError) -> (ScenarioTotals, ScenarioPlan) {
        guard let body = def.body else { throw RuntimeError("scenario \(def.name) has no entries", file: def.file, span: def.span) }
        let plan = try ScenarioPlan(body, machine: machine, at: def.span, in: def.file)
        var totals = ScenarioTotals(lines: body.lines.count, steps: plan.steps.count, breakdowns: body.segments.count)
        var rows = 0
        var compiled: ColumnarScenario?
        if executor == .columns {
            do throws(Unsupported) {
                compiled = try ColumnarScenario(body, plan, machine: machine)
            } catch {
                execution.unsupported = error
            }
        }
        while let batch = try next(reader, def) {
            if let compiled, let done = try columnBatch(batch, body, plan, compiled, def) {
                do throws(ArithmeticError) {
                    try totals.merge(done)
                } catch {
                    throw RuntimeError("scenario \(def.name)'s totals overflowed (\(error))", file: def.file, span: def.span)
                }
                execution.columnBatches += 1
            } else {
                execution.scalarBatches += 1
                try runBatch(batch, body, plan, &totals, def)
            }
            rows += batch.count
            progress?(rows, plan.steps.count, reader.fractionRead)
            if machine.interruptRequested() { throw RuntimeError("interrupted", file: def.file, span: def.span) }
        }
        return (totals, plan)
    }

    func next(_ reader: PopulationReader, _ def: ScenarioDef) throws(RuntimeError) -> PopulationBatch? {
        do throws(DataError) {
            return try reader.next()
        } catch {
            throw RuntimeError(error.description, file: def.file, span: def.span)
        }
    }

    func runBatch(_ batch: PopulationBatch, _ body: ScenarioDef.Body, _ plan: ScenarioPlan,
                  _ totals: inout ScenarioTotals, _ def: ScenarioDef) throws(RuntimeError) {
        let accounts = (0..<batch.count).map { batch.record(at: $0) }
        var states: [[Value]] = []
        states.reserveCapacity(accounts.count)
        for a in accounts { states.append(try fields(machine.invokeNested(body.initialFunction, [a]))) }
        let lineCount = body.lines.count
        var earned = Array(repeating: Array(repeating: FixedDecimal.zero, count: lineCount), count: accounts.count)
        for epoch in plan.epochs {
            try machine.withChanges(epoch.changes) { () throws(RuntimeError) in
                for s in epoch.steps {
                    // Each account's step is an evaluation too short to look at the flag itself.
                    if machine.interruptRequested() { throw RuntimeError("interrupted", file: def.file, span: def.span) }
                    let step = plan.steps[s]
                    let stepValues: [Value] = [.decimal(FixedDecimal(step.index)), .date(step.start), .date(step.end),
                                               .decimal(FixedDecimal(step.days))]
                    // One argument list and one row of amounts, reused for every account of the step.
                    var arguments = [Value](repeating: .bool(false), count: 1 + body.states.count + stepValues.count)
                    for (k, v) in stepValues.enumerated() { arguments[1 + body.states.count + k] = v }
                    var lines = [FixedDecimal](repeating: .zero, count: lineCount)
                    for i in accounts.indices {
                        arguments[0] = accounts[i]
                        for (k, v) in states[i].enumerated() { arguments[1 + k] = v }
                        let result = try fields(machine.invokeNested(body.stepFunction, arguments))
                        for l in 0..<lineCount { lines[l] = try amount(result[l], def) }
                        states[i].replaceSubrange(0..<states[i].count, with: result[lineCount...])
                        try add(lines, to: &totals.periods[s], def)
                        try add(lines, into: &earned[i], def)
                    }
                }
            }
        }
        for i in accounts.indices {
            let keys = try segmentKeys(accounts[i], body, def)
            try add(earned[i], to: &totals.whole, def)
            for (b, key) in keys.enumerated() {
                var sums = totals.segments[b][key] ?? LineSums(lines: lineCount)
                try add(earned[i], to: &sums, def)
                totals.segments[b][key] = sums
            }
        }
    }

    /// Adds one account's amounts: its lines, the account, and whether it was charged.
    func add(_ lines: [FixedDecimal], to sums: inout LineSums, _ def: ScenarioDef) throws(RuntimeError) {
        do throws(ArithmeticError) {
            try sums.add(lines)
        } catch {
            throw RuntimeError("scenario \(def.name)'s totals overflowed (\(error))", file: def.file, span: def.span)
        }
        sums.accounts += 1
        if lines.contains(where: { $0 != .zero }) { sums.charged += 1 }
    }

    func add(_ lines: [FixedDecimal], into running: inout [FixedDecimal], _ def: ScenarioDef) throws(RuntimeError) {
        do throws(ArithmeticError) {
            for l in lines.indices where lines[l] != .zero { running[l] = try running[l].adding(lines[l]) }
        } catch {
            throw RuntimeError("an account's revenue overflowed in scenario \(def.name) (\(error))", file: def.file, span: def.span)
        }
    }

    func segmentKeys(_ account: Value, _ body: ScenarioDef.Body, _ def: ScenarioDef) throws(RuntimeError) -> [SegmentKey] {
        guard let f = body.segmentFunction else { return [] }
        return try fields(machine.invokeNested(f, [account])).map { v throws(RuntimeError) in
            guard let key = SegmentKey(v) else { throw RuntimeError("a breakdown's key is not a plain value", file: def.file, span: def.span) }
            return key
        }
    }

    func fields(_ v: Value) throws(RuntimeError) -> [Value] {
        guard case .record(let r) = v else { throw RuntimeError("a scenario step gave no row", file: nil, span: .none) }
        return r.fields
    }

    func amount(_ v: Value, _ def: ScenarioDef) throws(RuntimeError) -> FixedDecimal {
        switch v {
        case .money(let d, _): return d
        case .decimal(let d): return d
        default: throw RuntimeError("a revenue line of scenario \(def.name) is not money", file: def.file, span: def.span)
        }
    }
}
