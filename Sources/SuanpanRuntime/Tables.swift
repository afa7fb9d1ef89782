import SuanpanSyntax
import SuanpanChecker
import SuanpanValues

/// A table call: the key arguments sit in slots 0…n-1; rows are tried in order.
extension Compiler {
    enum CompiledPattern {
        case any
        case exact(Code, ValueClass)
        case range(low: Code?, high: Code?, highInclusive: Bool, ValueClass)
    }

    func compileTable(_ table: TableBody, _ def: FunctionDef) -> Code {
        let classes = def.parameters.map { keyClass($0.type) }
        let rows: [([CompiledPattern], Code)] = table.rows.map { row in
            let patterns = zip(row.patterns, classes).map { pattern, valueClass -> CompiledPattern in
                switch pattern {
                case .any: return .any
                case .exact(let e): return .exact(compile(e), valueClass)
                case .range(let low, let high, let inclusive):
                    return .range(low: low.map(compile), high: high.map(compile), highInclusive: inclusive, valueClass)
                }
            }
            return (patterns, compile(row.value))
        }
        let fallback = table.fallback.map(compile)
        let anchor = table.rows.first?.value ?? table.fallback
        let tracing = program.tracing
        let index = program.checked.functions.firstIndex { $0 === def } ?? -1
        let presets = def.presetRows
        let direct = tracing ? nil : directIndex(table, classes)
        if let direct, let fast = directTable(direct, rows: table.rows, codes: rows.map(\.1), fallback: table.fallback, fallbackCode: fallback,
                                             index: index, presets: presets, anchor: anchor, classes: classes, def: def) {
            return fast
        }
        return { frame throws(RuntimeError) in
            var found: Value?
            if let anchor, !frame.machine.rowOverrides.isEmpty, let set = frame.machine.rowOverrides[index] {
                found = try setRow(set, classes, frame, anchor)
            }
            if found == nil, !presets.isEmpty, let anchor { found = try presetRow(presets, classes, frame, def, anchor) }
            if let value = found {
                if tracing {
                    let keys = def.parameters.indices.map { "\(def.parameters[$0].name) = \(Format.display(frame.slots[$0], def.parameters[$0].type, quoteStrings: true))" }
                    frame.machine.note("table \(def.qualifiedName): \(keys.joined(separator: ", ")) is set to \(Format.display(value, def.result, quoteStrings: true))")
                }
                return value
            }
            if let direct, case .decimal(let key) = frame.slots[0] {
                if let n = direct[key] { return try rows[n].1(frame) }
                if let fallback { return try fallback(frame) }
            }
            for (n, (patterns, value)) in rows.enumerated() {
                var matched = true
                for (i, pattern) in patterns.enumerated() where matched {
                    matched = try matches(pattern, frame.slots[i], frame, anchor)
                }
                if matched {
                    if tracing { tracedRow(def, n, table, frame) }
                    return try value(frame)
                }
            }
            if let fallback {
                if tracing { tracedRow(def, rows.count, table, frame) }
                return try fallback(frame)
            }
            let keys = def.parameters.indices.map { "\(def.parameters[$0].name) = \(Format.display(frame.slots[$0], def.parameters[$0].type))" }
            throw RuntimeError("no row of table \(quoted(def.qualifiedName)) matches \(keys.joined(separator: ", "))",
                               file: def.file, span: def.span, hint: "add a row for it, or an 'else' row")
        }
    }

    /// For a table of one number key whose rows are all literal values (installment terms:
    /// 3 => 2.5%, 6 => 4.5% …), the first row of each key: a lookup instead of a scan.
    /// Nil for any other table, which is scanned row by row.
    func directIndex(_ table: TableBody, _ classes: [ValueClass]) -> [FixedDecimal: Int]? {
        guard classes.count == 1, classes[0] == .decimal else { return nil }
        var index: [FixedDecimal: Int] = [:]
        for (n, row) in table.rows.enumerated() {
            guard row.patterns.count == 1, case .exact(let e) = row.patterns[0], case .constant(.decimal(let key)) = e.kind else { return nil }
            if index[key] == nil { index[key] = n }
        }
        return index
    }

    /// A table looked up by its one number key (`directIndex`), with no variant's rows:
    /// the keys in a short array compared as integers of units, each row's value
    /// computed already when it is a literal. What-if rows are still tried first.
    func directTable(_ direct: [FixedDecimal: Int], rows: [TableRowDef], codes: [Code], fallback: BExpr?, fallbackCode: Code?,
                     index: Int, presets: [(keys: [Int], value: Int)], anchor: BExpr?, classes: [ValueClass],
                     def: FunctionDef) -> Code? {
        guard presets.isEmpty, direct.count <= 32 else { return nil }
        let entries = direct.sorted { $0.value < $1.value }
        let keys = entries.map { $0.key.units }
        func literal(_ e: BExpr) -> Value? {
            if case .constant(let c) = e.kind { return Value(c) }
            return nil
        }
        let values = entries.map { literal(rows[$0.value].value) }
        let rowCodes = entries.map { codes[$0.value] }
        let fallbackValue = fallback.flatMap(literal)
        return { frame throws(RuntimeError) in
            if let anchor, !frame.machine.rowOverrides.isEmpty, let set = frame.machine.rowOverrides[index],
               let value = try self.setRow(set, classes, frame, anchor) {
                return value
            }
            guard case .decimal(let key) = frame.slots[0] else {
                // The checker gives a number key a number; anything else is its error.
                throw RuntimeError("internal error: expected a number here", file: def.file, span: def.span)
            }
            let units = key.units
            for i in keys.indices where keys[i] == units {
                if let value = values[i] { return value }
                return try rowCodes[i](frame)
            }
            if let fallbackValue { return fallbackValue }
            if let fallbackCode { return try fallbackCode(frame) }
            let shown = "\(def.parameters.first?.name ?? "key") = \(Format.display(frame.slots[0], def.parameters.first?.type ?? .anything))"
            throw RuntimeError("no row of table \(quoted(def.qualifiedName)) matches \(shown)",
                               file: def.file, span: def.span, hint: "add a row for it, or an 'else' row")
        }
    }

    /// For a call of a table of one number key whose rows and `else` are all literals:
    /// the lookup of a key, with no frame (what-if rows still first). Nil for any other table.
    func literalTableLookup(_ f: Int) -> ((Value, Machine) throws(RuntimeError) -> Value)? {
        guard !program.tracing, program.checked.functions.indices.contains(f) else { return nil }
        let def = program.checked.functions[f]
        guard case .table(let table)? = def.body, def.presetRows.isEmpty, def.parameters.count == 1 else { return nil }
        let classes = def.parameters.map { keyClass($0.type) }
        guard let direct = directIndex(table, classes), direct.count <= 32 else { return nil }
        var keys: [Int128] = [], values: [Value] = []
        for (key, n) in direct.sorted(by: { $0.value < $1.value }) {
            guard case .constant(let c) = table.rows[n].value.kind else { return nil }
            keys.append(key.units)
            values.append(Value(c))
        }
        var fallbackValue: Value?
        if let fallback = table.fallback {
            guard case .constant(let c) = fallback.kind else { return nil }
            fallbackValue = Value(c)
        }
        let anchor = table.rows.first?.value ?? table.fallback
        let parameter = def.parameters[0]
        return { key, machine throws(RuntimeError) in
            if let anchor, !machine.rowOverrides.isEmpty, let set = machine.rowOverrides[f] {
                // As `setRow`: the latest row set for exactly this key.
                for row in set.reversed() {
                    var matched = true
                    for (i, k) in row.keys.enumerated() where matched && i < 1 {
                        matched = try compareValues(.equal, .decimal, key, k, anchor)
                    }
                    if matched { return row.value }
                }
            }
            guard case .decimal(let d) = key else {
                // The checker gives a number key a number; anything else is its error.
                throw RuntimeError("internal error: expected a number here", file: def.file, span: def.span)
            }
            let units = d.units
            for i in keys.indices where keys[i] == units { return values[i] }
            if let fallbackValue { return fallbackValue }
            throw RuntimeError("no row of table \(quoted(def.qualifiedName)) matches \(parameter.name) = \(Format.display(key, parameter.type))",
                               file: def.file, span: def.span, hint: "add a row for it, or an 'else' row")
        }
    }

    /// The value of the latest row set (by a what-if) for exactly these keys, if any.
    func setRow(_ set: [(keys: [Value], value: Value)], _ classes: [ValueClass], _ frame: Frame,
                _ anchor: BExpr) throws(RuntimeError) -> Value? {
        for row in set.reversed() {
            var matched = true
            for (i, key) in row.keys.enumerated() where matched && i < classes.count {
                matched = try compareValues(.equal, classes[i], frame.slots[i], key, anchor)
            }
            if matched { return row.value }
        }
        return nil
    }

    /// The value of a variant's changed row for these keys, if any: its own changes first.
    func presetRow(_ presets: [(keys: [Int], value: Int)], _ classes: [ValueClass], _ frame: Frame, _ def: FunctionDef,
                   _ anchor: BExpr) throws(RuntimeError) -> Value? {
        for row in presets {
            var matched = true
            for (i, key) in row.keys.enumerated() where matched && i < classes.count {
                let wanted = try frame.machine.global(key, at: def.span, in: def.file)
                matched = try compareValues(.equal, classes[i], frame.slots[i], wanted, anchor)
            }
            if matched { return try frame.machine.global(row.value, at: def.span, in: def.file) }
        }
        return nil
    }

    func keyClass(_ t: SType) -> ValueClass {
        switch t {
        case .money, .flow: return .money
        case .date: return .date
        case .string: return .string
        case .bool: return .bool
        case .int, .number, .percent, .rate, .duration: return .decimal
        case .list, .record, .roundingMode, .anything, .never, .invalid: return .structural
        }
    }

    func matches(_ pattern: CompiledPattern, _ key: Value, _ frame: Frame, _ anchor: BExpr?) throws(RuntimeError) -> Bool {
        guard let e = anchor else { return false }
        switch pattern {
        case .any:
            return true
        case .exact(let code, let valueClass):
            return try compareValues(.equal, valueClass, key, try code(frame), e)
        case .range(let low, let high, let inclusive, let valueClass):
            if let low, !(try compareValues(.greaterEqual, valueClass, key, try low(frame), e)) { return false }
            if let high, !(try compareValues(inclusive ? .lessEqual : .less, valueClass, key, try high(frame), e)) { return false }
            return true
        }
    }
}
