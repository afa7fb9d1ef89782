import SuanpanSyntax
import SuanpanValues

/// Lookup tables: typed keys, rows tried in order, first match wins.
extension Checker {
    func checkTable(_ t: TableDecl, _ def: FunctionDef, _ pending: PendingFunction) {
        let keyTypes = def.parameters.map(\.type)
        let result = def.result
        let (body, size) = withFrame { () -> TableBody in
            let scope = Scope(parent: pending.scope)
            for (p, type) in zip(t.parameters, keyTypes) {
                scope.define(p.name.text, .local(slot: allocateSlot(), type: type))
            }
            var rows: [TableRowDef] = []
            var fallback: BExpr?
            for row in t.rows {
                let value = coerce(expression(row.value, scope, expected: result), to: result, context: "a row of \(quoted(t.name.text))")
                guard let patterns = row.patterns else {
                    if fallback != nil { error("a table has one 'else' row", row.span) }
                    fallback = value
                    continue
                }
                if fallback != nil { error("rows after 'else' are never reached", row.span, hint: "put 'else' last") }
                guard patterns.count == keyTypes.count else {
                    error("this row has \(patterns.count) key\(patterns.count == 1 ? "" : "s"); \(quoted(t.name.text)) takes \(keyTypes.count)",
                          row.span)
                    continue
                }
                let checked = zip(patterns, keyTypes).map { pattern($0, $1, scope) }
                rows.append(TableRowDef(patterns: checked, value: value))
            }
            return TableBody(rows: rows, fallback: fallback)
        }
        def.body = .table(body)
        def.frameSize = size
    }

    func pattern(_ p: Pattern, _ keyType: SType, _ scope: Scope) -> PatternDef {
        switch p.kind {
        case .any:
            return .any
        case .exact(let e):
            return .exact(coerce(expression(e, scope), to: keyType, context: "a key of type \(keyType)"))
        case .range(let low, let high, let inclusive):
            switch keyType {
            case .int, .number, .percent, .money, .rate, .duration, .date, .string, .invalid: break
            case .bool, .flow, .list, .record, .roundingMode, .anything, .never:
                error("a range needs ordered keys, not \(keyType)", p.span)
            }
            let bound = { (e: Expr) in self.coerce(self.expression(e, scope), to: keyType, context: "a range bound of type \(keyType)") }
            return .range(low: low.map(bound), high: high.map(bound), highInclusive: inclusive)
        }
    }
}
