import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

extension ColumnCompiler {
    /// A parameter or constant as this run sees it, what-ifs and dated values included.
    func global(_ index: Int, _ e: BExpr) throws(Unsupported) -> Value {
        do throws(RuntimeError) {
            return try machine.value(ofGlobal: index)
        } catch {
            // The scalar path meets the same error where the rule uses the value.
            throw unsupported("a value that fails: \(error.message)", e)
        }
    }

    /// A value the same for every row, as a vector of one.
    func vector(of v: Value, _ e: BExpr) throws(Unsupported) -> Vector {
        switch v {
        case .decimal(let d), .money(let d, _): return Fixed.constant(d)
        case .bool(let b): return .bools([b])
        case .string(let s): return .strings([s])
        case .date(let d): return .dates([d])
        case .roundingMode(let m): return .mode(m)
        case .record(let r):
            var fields: [Vector] = []
            for f in r.fields { fields.append(try vector(of: f, e)) }
            return .record(fields)
        case .list: throw unsupported("a list", e)
        }
    }

    /// The value of an expression that must be the same for every row (a rounding step or
    /// mode): a literal or a parameter.
    func constant(_ e: BExpr, what: String = "a rounding step or mode computed per account") throws(Unsupported) -> Value {
        switch e.kind {
        case .constant(let c): return Value(c)
        case .global(let index): return try global(index, e)
        default: throw unsupported(what, e)
        }
    }

    mutating func operation(_ op: Operation, _ l: BExpr, _ r: BExpr, _ e: BExpr, base: Int) throws(Unsupported) -> Node {
        let a = try compile(l, base: base), b = try compile(r, base: base)
        switch op {
        case .addDecimal, .addMoney:
            return { slots throws(Bail) in try Arithmetic.add(a(slots), b(slots), subtract: false) }
        case .subtractDecimal, .subtractMoney:
            return { slots throws(Bail) in try Arithmetic.add(a(slots), b(slots), subtract: true) }
        case .multiplyDecimal, .scaleMoney:
            return { slots throws(Bail) in try Arithmetic.multiply(a(slots), b(slots)) }
        case .divideDecimal, .divideMoneyByDecimal, .divideMoneyByMoney:
            return { slots throws(Bail) in try Arithmetic.divide(a(slots), b(slots)) }
        case .power:
            return { slots throws(Bail) in try Arithmetic.power(a(slots), b(slots)) }
        case .shiftDate(let unit, let subtract):
            return { slots throws(Bail) in try Dates.shift(a(slots), by: b(slots), unit, subtract: subtract) }
        case .daysBetween:
            return { slots throws(Bail) in try Dates.between(a(slots), b(slots)) }
        case .concatenate:
            throw unsupported("joining strings", e)
        case .concatenateLists:
            throw unsupported("a list", e)
        }
    }

    mutating func intrinsic(_ f: Intrinsic, _ args: [BExpr], _ e: BExpr, base: Int) throws(Unsupported) -> Node {
        switch f {
        case .round:
            guard args.count == 2 || args.count == 3, case .roundingMode(let mode) = try constant(args[1]) else {
                throw unsupported("round with a mode computed per account", e)
            }
            var quantum: FixedDecimal
            if args.count == 3 {
                switch try constant(args[2]) {
                case .decimal(let d): quantum = d
                case .money(let d, let c):
                    guard currency(of: args[0].type) == c else { throw unsupported("a rounding step in another currency", e) }
                    quantum = d
                default: throw unsupported("a rounding step that is not a number", e)
                }
            } else if currency(of: args[0].type) != nil {
                quantum = try minorUnit(of: args[0])
            } else {
                quantum = .one
            }
            return try rounding(args[0], quantum: quantum, mode: mode, base: base)
        case .min, .max:
            guard args.count == 2 else { throw unsupported("\(f.name) of a list", e) }
            let a = try compile(args[0], base: base), b = try compile(args[1], base: base)
            let wantsMax = f == .max
            return { slots throws(Bail) in try Choice.extreme(a(slots), b(slots), max: wantsMax) }
        case .abs:
            guard args.count == 1 else { throw unsupported("abs", e) }
            let a = try compile(args[0], base: base)
            return { slots throws(Bail) in try Arithmetic.magnitude(a(slots)) }
        case .fail:
            // The scalar path gives the message, at the row that reaches it.
            return { _ throws(Bail) in throw .scalar }
        case .sum, .count, .average, .prod, .range, .first, .last, .take, .drop, .reverse, .distinct, .flatten,
             .contains, .any, .all, .indexed, .zip:
            throw unsupported("\(f.name) of a list", e)
        case .text, .format:
            throw unsupported("\(f.name)", e)
        case .convertRate:
            throw unsupported("\(f.name)", e)
        }
    }
}

/// Dates moved and measured, row by row.
enum Dates {
    static func shift(_ a: Vector, by b: Vector, _ unit: DurationUnit, subtract: Bool) throws(Bail) -> Vector {
        guard case .dates(let ds) = a, case .fixed(let ns, let scale) = b else { throw .scalar }
        let unitValue = Fixed.power(scale)
        return .dates(try Elementwise.tryMap(ds, ns) { d, n throws(ArithmeticError) in
            // Whole days or months only, and not far beyond the calendar: else the scalar path says so.
            guard n % unitValue == 0 else { throw .overflow }
            let whole = n / unitValue
            guard whole.magnitude < 10_000_000 else { throw .overflow }
            let signed = Int(subtract ? -whole : whole)
            switch unit {
            case .day: return try d.adding(days: signed)
            case .month: return try d.adding(months: signed)
            }
        })
    }

    static func between(_ a: Vector, _ b: Vector) throws(Bail) -> Vector {
        guard case .dates(let x) = a, case .dates(let y) = b else { throw .scalar }
        return .fixed(zipDays(x, y), scale: 0)
    }

    static func zipDays(_ x: [CivilDate], _ y: [CivilDate]) -> [Int64] {
        let n = max(x.count, y.count)
        return (0..<n).map { i in Int64(x[x.count == 1 ? 0 : i].days(to: y[y.count == 1 ? 0 : i])) }
    }
}
