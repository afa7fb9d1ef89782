import SuanpanChecker
import SuanpanColumnar
import SuanpanData
import SuanpanRuntime
import SuanpanValues

/// How a scenario's batches run: over columns, falling back to one account at a time
/// for a batch the columns cannot finish (an error to report, a value they do not
/// hold), or one account at a time throughout. Both give the same totals to the cent.
public enum Executor: String, Sendable, CaseIterable {
    case columns
    case scalar
}

/// What a run did: how many batches ran over columns and how many one account at a
/// time, and, when the rules cannot run over columns at all, why.
public final class ExecutionReport: @unchecked Sendable {
    public internal(set) var columnBatches = 0
    public internal(set) var scalarBatches = 0
    public internal(set) var unsupported: Unsupported?
    public init() {}

    /// The threads' reports of one run as one.
    public init(merging parts: [ExecutionReport]) {
        columnBatches = parts.reduce(0) { $0 + $1.columnBatches }
        scalarBatches = parts.reduce(0) { $0 + $1.scalarBatches }
        unsupported = parts.lazy.compactMap(\.unsupported).first
    }

    /// A line for the person running it when the rules could not run over columns: why,
    /// and where.
    public var note: String? {
        guard let unsupported else { return nil }
        let place = unsupported.file.map { " at \($0.path):\($0.location(of: unsupported.span.start))" } ?? ""
        return "note: the scenario ran one account at a time: \(unsupported.reason)\(place) is not compiled to columns "
            + "(the results are the same, only slower)"
    }
}

/// A scenario's three functions compiled over columns, the step once per epoch of
/// dated parameter values.
struct ColumnarScenario {
    let initial: ColumnFunction
    let steps: [ColumnFunction]
    let segments: ColumnFunction?

    init(_ body: ScenarioDef.Body, _ plan: ScenarioPlan, machine: Machine) throws(Unsupported) {
        initial = try ColumnFunction(function: body.initialFunction, machine: machine)
        segments = try body.segmentFunction.map { f throws(Unsupported) in try ColumnFunction(function: f, machine: machine) }
        var steps: [ColumnFunction] = []
        for epoch in plan.epochs {
            let compiled: Result<ColumnFunction, Unsupported>
            do throws(RuntimeError) {
                compiled = try machine.withChanges(epoch.changes) { () throws(RuntimeError) -> Result<ColumnFunction, Unsupported> in
                    do throws(Unsupported) {
                        // The account (parameter 0) is the same at every step; the state and the dates are not.
                        return .success(try ColumnFunction(function: body.stepFunction, machine: machine,
                                                           varying: 1..<(1 + body.states.count + 4)))
                    } catch {
                        return .failure(error)
                    }
                }
            } catch {
                throw Unsupported(reason: error.message, file: error.file, span: error.span)
            }
            steps.append(try compiled.get())
        }
        self.steps = steps
    }
}

extension ScenarioRunner {
    /// One batch over columns, into `totals` only when the whole batch is done: nil when
    /// it must run one account at a time instead.
    func columnBatch(_ batch: PopulationBatch, _ body: ScenarioDef.Body, _ plan: ScenarioPlan, _ compiled: ColumnarScenario,
                     _ def: ScenarioDef) throws(RuntimeError) -> ScenarioTotals? {
        let n = batch.count
        guard n > 0 else { return nil }
        var fields: [Vector] = []
        for c in batch.columns {
            guard let v = Vector(column: c) else { return nil }
            fields.append(v)
        }
        let account = Vector.record(fields)
        let lineCount = body.lines.count
        var totals = ScenarioTotals(lines: lineCount, steps: plan.steps.count, breakdowns: body.segments.count)
        var interrupted = false
        do throws(Bail) {
            guard var states = try compiled.initial.run([account]).fields else { return nil }
            var earned = Array(repeating: Vector.zero, count: lineCount)
            let memos = compiled.steps.map { $0.makeMemo() }
            steps: for (e, epoch) in plan.epochs.enumerated() {
                for s in epoch.steps {
                    if machine.interruptRequested() {
                        interrupted = true
                        break steps
                    }
                    let step = plan.steps[s]
                    let arguments = [account] + states + [.integer(step.index), .date(step.start), .date(step.end), .integer(step.days)]
                    guard let result = try compiled.steps[e].run(arguments, memo: memos[e]).fields, result.count == lineCount + states.count else { return nil }
                    let lines = Array(result[..<lineCount])
                    states = Array(result[lineCount...])
                    try add(lines, rows: n, to: &totals.periods[s], def)
                    for l in 0..<lineCount { earned[l] = try earned[l].adding(lines[l]) }
                }
            }
            try add(earned, rows: n, to: &totals.whole, def)
            if let segments = compiled.segments {
                guard let keys = try segments.run([account]).fields else { return nil }
                try addSegments(keys, earned, rows: n, &totals, def)
            }
        } catch {
            return nil
        }
        if interrupted { throw RuntimeError("interrupted", file: def.file, span: def.span) }
        return totals
    }

    /// A step's (or the whole run's) lines of every row of the batch, added to `sums`.
    func add(_ lines: [Vector], rows n: Int, to sums: inout LineSums, _ def: ScenarioDef) throws(Bail) {
        var charged = [Bool](repeating: false, count: n)
        for (l, line) in lines.enumerated() {
            let total = try line.sum(rows: n)
            do throws(ArithmeticError) {
                sums.lines[l] = try sums.lines[l].adding(total)
            } catch {
                throw .scalar
            }
            let nonzero = try line.nonzero(rows: n)
            guard nonzero.count == n else { throw .scalar }
            for i in 0..<n where nonzero[i] { charged[i] = true }
        }
        sums.accounts += n
        sums.charged += charged.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// Each row's earnings added to the segment of its key, breakdown by breakdown.
    func addSegments(_ keys: [Vector], _ earned: [Vector], rows n: Int, _ totals: inout ScenarioTotals,
                     _ def: ScenarioDef) throws(Bail) {
        var amounts: [[FixedDecimal]] = []
        for line in earned {
            var column: [FixedDecimal] = []
            column.reserveCapacity(n)
            guard line.count == n || line.count == 1 else { throw .scalar }
            for i in 0..<n {
                guard let a = line.decimal(at: i) else { throw .scalar }
                column.append(a)
            }
            amounts.append(column)
        }
        for (b, keyVector) in keys.enumerated() where b < totals.segments.count {
            guard keyVector.count == n || keyVector.count == 1 else { throw .scalar }
            var groups: [SegmentKey: LineSums] = [:]
            for i in 0..<n {
                guard let key = keyVector.value(at: i).flatMap(SegmentKey.init) else { throw .scalar }
                var sums = groups[key] ?? LineSums(lines: earned.count)
                var any = false
                do throws(ArithmeticError) {
                    for l in amounts.indices where amounts[l][i] != .zero {
                        sums.lines[l] = try sums.lines[l].adding(amounts[l][i])
                        any = true
                    }
                } catch {
                    throw .scalar
                }
                sums.accounts += 1
                if any { sums.charged += 1 }
                groups[key] = sums
            }
            totals.segments[b] = groups
        }
    }
}
