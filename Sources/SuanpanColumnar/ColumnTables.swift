import SuanpanChecker
import SuanpanRuntime
import SuanpanValues

/// Tables over columns. The rows are tried in the scalar path's order: rows a what-if set
/// (the latest first), a variant's changed rows, the table's own, then `else`. A table of
/// one whole-number key whose rows are all literals becomes an array indexed by the key;
/// any other is a chain of row matches over the batch, each row's value computed only if
/// some account takes it.
extension ColumnCompiler {
    enum Pattern {
        case any
        case exact(Node)
        case range(low: Node?, high: Node?, inclusive: Bool)
    }

    struct Row {
        var patterns: [Pattern]
        var value: Node
        /// The keys and value when all are literals, for the direct index.
        var literal: (keys: [Value], value: Value)?
    }

    mutating func table(_ table: TableBody, _ def: FunctionDef, _ index: Int, base: Int, at e: BExpr) throws(Unsupported) -> Node {
        var rows: [Row] = []
        for set in machine.rowsSet(forTable: index).reversed() {
            rows.append(try literalRow(set.keys, set.value, e))
        }
        for preset in def.presetRows {
            var keys: [Value] = []
            for k in preset.keys { keys.append(try global(k, e)) }
            rows.append(try literalRow(keys, try global(preset.value, e), e))
        }
        for row in table.rows {
            var patterns: [Pattern] = []
            var keys: [Value] = []
            for p in row.patterns {
                switch p {
                case .any: patterns.append(.any)
                case .exact(let k):
                    patterns.append(.exact(try compile(k, base: base)))
                    if case .constant(let c) = k.kind { keys.append(Value(c)) }
                case .range(let low, let high, let inclusive):
                    patterns.append(.range(low: try low.map { k throws(Unsupported) in try compile(k, base: base) },
                                           high: try high.map { k throws(Unsupported) in try compile(k, base: base) },
                                           inclusive: inclusive))
                }
            }
            var literal: (keys: [Value], value: Value)?
            if keys.count == row.patterns.count, case .constant(let c) = row.value.kind { literal = (keys, Value(c)) }
            rows.append(Row(patterns: patterns, value: try compile(row.value, base: base), literal: literal))
        }
        let fallback = try table.fallback.map { f throws(Unsupported) in try compile(f, base: base) }
        var fallbackValue: Value?
        if let f = table.fallback, case .constant(let c) = f.kind { fallbackValue = Value(c) }
        let keyCount = def.parameters.count
        if keyCount == 1, let direct = DirectTable(rows, fallback: table.fallback == nil ? nil : fallbackValue,
                                                   hasFallback: table.fallback != nil) {
            return { slots throws(Bail) in try direct.lookup(slots.values[base]) }
        }
        return { slots throws(Bail) in
            var keys: [Vector] = []
            for k in 0..<keyCount { keys.append(slots.values[base + k]) }
            return try Self.match(rows, fallback, keys, slots)
        }
    }

    func literalRow(_ keys: [Value], _ value: Value, _ e: BExpr) throws(Unsupported) -> Row {
        var patterns: [Pattern] = []
        for k in keys {
            let v = try vector(of: k, e)
            patterns.append(.exact({ _ in v }))
        }
        let v = try vector(of: value, e)
        return Row(patterns: patterns, value: { _ in v }, literal: (keys, value))
    }

    static func match(_ rows: [Row], _ fallback: Node?, _ keys: [Vector], _ slots: Slots) throws(Bail) -> Vector {
        var remaining: [Bool] = [true]
        var result: Vector?
        for row in rows {
            var taken = remaining
            for (k, pattern) in row.patterns.enumerated() where k < keys.count {
                guard let m = try matches(pattern, keys[k], slots) else { continue }
                taken = Elementwise.test(taken, m) { $0 && $1 }
                if Choice.uniform(taken) == false { break }
            }
            if Choice.uniform(taken) == false { continue }
            let v = try Selection.evaluate(row.value, where: taken.count == 1 ? Array(repeating: taken[0], count: keys.map(\.count).max() ?? 1) : taken, slots)
            result = try result.map { r throws(Bail) in try Choice.select(taken, v, r) } ?? v
            remaining = Elementwise.test(remaining, taken) { $0 && !$1 }
            if Choice.uniform(remaining) == false, let result { return result }
        }
        // Rows no pattern took: the `else` value, or the scalar path's error for the first of them.
        guard let fallback else { throw .scalar }
        let rows = keys.map(\.count).max() ?? 1
        let v = try Selection.evaluate(fallback, where: remaining.count == 1 ? Array(repeating: remaining[0], count: rows) : remaining, slots)
        guard let result else { return v }
        return try Choice.select(remaining, v, result)
    }

    /// Which rows a pattern takes; nil for `_`, which takes every row.
    static func matches(_ p: Pattern, _ key: Vector, _ slots: Slots) throws(Bail) -> [Bool]? {
        switch p {
        case .any: return nil
        case .exact(let k): return try Choice.compare(.equal, key, k(slots))
        case .range(let low, let high, let inclusive):
            var m: [Bool] = [true]
            if let low { m = try Choice.compare(.greaterEqual, key, low(slots)) }
            if let high {
                let h = try Choice.compare(inclusive ? .lessEqual : .less, key, high(slots))
                m = Elementwise.test(m, h) { $0 && $1 }
            }
            return m
        }
    }
}

/// A table of one whole-number key and literal rows: an array from the smallest key to
/// the largest (at most 4,096 entries), the first row of each key in it. A key with no
/// row takes the `else` value, or sends the batch to the scalar path for its error.
struct DirectTable {
    let low: Int64
    let values: [Int64]
    let present: [Bool]
    let scale: Int
    let fallback: Int64?
    let hasFallback: Bool
    static let maxSpan: Int64 = 4_096

    init?(_ rows: [ColumnCompiler.Row], fallback: Value?, hasFallback: Bool) {
        var entries: [(Int64, FixedDecimal)] = []
        var scale = 0
        func amount(_ v: Value) -> FixedDecimal? {
            switch v {
            case .decimal(let d), .money(let d, _): d
            default: nil
            }
        }
        for row in rows {
            guard let literal = row.literal, literal.keys.count == 1, case .decimal(let k) = literal.keys[0],
                  k.isInteger, let key = k.intValue, let v = amount(literal.value) else { return nil }
            entries.append((Int64(key), v))
            scale = max(scale, Fixed.digits(of: v))
        }
        if hasFallback {
            guard let fallback, let f = amount(fallback) else { return nil }
            scale = max(scale, Fixed.digits(of: f))
            guard let x = Fixed.scaled(f, scale) else { return nil }
            self.fallback = x
        } else {
            self.fallback = nil
        }
        guard let low = entries.map(\.0).min(), let high = entries.map(\.0).max() else { return nil }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < Self.maxSpan else { return nil }
        var values = [Int64](repeating: 0, count: Int(high - low) + 1)
        var present = [Bool](repeating: false, count: values.count)
        for (key, v) in entries where !present[Int(key - low)] {
            guard let x = Fixed.scaled(v, scale) else { return nil }
            values[Int(key - low)] = x
            present[Int(key - low)] = true
        }
        self.low = low
        self.values = values
        self.present = present
        self.scale = scale
        self.hasFallback = hasFallback
    }

    func lookup(_ key: Vector) throws(Bail) -> Vector {
        guard case .fixed(let keys, let keyScale) = key else { throw .scalar }
        guard let out = lookupWhole(keyScale == 0 ? keys : wholeKeys(keys, unit: Fixed.power(keyScale))) else { throw .scalar }
        return .fixed(out, scale: scale)
    }

    /// Keys at a scale above 0 as whole numbers; a key with a fraction matches no
    /// whole-number row, so it becomes a key just outside the array.
    func wholeKeys(_ keys: [Int64], unit: Int64) -> [Int64] {
        let outside = low > .min ? low - 1 : low + Int64(values.count)
        return keys.map { $0 % unit == 0 ? $0 / unit : outside }
    }

    /// The lookup of whole-number keys; nil when a key has no row and there is no `else`.
    /// The offset is clamped into the array and the flags combined, so random keys cost
    /// no mispredicted branch.
    func lookupWhole(_ keys: [Int64]) -> [Int64]? {
        let span = Int64(values.count), otherwise = fallback ?? 0
        var misses: UInt8 = 0
        let out = [Int64](unsafeUninitializedCapacity: keys.count) { r, initialized in
            keys.withUnsafeBufferPointer { k in
                values.withUnsafeBufferPointer { table in
                    present.withUnsafeBufferPointer { has in
                        for i in 0..<k.count {
                            let offset = k[i] &- low
                            let inRange = offset >= 0 && offset < span
                            let at = Int(inRange ? offset : 0)
                            let inside = inRange && has[at]
                            r[i] = inside ? table[at] : otherwise
                            misses |= inside ? 0 : 1
                        }
                    }
                }
            }
            initialized = keys.count
        }
        return misses != 0 && !hasFallback ? nil : out
    }
}
