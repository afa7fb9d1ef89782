import SuanpanChecker
import SuanpanRuntime
import SuanpanValues

/// Items of lists that are the same for every row: a published series indexed by the step.
extension ColumnCompiler {
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
}
