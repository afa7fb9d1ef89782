import SuanpanValues

/// Computing a node for some rows only: what a branch of `if`, the right side of `and`
/// and a table row's value need when computing them over the whole batch fails. A
/// division the branch guards against, or a table key the `else` branch avoids, is an
/// error only on rows that do not take the branch; the rows that do are gathered into a
/// smaller batch (as DuckDB's selection vectors do), the node runs over them, and the
/// results go back to their rows. Only a failure on the selected rows themselves goes
/// on to the scalar path.
enum Selection {
    /// `node` for the rows where `mask` is true; the other rows hold a filler value.
    static func evaluate(_ node: Node, where mask: [Bool], _ slots: Slots) throws(Bail) -> Vector {
        do throws(Bail) {
            return try node(slots)
        } catch {
            let rows = mask.indices.filter { mask[$0] }
            guard rows.count < mask.count, slots.retries.left > 0 else { throw .scalar }
            slots.retries.left -= 1
            let subset = Slots(count: slots.values.count, memo: nil, retries: slots.retries)
            let n = mask.count
            for (i, v) in slots.values.enumerated() { subset.values[i] = v.count == n ? v.gathered(rows) : v }
            let partial = try node(subset)
            return try partial.expanded(rows, to: n)
        }
    }
}

extension Vector {
    /// The values of these rows, in order (a broadcast value stays one value).
    func gathered(_ rows: [Int]) -> Vector {
        func pick<T>(_ xs: [T]) -> [T] { xs.count == 1 ? xs : rows.map { xs[$0] } }
        switch self {
        case .fixed(let xs, let s): return .fixed(pick(xs), scale: s)
        case .wide(let xs): return .wide(pick(xs))
        case .bools(let xs): return .bools(pick(xs))
        case .dates(let xs): return .dates(pick(xs))
        case .strings(let xs): return .strings(pick(xs))
        case .record(let fields): return .record(fields.map { $0.gathered(rows) })
        case .mode: return self
        }
    }

    /// A vector of `rows.count` values put back at those rows of `n`; the others take
    /// the first value, which no one reads.
    func expanded(_ rows: [Int], to n: Int) throws(Bail) -> Vector {
        func spread<T>(_ xs: [T]) throws(Bail) -> [T] {
            if xs.count == 1 { return xs }
            guard let filler = xs.first, xs.count == rows.count else { throw .scalar }
            var out = [T](repeating: filler, count: n)
            for (k, r) in rows.enumerated() { out[r] = xs[k] }
            return out
        }
        switch self {
        case .fixed(let xs, let s): return .fixed(try spread(xs), scale: s)
        case .wide(let xs): return .wide(try spread(xs))
        case .bools(let xs): return .bools(try spread(xs))
        case .dates(let xs): return .dates(try spread(xs))
        case .strings(let xs): return .strings(try spread(xs))
        case .record(let fields):
            var out: [Vector] = []
            for f in fields { out.append(try f.expanded(rows, to: n)) }
            return .record(out)
        case .mode: return self
        }
    }
}
