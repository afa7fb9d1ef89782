import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

extension ColumnCompiler {
    func value(_ c: Constant) -> Value {
        switch c {
        case .decimal(let d): .decimal(d)
        case .money(let d, let currency): .money(d, currency)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .date(let d): .date(d)
        case .roundingMode(let m): .roundingMode(m)
        }
    }

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
        case .constant(let c): return value(c)
        case .global(let index): return try global(index, e)
        default: throw unsupported(what, e)
        }
    }

    /// `series[step]`: an item of a list the same for every row (a parameter, a constant
    /// such as a published series), at a position that may differ by row.
    mutating func indexing(_ list: BExpr, _ position: BExpr, _ e: BExpr, base: Int) throws(Unsupported) -> Node {
        guard case .list(let values) = try constant(list, what: "a list computed per account") else {
            throw unsupported("a list computed per account", e)
        }
        var items: [Vector] = []
        items.reserveCapacity(values.count)
        for v in values { items.append(try vector(of: v, e)) }
        let at = try compile(position, base: base)
        return { slots throws(Bail) in
            guard case .fixed(let ks, let scale) = try at(slots) else { throw .scalar }
            let unit = Fixed.power(scale)
            // One position for every row (the step): the item itself.
            if let first = ks.first, ks.allSatisfy({ $0 == first }) {
                guard first % unit == 0, first / unit >= 0, first / unit < items.count else { throw .scalar }
                return items[Int(first / unit)]
            }
            var rows: [Int] = []
            rows.reserveCapacity(ks.count)
            for k in ks {
                guard k % unit == 0, k / unit >= 0, k / unit < items.count else { throw .scalar }
                rows.append(Int(k / unit))
            }
            return try Self.gather(items, rows)
        }
    }

    /// Items of a constant list, one per row: each field of records gathered in turn.
    static func gather(_ items: [Vector], _ rows: [Int]) throws(Bail) -> Vector {
        guard let first = items.first else { throw .scalar }
        func scalars<T>(_ pick: (Vector) -> T?) throws(Bail) -> [T] {
            var table: [T] = []
            table.reserveCapacity(items.count)
            for item in items {
                guard item.count == 1, let v = pick(item) else { throw .scalar }
                table.append(v)
            }
            return rows.map { table[$0] }
        }
        switch first {
        case .fixed, .wide:
            let decimals = try scalars { $0.decimal(at: 0) }
            return Fixed.column(decimals)
        case .bools: return .bools(try scalars { if case .bools(let b) = $0 { b[0] } else { nil } })
        case .dates: return .dates(try scalars { if case .dates(let d) = $0 { d[0] } else { nil } })
        case .strings: return .strings(try scalars { if case .strings(let t) = $0 { t[0] } else { nil } })
        case .record(let fields):
            var out: [Vector] = []
            for f in fields.indices {
                var column: [Vector] = []
                for item in items {
                    guard case .record(let fs) = item, fs.indices.contains(f) else { throw .scalar }
                    column.append(fs[f])
                }
                out.append(try gather(column, rows))
            }
            return .record(out)
        case .mode: throw .scalar
        }
    }

    /// A plugin function, called once for each row (once in all when every argument is
    /// the same for all rows): plugins take values, not columns.
    mutating func external(_ f: Int, _ overload: Int, _ args: [BExpr], _ e: BExpr, base: Int) throws(Unsupported) -> Node {
        var codes: [Node] = []
        var makers: [(Vector, Int) -> Value?] = []
        for a in args {
            codes.append(try compile(a, base: base))
            makers.append(try valueMaker(a.type, a))
        }
        let resultType = e.type
        let back = try vectorMaker(resultType, e)
        let machine = self.machine
        return { slots throws(Bail) in
            var arguments: [Vector] = []
            for c in codes { arguments.append(try c(slots)) }
            let n = arguments.map(\.count).max() ?? 1
            var results: [Value] = []
            results.reserveCapacity(n)
            for row in 0..<n {
                var values: [Value] = []
                for (v, make) in zip(arguments, makers) {
                    guard let value = make(v, v.count == 1 ? 0 : row) else { throw .scalar }
                    values.append(value)
                }
                guard let r = machine.callPlugin(f, overload: overload, values, result: resultType) else { throw .scalar }
                results.append(r)
            }
            return try back(results)
        }
    }

    /// Row i of a vector as the value a plugin takes for this type.
    func valueMaker(_ t: SType, _ e: BExpr) throws(Unsupported) -> (Vector, Int) -> Value? {
        switch t {
        case .money(let code?):
            guard let c = Currency.named(code) else { throw unsupported("money of an unknown currency", e) }
            return { v, i in v.decimal(at: i).map { .money($0, c) } }
        case .int, .number, .percent, .rate, .duration:
            return { v, i in v.decimal(at: i).map(Value.decimal) }
        case .bool: return { v, i in if case .bools(let b) = v { b.at(i).map(Value.bool) } else { nil } }
        case .string: return { v, i in if case .strings(let s) = v { s.at(i).map(Value.string) } else { nil } }
        case .date: return { v, i in if case .dates(let d) = v { d.at(i).map(Value.date) } else { nil } }
        default: throw unsupported("a plugin function taking \(t)", e)
        }
    }

    /// A plugin's results, one per row, as a vector.
    func vectorMaker(_ t: SType, _ e: BExpr) throws(Unsupported) -> ([Value]) throws(Bail) -> Vector {
        switch t {
        case .money, .int, .number, .percent, .rate, .duration:
            return { values throws(Bail) in
                var ds: [FixedDecimal] = []
                ds.reserveCapacity(values.count)
                for v in values {
                    switch v {
                    case .decimal(let d), .money(let d, _): ds.append(d)
                    default: throw .scalar
                    }
                }
                return Fixed.column(ds)
            }
        case .bool:
            return { values throws(Bail) in
                var out: [Bool] = []
                for v in values { guard case .bool(let b) = v else { throw .scalar }; out.append(b) }
                return .bools(out)
            }
        case .string:
            return { values throws(Bail) in
                var out: [String] = []
                for v in values { guard case .string(let s) = v else { throw .scalar }; out.append(s) }
                return .strings(out)
            }
        case .date:
            return { values throws(Bail) in
                var out: [CivilDate] = []
                for v in values { guard case .date(let d) = v else { throw .scalar }; out.append(d) }
                return .dates(out)
            }
        default: throw unsupported("a plugin function returning \(t)", e)
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
