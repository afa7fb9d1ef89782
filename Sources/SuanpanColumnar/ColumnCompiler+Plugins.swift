import SuanpanChecker
import SuanpanRuntime
import SuanpanValues

/// Plugin functions over columns: they take values, so they are called row by row.
extension ColumnCompiler {
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
        case .bool, .string, .date: return { v, i in v.value(at: i) }
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
}
