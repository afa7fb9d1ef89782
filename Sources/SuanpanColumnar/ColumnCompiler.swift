import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

/// The slots of one evaluation over a batch: every inlined call's parameters and lets,
/// each at an offset of its own, so no call needs a frame at run time.
final class Slots {
    var values: [Vector]
    /// What the parts of a step that do not change from step to step computed for this
    /// batch; nil for a subset of the batch's rows, which must not read or fill it.
    let memo: Memo?
    /// Branches run again over the rows that take them, left in this evaluation (shared
    /// with its subsets): nested branches that each fail over the whole batch would
    /// otherwise double the work at every level.
    let retries: Retries
    init(count: Int, memo: Memo?, retries: Retries = Retries()) {
        values = Array(repeating: .bools([]), count: count)
        self.memo = memo
        self.retries = retries
    }
}

final class Retries {
    var left = 64
}

/// Values of a batch that stay the same through its steps (they depend on the account
/// and the parameters only: `let bill = a.balance`, a fee on it): computed at the first
/// step and reused at the others. One per batch and compiled function.
public final class Memo {
    var values: [Vector?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
}

/// One compiled node: its whole column at once. Dispatch costs one closure call per
/// node per batch of thousands of rows, not one per row.
typealias Node = (Slots) throws(Bail) -> Vector

/// What `varies` found for each node (in the frame at a base), so that a tree is walked once.
final class VariesCache {
    struct Key: Hashable {
        let node: ObjectIdentifier
        let base: Int
    }
    var known: [Key: Bool] = [:]
}

/// Why a function cannot run over columns; the scalar path runs it instead.
public struct Unsupported: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public let file: SourceFile?
    public let span: Span

    public init(reason: String, file: SourceFile?, span: Span) {
        self.reason = reason
        self.file = file
        self.span = span
    }

    public var description: String {
        guard let file else { return reason }
        return "\(file.path):\(file.location(of: span.start)): \(reason)"
    }
}

/// Turns a checked function into nodes over columns, once per run (and per set of
/// dated parameter values): parameters and what-ifs are read now and become
/// constants, rule calls are inlined, tables become lookups.
struct ColumnCompiler {
    let machine: Machine
    let checked: CheckedProgram
    var slotCount = 0
    var depth = 0
    var nodes = 0
    /// Rule and table calls inlined: each is a step of the scalar path's budget.
    var calls = 0
    /// The slots whose values change from one call to the next (a step's state and its
    /// dates), and those computed from them: everything else is kept in the memo.
    var varying: Set<Int> = []
    var memoized = 0
    var insideMemo = false
    let variesCache = VariesCache()
    /// Inlining stops here: deeper (recursive) rules run on the scalar path.
    static let maxDepth = 64
    static let maxNodes = 50_000

    init(machine: Machine) {
        self.machine = machine
        self.checked = machine.program.checked
    }

    /// Whether `e` (in the frame at `base`) changes from one call to the next: it reads a
    /// varying slot. A rule's body sees only its arguments, so a call varies with them.
    func varies(_ e: BExpr, base: Int) -> Bool {
        var lets: Set<Int> = []
        return varies(e, base, &lets)
    }

    /// Each node's answer is kept: compiling asks again for every node below, and the
    /// slots it reads are marked varying (or not) before it is compiled, as the walk assumed.
    private func varies(_ e: BExpr, _ base: Int, _ lets: inout Set<Int>) -> Bool {
        let key = VariesCache.Key(node: ObjectIdentifier(e), base: base)
        if let known = variesCache.known[key] { return known }
        let answer: Bool
        switch e.kind {
        case .constant, .global, .source: answer = false
        case .local(let slot): answer = varying.contains(base + slot) || lets.contains(base + slot)
        case .sequence(let slot, let value, let then):
            if varies(value, base, &lets) { lets.insert(base + slot) }
            answer = varies(then, base, &lets)
        default:
            var any = false
            e.kind.forEachChild { child in if !any { any = varies(child, base, &lets) } }
            answer = any
        }
        variesCache.known[key] = answer
        return answer
    }

    /// Worth a memo entry: more than reading a slot or a constant.
    func worthKeeping(_ e: BExpr) -> Bool {
        switch e.kind {
        case .constant, .local, .global, .field: false
        default: true
        }
    }

    func unsupported(_ what: String, _ e: BExpr) -> Unsupported {
        Unsupported(reason: what, file: e.file, span: e.span)
    }

    /// A fresh block of `count` slots; returns its offset.
    mutating func allocate(_ count: Int) -> Int {
        defer { slotCount += count }
        return slotCount
    }

    mutating func compile(_ e: BExpr, base: Int) throws(Unsupported) -> Node {
        nodes += 1
        if nodes > Self.maxNodes { throw unsupported("the rules inline to more than \(Self.maxNodes) nodes", e) }
        if !insideMemo, !varying.isEmpty, worthKeeping(e), !varies(e, base: base) {
            // The largest part that does not change from step to step, kept for the batch.
            insideMemo = true
            defer { insideMemo = false }
            let inner = try node(e, base: base)
            let id = memoized
            memoized += 1
            return { slots throws(Bail) in
                if let memo = slots.memo, let v = memo.values[id] { return v }
                let v = try inner(slots)
                slots.memo?.values[id] = v
                return v
            }
        }
        return try node(e, base: base)
    }

    mutating func node(_ e: BExpr, base: Int) throws(Unsupported) -> Node {
        switch e.kind {
        case .constant(let c):
            let v = try vector(of: Value(c), e)
            return { _ in v }
        case .local(let slot):
            let i = base + slot
            return { slots in slots.values[i] }
        case .global(let index):
            let v = try vector(of: global(index, e), e)
            return { _ in v }
        case .call(let f, let args):
            return try call(f, args, e, base: base)
        case .intrinsic(let f, let args):
            return try intrinsic(f, args, e, base: base)
        case .negate(let operand, _):
            let a = try compile(operand, base: base)
            return { slots throws(Bail) in try Arithmetic.negate(a(slots)) }
        case .not(let operand):
            let a = try compile(operand, base: base)
            return { slots throws(Bail) in
                guard case .bools(let b) = try a(slots) else { throw .scalar }
                return .bools(b.map { !$0 })
            }
        case .and(let l, let r):
            return try logic(l, r, and: true, base: base)
        case .or(let l, let r):
            return try logic(l, r, and: false, base: base)
        case .operation(let op, let l, let r):
            return try operation(op, l, r, e, base: base)
        case .compare(let c, let valueClass, let l, let r):
            if valueClass == .structural { throw unsupported("comparing \(l.type) values", e) }
            let a = try compile(l, base: base), b = try compile(r, base: base)
            return { slots throws(Bail) in .bools(try Choice.compare(c, a(slots), b(slots))) }
        case .conditional(let c, let t, let f):
            return try conditional(c, t, f, base: base)
        case .sequence(let slot, let value, let then):
            if varies(value, base: base) { varying.insert(base + slot) }
            let v = try compile(value, base: base), rest = try compile(then, base: base)
            let i = base + slot
            return { slots throws(Bail) in
                slots.values[i] = try v(slots)
                return try rest(slots)
            }
        case .field(let record, let index):
            let r = try compile(record, base: base)
            return { slots throws(Bail) in
                guard case .record(let fields) = try r(slots), fields.indices.contains(index) else { throw .scalar }
                return fields[index]
            }
        case .record(_, let fields):
            var codes: [Node] = []
            for f in fields { codes.append(try compile(f, base: base)) }
            return { slots throws(Bail) in
                var values: [Vector] = []
                values.reserveCapacity(codes.count)
                for c in codes { values.append(try c(slots)) }
                return .record(values)
            }
        case .requireCurrency(let inner, let currency):
            guard case .money(let code?) = inner.type, code == currency.code else {
                throw unsupported("money whose currency is known only at run time", e)
            }
            return try compile(inner, base: base)
        case .dateComponent(let inner, let component):
            let a = try compile(inner, base: base)
            return { slots throws(Bail) in
                guard case .dates(let ds) = try a(slots) else { throw .scalar }
                return .fixed(ds.map { d in
                    switch component {
                    case .year: Int64(d.year)
                    case .month: Int64(d.month)
                    case .day: Int64(d.day)
                    case .weekday: Int64(d.weekday)
                    }
                }, scale: 0)
            }
        case .roundMoney(let inner, let quantum, let mode):
            let step: FixedDecimal
            if let quantum { step = quantum } else { step = try minorUnit(of: inner) }
            return try rounding(inner, quantum: step, mode: mode, base: base)
        case .external(let f, let overload, let args):
            return try external(f, overload, args, e, base: base)
        case .index(let list, let position):
            return try indexing(list, position, e, base: base)
        case .slice, .list, .comprehension, .fold, .arrange:
            throw unsupported("a list", e)
        case .scoped:
            throw unsupported("a `with` inside a rule", e)
        case .source:
            throw unsupported("a population or scenario used inside a rule", e)
        }
    }

    /// `a and b`, `a or b`: the right side is computed only when some row needs it, so a
    /// guard such as `n > 0 and x / n > 1` does not send the batch to the scalar path.
    mutating func logic(_ l: BExpr, _ r: BExpr, and: Bool, base: Int) throws(Unsupported) -> Node {
        let a = try compile(l, base: base), b = try compile(r, base: base)
        return { slots throws(Bail) in
            guard case .bools(let x) = try a(slots) else { throw .scalar }
            if let all = Choice.uniform(x), all != and { return .bools(x) }
            // The right side matters only where the left does not settle it.
            guard case .bools(let y) = try Selection.evaluate(b, where: and ? x : x.map { !$0 }, slots) else { throw .scalar }
            return .bools(and ? Elementwise.test(x, y) { $0 && $1 } : Elementwise.test(x, y) { $0 || $1 })
        }
    }

    /// Both branches over the batch, then a choice per row; a branch no row takes is not
    /// computed, so its errors (a division by zero it guards against) do not arise.
    mutating func conditional(_ c: BExpr, _ t: BExpr, _ f: BExpr, base: Int) throws(Unsupported) -> Node {
        let test = try compile(c, base: base), yes = try compile(t, base: base), no = try compile(f, base: base)
        return { slots throws(Bail) in
            guard case .bools(let mask) = try test(slots) else { throw .scalar }
            if let all = Choice.uniform(mask) { return all ? try yes(slots) : try no(slots) }
            let whenYes = try Selection.evaluate(yes, where: mask, slots)
            let whenNo = try Selection.evaluate(no, where: mask.map { !$0 }, slots)
            return try Choice.select(mask, whenYes, whenNo)
        }
    }

    /// A rule is inlined: its arguments go to slots of their own, then its body runs.
    mutating func call(_ f: Int, _ args: [BExpr], _ e: BExpr, base: Int) throws(Unsupported) -> Node {
        guard checked.functions.indices.contains(f) else { throw unsupported("an unknown function", e) }
        let def = checked.functions[f]
        calls += 1
        var codes: [Node] = []
        for a in args { codes.append(try compile(a, base: base)) }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw unsupported("rules calling each other more than \(Self.maxDepth) deep", e) }
        let callee = allocate(max(def.frameSize, def.parameters.count))
        for (i, a) in args.enumerated() where varies(a, base: base) { varying.insert(callee + i) }
        let body: Node
        switch def.body {
        case .expression(let b)?: body = try compile(b, base: callee)
        case .table(let table)?: body = try self.table(table, def, f, base: callee, at: e)
        case nil: throw unsupported("\(def.qualifiedName) has no body", e)
        }
        return { slots throws(Bail) in
            for (i, c) in codes.enumerated() { slots.values[callee + i] = try c(slots) }
            return try body(slots)
        }
    }

    mutating func rounding(_ x: BExpr, quantum: FixedDecimal, mode: RoundingMode, base: Int) throws(Unsupported) -> Node {
        guard quantum.signum > 0 else { throw unsupported("a rounding step that is not positive", x) }
        if case .operation(let op, let l, let r) = x.kind {
            let divide: Bool? = switch op {
            case .multiplyDecimal, .scaleMoney: false
            case .divideDecimal, .divideMoneyByDecimal: true
            default: nil
            }
            if let divide {
                let a = try compile(l, base: base), b = try compile(r, base: base)
                return { slots throws(Bail) in
                    try Arithmetic.fusedRound(a(slots), b(slots), divide: divide, quantum: quantum, mode: mode)
                }
            }
        }
        let a = try compile(x, base: base)
        return { slots throws(Bail) in try Rounding.round(a(slots), quantum: quantum, mode: mode) }
    }

    /// 0.01 for CNY: the smallest amount of the currency an expression's type names.
    func minorUnit(of e: BExpr) throws(Unsupported) -> FixedDecimal {
        guard let currency = currency(of: e.type) else { throw unsupported("money whose currency is known only at run time", e) }
        return currency.minorUnit
    }

    func currency(of t: SType) -> Currency? {
        switch t {
        case .money(let code?), .flow(let code?, _): Currency.named(code)
        default: nil
        }
    }
}
