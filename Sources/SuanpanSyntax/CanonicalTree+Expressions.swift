/// Expressions in the canonical tree. Operators print as written (`+`, `and`, `-`
/// for negation), literals with their kind and source text, except that the blanks
/// inside `1200.00   CNY` or `40<tab>days` are not kept: they split amount from unit.
extension CanonicalTree {
    static func expression(_ e: Expr) -> SExpression {
        switch e.kind {
        case .literal(let kind, let text): return literal(kind, text)
        case .name(let n): return .list([.atom("name"), .atom(n)])
        case .unary(let op, let x): return .list([.atom("unary"), .atom(op.rawValue), expression(x)])
        case .binary(let op, let a, let b): return .list([.atom("binary"), .atom(op.rawValue), expression(a), expression(b)])
        case .conditional(let c, let t, let f): return .list([.atom("if"), expression(c), expression(t), expression(f)])
        case .member(let base, let n): return .list([.atom("member"), expression(base), name(n)])
        case .call(let f, let args): return .list([.atom("call"), expression(f)] + args.map(expression))
        case .index(let base, let i): return .list([.atom("index"), expression(base), expression(i)])
        case .slice(let base, let from, let to, let through):
            let start = from.map { [SExpression.list([.atom("from"), expression($0)])] } ?? []
            let stop = to.map { [SExpression.list([.atom(through ? "through" : "below"), expression($0)])] } ?? []
            return .list([.atom("slice"), expression(base)] + start + stop)
        case .list(let items): return .list([.atom("list")] + items.map(expression))
        case .comprehension(let element, let variable, let source, let filter):
            let condition = filter.map { [SExpression.list([.atom("where"), expression($0)])] } ?? []
            return .list([.atom("comprehension"), expression(element), name(variable), expression(source)] + condition)
        case .record(let type, let fields):
            return .list([.atom("record-literal"), name(type)] + fields.map { .list([name($0.name), expression($0.value)]) })
        case .row(let fields):
            return .list([.atom("row")] + fields.map { .list([name($0.name), expression($0.value)]) })
        case .arrange(let a):
            let key = a.key.map { [SExpression.list([.atom("by"), expression($0)])] } ?? []
            return .list([.atom(a.kind.rawValue), name(a.variable), expression(a.source)] + key
                         + (a.descending ? [.atom("descending")] : []))
        case .fold(let f):
            let type = annotation(f.stateType)
            let condition = f.filter.map { [SExpression.list([.atom("where"), expression($0)])] } ?? []
            return .list([.atom(f.kind.rawValue), name(f.state)] + type + [expression(f.initial), name(f.variable), expression(f.source)]
                         + condition + [expression(f.step)])
        case .scoped(let w):
            return .list([.atom("with"), name(w.product)] + w.assignments.map(assignment) + [expression(w.body)])
        }
    }

    /// `(set name value)`: one change of a what-if; `(set (table key…) value)` for a row.
    static func assignment(_ a: OverrideAssignment) -> SExpression {
        let target = a.keys.map { SExpression.list([name(a.target)] + $0.map(expression)) } ?? name(a.target)
        return .list([.atom("set"), target, expression(a.value)])
    }

    /// `(number 1_200.50)`, `(money 1200.00 CNY)`, `(flow 1200 CNY/month)`, `(duration 40 days)`,
    /// `(places 2 places)`, `(string "…")`.
    static func literal(_ kind: LiteralKind, _ text: String) -> SExpression {
        switch kind {
        case .string: return .list([.atom("string"), .string(text)])
        case .number, .percent, .rate, .money, .flow, .duration, .places, .date, .bool:
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { SExpression.atom(String($0)) }
            return .list([.atom(literalName(kind))] + words)
        }
    }

    static func literalName(_ kind: LiteralKind) -> String {
        switch kind {
        case .number: return "number"
        case .percent: return "percent"
        case .rate: return "rate"
        case .money: return "money"
        case .flow: return "flow"
        case .duration: return "duration"
        case .places: return "places"
        case .date: return "date"
        case .string: return "string"
        case .bool: return "bool"
        }
    }
}
