import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// The list functions. Each new list is paid for from the machine's element
/// budget, so no list function can exhaust memory.
extension Compiler {
    func listFunction(_ f: Intrinsic, _ codes: [Code], _ e: BExpr) -> Code {
        guard let list = codes.first else { return failing(f.name, e) }
        let second = codes.count > 1 ? codes[1] : nil
        func items(_ frame: Frame) throws(RuntimeError) -> [Value] {
            guard case .list(let xs) = try list(frame) else { throw internalError("a list", e) }
            return xs
        }
        func count(_ frame: Frame) throws(RuntimeError) -> Int {
            guard let second else { throw internalError("a count", e) }
            let n = try decimal(try second(frame), e)
            guard let k = n.intValue, k >= 0 else {
                throw RuntimeError("\(f.name) needs a count of 0 or more, not \(n)", file: e.file, span: e.span)
            }
            return k
        }
        switch f {
        case .first: return end(items, fromFront: true, f, e)
        case .last: return end(items, fromFront: false, f, e)
        case .take: return part(items, count, keepFront: true, e)
        case .drop: return part(items, count, keepFront: false, e)
        case .any: return anyOrAll(items, lookingFor: true, e)
        case .all: return anyOrAll(items, lookingFor: false, e)
        case .reverse:
            return { frame throws(RuntimeError) in
                let xs = try items(frame)
                try frame.machine.spend(values: xs.count, at: e)
                return .list(xs.reversed())
            }
        case .distinct:
            return { frame throws(RuntimeError) in
                let xs = try items(frame)
                try frame.machine.spend(values: xs.count, at: e)
                var seen = Set<ValueKey>(), out: [Value] = []
                for x in xs where seen.insert(ValueKey(x)).inserted { out.append(x) }
                return .list(out)
            }
        case .flatten:
            return { frame throws(RuntimeError) in
                var out: [Value] = []
                for x in try items(frame) {
                    guard case .list(let inner) = x else { throw internalError("a list of lists", e) }
                    try frame.machine.spend(values: inner.count, at: e)
                    out.append(contentsOf: inner)
                }
                return .list(out)
            }
        case .indexed:
            guard case .record(let row)? = e.type.listElement else { return failing(f.name, e) }
            return { frame throws(RuntimeError) in
                let xs = try items(frame)
                // Each row is an element, a record and two fields.
                try frame.machine.spend(values: 3 * xs.count, records: xs.count, at: e)
                return .list(xs.enumerated().map { .record(RecordValue(type: row, fields: [.decimal(FixedDecimal($0.offset)), $0.element])) })
            }
        case .zip:
            guard case .record(let row)? = e.type.listElement, let second else { return failing(f.name, e) }
            return { frame throws(RuntimeError) in
                let xs = try items(frame)
                guard case .list(let ys) = try second(frame) else { throw internalError("a list", e) }
                guard xs.count == ys.count else {
                    throw RuntimeError("zip needs lists of one length, not \(xs.count) and \(ys.count)", file: e.file, span: e.span,
                                       hint: "shorten the longer one: zip(take(xs, n), take(ys, n))")
                }
                try frame.machine.spend(values: 3 * xs.count, records: xs.count, at: e)
                return .list(zip(xs, ys).map { .record(RecordValue(type: row, fields: [$0, $1])) })
            }
        case .contains:
            let valueClass = equalityClass(e, codes)
            return { frame throws(RuntimeError) in
                let xs = try items(frame)
                guard let second else { throw internalError("a value", e) }
                let wanted = try second(frame)
                for x in xs where try compareValues(.equal, valueClass, x, wanted, e) { return .bool(true) }
                return .bool(false)
            }
        case .round, .min, .max, .sum, .count, .average, .abs, .prod, .range, .fail, .convertRate, .text, .format:
            return failing(f.name, e)
        }
    }

    /// `first(xs)` or `last(xs)`: an empty list is an error, with the guard to write.
    func end(_ items: @escaping (Frame) throws(RuntimeError) -> [Value], fromFront: Bool, _ f: Intrinsic, _ e: BExpr) -> Code {
        return { frame throws(RuntimeError) in
            let xs = try items(frame)
            guard let item = fromFront ? xs.first : xs.last else {
                throw RuntimeError("\(f.name) of an empty list", file: e.file, span: e.span,
                                   hint: "check first: if count(xs) > 0 then \(f.name)(xs) else …")
            }
            return item
        }
    }

    /// `take(xs, n)` keeps the first n items (all, if fewer); `drop(xs, n)` the rest.
    func part(_ items: @escaping (Frame) throws(RuntimeError) -> [Value], _ count: @escaping (Frame) throws(RuntimeError) -> Int,
              keepFront: Bool, _ e: BExpr) -> Code {
        return { frame throws(RuntimeError) in
            let xs = try items(frame), n = min(try count(frame), xs.count)
            let kept = keepFront ? Array(xs.prefix(n)) : Array(xs.dropFirst(n))
            try frame.machine.spend(values: kept.count, at: e)
            return .list(kept)
        }
    }

    /// `any(bs)`: is one true (false for none); `all(bs)`: are all true (true for none).
    func anyOrAll(_ items: @escaping (Frame) throws(RuntimeError) -> [Value], lookingFor: Bool, _ e: BExpr) -> Code {
        return { frame throws(RuntimeError) in
            for x in try items(frame) where try boolean(x, e) == lookingFor { return .bool(lookingFor) }
            return .bool(!lookingFor)
        }
    }

    /// `xs[a..<b]`, `xs[a..b]` and the open-ended forms. An end outside the list is
    /// an error, like an index: a slice never quietly comes back shorter.
    func slice(_ base: @escaping Code, _ from: Code?, _ to: Code?, through: Bool, _ e: BExpr) -> Code {
        return { frame throws(RuntimeError) in
            guard case .list(let xs) = try base(frame) else { throw internalError("a list", e) }
            let start = try from.map { code throws(RuntimeError) in try position(try code(frame), e) } ?? 0
            var end = try to.map { code throws(RuntimeError) in try position(try code(frame), e) } ?? xs.count
            if to != nil, through { end += 1 }
            let written = "\(start)\(through ? ".." : "..<")\(to == nil ? "" : "\(through ? end - 1 : end)")"
            guard start <= end else {
                throw RuntimeError("the slice \(written) starts after it ends", file: e.file, span: e.span,
                                   hint: "write the smaller position first")
            }
            guard end <= xs.count else {
                throw RuntimeError("the slice \(written) is out of range: the list has \(xs.count) element\(xs.count == 1 ? "" : "s")",
                                   file: e.file, span: e.span, hint: "take(drop(xs, a), n) keeps what there is")
            }
            try frame.machine.spend(values: end - start, at: e)
            return .list(Array(xs[start..<end]))
        }
    }

    /// `sort x in xs by key [descending]` and `group x in xs by key`. Each item's key
    /// is computed once, with the item in `slot`; sorting is stable, so equal keys
    /// keep the list's order, and `descending` reverses the order of the keys only.
    func arrange(_ kind: ArrangeKind, _ slot: Int, _ source: BExpr, _ key: BExpr?, descending: Bool, _ e: BExpr) -> Code {
        let list = compile(source), keyCode = key.map(compile)
        let keyClass = orderClass(key?.type ?? source.type.listElement ?? .int)
        let groupRow: RecordType? = { if case .record(let r)? = e.type.listElement { return r } else { return nil } }()
        return { frame throws(RuntimeError) in
            guard case .list(let xs) = try list(frame) else { throw internalError("a list", e) }
            try frame.machine.spend(values: xs.count, at: e)
            var keys: [Value] = []
            keys.reserveCapacity(xs.count)
            for (index, x) in xs.enumerated() {
                try frame.machine.tick(at: e)
                frame.slots[slot] = x
                do throws(RuntimeError) {
                    keys.append(try keyCode?(frame) ?? x)
                } catch {
                    var failure = error
                    failure.trace.append(itemContext(index, of: xs.count, x, in: source))
                    throw failure
                }
            }
            switch kind {
            case .sort:
                let order = try stableOrder(keys, keyClass, descending: descending, e) { () throws(RuntimeError) in
                    try frame.machine.tick(at: e)
                }
                return .list(order.map { xs[$0] })
            case .group:
                guard let groupRow else { throw internalError("a group row", e) }
                var positions: [ValueKey: Int] = [:], groups: [(key: Value, rows: [Value])] = []
                for (x, k) in zip(xs, keys) {
                    if let i = positions[ValueKey(k)] { groups[i].rows.append(x); continue }
                    positions[ValueKey(k)] = groups.count
                    groups.append((k, [x]))
                }
                // The rows again in their groups, and each group's element, record and two fields.
                try frame.machine.spend(values: xs.count + 3 * groups.count, records: groups.count, at: e)
                return .list(groups.map { .record(RecordValue(type: groupRow, fields: [$0.key, .list($0.rows)])) })
            }
        }
    }

    /// How the items of `contains(list, value)` compare with the value.
    func equalityClass(_ e: BExpr, _ codes: [Code]) -> ValueClass {
        guard case .intrinsic(_, let args) = e.kind, args.count == 2 else { return .structural }
        return keyClass(args[1].type)
    }
}

/// A slice end: a whole number from 0, small enough to be a position.
func position(_ v: Value, _ e: BExpr) throws(RuntimeError) -> Int {
    let d = try decimal(v, e)
    guard let n = d.intValue, n >= 0, n < Int.max / 2 else {
        throw RuntimeError("a slice position must be 0 or more, not \(d)", file: e.file, span: e.span, hint: "positions start at 0")
    }
    return n
}

/// The positions of `keys` in sorted order: a merge sort that keeps equal keys in
/// their order and reports a comparison's error (two currencies in one list)
/// instead of trapping. `tick` is called per comparison, so an interrupt stops a long sort.
func stableOrder(_ keys: [Value], _ valueClass: ValueClass, descending: Bool, _ e: BExpr,
                 tick: () throws(RuntimeError) -> Void) throws(RuntimeError) -> [Int] {
    let comparison: Comparison = descending ? .greater : .less
    var a = Array(keys.indices), b = a
    if a.count < 2 { return a }
    var width = 1
    while width < a.count {
        var start = 0
        while start < a.count {
            let middle = min(start + width, a.count), end = min(start + 2 * width, a.count)
            var i = start, j = middle, k = start
            while i < middle, j < end {
                try tick()
                // Take from the right only when strictly smaller: equal items keep their order.
                if try compareValues(comparison, valueClass, keys[a[j]], keys[a[i]], e) { b[k] = a[j]; j += 1 } else { b[k] = a[i]; i += 1 }
                k += 1
            }
            while i < middle { b[k] = a[i]; i += 1; k += 1 }
            while j < end { b[k] = a[j]; j += 1; k += 1 }
            start = end
        }
        swap(&a, &b)
        width *= 2
    }
    return a
}

/// A value as a dictionary key: equal values (structurally) are equal keys.
struct ValueKey: Hashable {
    let value: Value
    init(_ value: Value) { self.value = value }

    static func == (a: ValueKey, b: ValueKey) -> Bool { a.value.equals(b.value) }

    func hash(into h: inout Hasher) { ValueKey.hash(value, into: &h) }

    /// Nested lists and records are hashed with an explicit stack.
    static func hash(_ v: Value, into h: inout Hasher) {
        guard let parts = shallowHash(v, into: &h) else { return }
        var pending: [(values: [Value], index: Int)] = [(parts, 0)]
        while let top = pending.last {
            if top.index >= top.values.count {
                pending.removeLast()
                continue
            }
            pending[pending.count - 1].index += 1
            if let parts = shallowHash(top.values[top.index], into: &h), !parts.isEmpty { pending.append((parts, 0)) }
        }
    }

    /// Hashes what is not a list or record; a list's items or a record's fields come back to hash next.
    static func shallowHash(_ v: Value, into h: inout Hasher) -> [Value]? {
        switch v {
        case .decimal(let d): h.combine(0); h.combine(d)
        case .money(let d, let c): h.combine(1); h.combine(d); h.combine(c)
        case .bool(let b): h.combine(2); h.combine(b)
        case .string(let s): h.combine(3); h.combine(s)
        case .date(let d): h.combine(4); h.combine(d)
        case .roundingMode(let m): h.combine(5); h.combine(m)
        case .list(let xs): h.combine(6); h.combine(xs.count); return xs
        case .record(let r): h.combine(7); h.combine(ObjectIdentifier(r.type)); return r.fields
        }
        return nil
    }
}

extension SType {
    var listElement: SType? {
        if case .list(let e) = self { return e }
        return nil
    }
}
