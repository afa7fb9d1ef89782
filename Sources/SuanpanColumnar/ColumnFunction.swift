import SuanpanChecker
import SuanpanRuntime
import SuanpanValues

/// A rule, table or scenario function compiled to run over columns: called with one
/// vector per parameter (a record parameter as a record of field vectors), it returns
/// the result for every row of the batch at once.
///
/// Parameters, table rows and what-ifs are read from the machine when it is compiled,
/// so compile it again when they change (a scenario does, for each epoch of dated
/// parameters). Every error it can meet is left to the scalar path: `run` throws
/// `Bail.scalar` and the caller runs that batch one row at a time, which gives the
/// error with its position, or the result, when the error was in a branch no row takes.
public final class ColumnFunction: @unchecked Sendable {
    let body: Node
    let slotCount: Int
    let parameterCount: Int

    let memoCount: Int

    /// Compiles function `index` of the machine's program, or says why it cannot run over
    /// columns. `varying` are the parameters that change from one call to the next over
    /// the same batch (a step's state and dates): what does not depend on them is kept
    /// in the batch's memo.
    public init(function index: Int, machine: Machine, varying: Range<Int> = 0..<0) throws(Unsupported) {
        let checked = machine.program.checked
        guard checked.functions.indices.contains(index) else {
            throw Unsupported(reason: "no function \(index)", file: nil, span: .none)
        }
        let def = checked.functions[index]
        if machine.isTracing { throw Unsupported(reason: "the evaluation is traced", file: def.file, span: def.span) }
        var compiler = ColumnCompiler(machine: machine)
        let frame = compiler.allocate(max(def.frameSize, def.parameters.count))
        for p in varying { compiler.varying.insert(frame + p) }
        switch def.body {
        case .expression(let e)?: body = try compiler.compile(e, base: frame)
        case .table(let t)?:
            let anchor = t.rows.first?.value ?? t.fallback
            guard let anchor else { throw Unsupported(reason: "an empty table", file: def.file, span: def.span) }
            body = try compiler.table(t, def, index, base: frame, at: anchor)
        case nil: throw Unsupported(reason: "\(def.qualifiedName) has no body", file: def.file, span: def.span)
        }
        // A budget of steps so small that one row's calls could exceed it: the scalar path
        // counts them and stops where it must.
        if compiler.calls + 1 >= machine.maxSteps {
            throw Unsupported(reason: "a step budget (--max-steps \(machine.maxSteps)) smaller than one row's calls", file: def.file, span: def.span)
        }
        slotCount = compiler.slotCount
        parameterCount = def.parameters.count
        memoCount = compiler.memoized
    }

    /// The function over a batch: `arguments[i]` for parameter i, each of the batch's
    /// count of rows or of one row (the same for all).
    public func run(_ arguments: [Vector], memo: Memo? = nil) throws(Bail) -> Vector {
        guard arguments.count == parameterCount else { throw .scalar }
        let slots = Slots(count: slotCount, memo: memo)
        for (i, a) in arguments.enumerated() { slots.values[i] = a }
        return try body(slots)
    }

    /// A memo for one batch: give the same one to every call over that batch.
    public func makeMemo() -> Memo { Memo(count: memoCount) }
}
