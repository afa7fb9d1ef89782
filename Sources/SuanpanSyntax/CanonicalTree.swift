/// The canonical tree of a parse: one S-expression per declaration. `suanpan parse`
/// prints it, and Grammar/check.py builds the same form from Lark's parse of the
/// normative grammar, so the Swift parser is held to the grammar's trees, not only
/// to what it accepts. There are no spans and no parentheses nodes: grouping shows
/// only as the shape of the tree. Grammar/README.md lists every form.
public enum CanonicalTree {
    /// Each top-level item on its own line(s); empty for an empty file.
    public static func render(_ file: FileSyntax) -> String {
        file.items.map { item($0).rendered() }.joined(separator: "\n")
    }

    /// One expression on one line: `(binary + (name a) (binary * (name b) (name c)))`.
    public static func render(_ expr: Expr) -> String {
        expression(expr).rendered()
    }

    static func item(_ item: Item) -> SExpression {
        switch item {
        case .importDecl(let d): return .list([.atom("import"), .string(d.path)])
        case .letDecl(let d): return letDecl(d)
        case .record(let d): return .list([.atom("record"), name(d.name)], body: d.fields.map(field))
        case .product(let d):
            let base = d.variant.map { [SExpression.list([.atom("="), name($0.base)])] } ?? []
            return .list([.atom("product"), name(d.name)] + (d.title.map { [.string($0)] } ?? []) + base,
                         body: (d.variant?.changes ?? []).map(assignment) + d.members.map(member))
        case .rule(let d): return rule(d)
        case .test(let d): return .list([.atom("test"), .string(d.name)], body: d.statements.map(statement))
        case .print(let p): return printStmt(p)
        case .population(let d): return population(d)
        case .scenario(let d): return scenario(d)
        }
    }

    /// `(population name Record "file" (column f ["col"] [unit]) … (option k "v") …)`
    static func population(_ d: PopulationDecl) -> SExpression {
        let columns = d.columns.map { c in
            SExpression.list([.atom("column"), name(c.field)] + (c.column.map { [.string($0)] } ?? [])
                             + (c.unit.map { [.list([.atom("in"), expression($0)])] } ?? []))
        }
        let options = d.options.map { SExpression.list([.atom("option"), name($0.name), .string($0.value)]) }
        return .list([.atom("population"), name(d.name), name(d.record), .string(d.path)], body: columns + options)
    }

    /// `(scenario Name ["title"] entry …)`, or a variant `(scenario Name (= Base) (with P assignment …) …)`.
    static func scenario(_ d: ScenarioDecl) -> SExpression {
        let head = [.atom("scenario"), name(d.name)] + (d.title.map { [.string($0)] } ?? [])
        if let v = d.variant {
            let changes = v.changes.map { SExpression.list([.atom("with"), name($0.product)] + $0.assignments.map(assignment)) }
            return .list(head + [.list([.atom("="), name(v.base)])], body: changes)
        }
        return .list(head, body: d.entries.map(scenarioEntry))
    }

    static func scenarioEntry(_ e: ScenarioEntry) -> SExpression {
        switch e {
        case .population(let v, let s, _): return .list([.atom("for"), name(v), name(s)])
        case .horizon(let from, let to, let step, _): return .list([.atom("horizon"), expression(from), expression(to), name(step)])
        case .state(let n, let t, let initial): return .list([.atom("state"), name(n), type(t), expression(initial)])
        case .letValue(let d): return letDecl(d)
        case .revenue(let n, let p, let v):
            return .list([.atom("revenue"), .atom((p.map { $0.text + "." } ?? "") + n.text), expression(v)])
        case .next(let n, let v): return .list([.atom("next"), name(n), expression(v)])
        case .segment(let n, let key): return .list([.atom("by")] + (n.map { [name($0)] } ?? []) + [expression(key)])
        }
    }

    static func member(_ member: Member) -> SExpression {
        switch member {
        case .param(let d):
            let dated = d.schedule.map { SExpression.list([.atom("from"), expression($0.date), expression($0.value)]) }
            return .list([.atom("param"), name(d.name)] + annotation(d.type) + [expression(d.value)] + dated)
        case .rule(let d): return rule(d)
        case .table(let d): return table(d)
        case .letDecl(let d): return letDecl(d)
        case .rounding(let d): return .list([.atom("rounding"), name(d.mode)] + (d.quantum.map { [expression($0)] } ?? []))
        }
    }

    static func statement(_ statement: TestStatement) -> SExpression {
        switch statement {
        case .letDecl(let d): return letDecl(d)
        case .expect(let e, _): return .list([.atom("expect"), expression(e)])
        case .expectError(let e, let message, _):
            return .list([.atom("expect-error"), expression(e)] + (message.map { [.string($0)] } ?? []))
        case .print(let p): return printStmt(p)
        }
    }

    static func letDecl(_ d: LetDecl) -> SExpression {
        .list([.atom("let"), name(d.name)] + annotation(d.type) + [expression(d.value)])
    }

    static func printStmt(_ p: PrintStmt) -> SExpression {
        .list([.atom("print")] + p.values.map(expression))
    }

    static func field(_ f: FieldDecl) -> SExpression {
        .list([.atom("field"), name(f.name), type(f.type)] + (f.defaultValue.map { [expression($0)] } ?? []))
    }

    /// `(rule name [(params …)] [(-> T)] value)`; a block body puts its lets and its
    /// value on lines of their own. `= e` and `{ e }` give the same tree.
    static func rule(_ d: RuleDecl) -> SExpression {
        let head = [.atom("rule"), name(d.name)] + (d.parameters.map { [parameters($0)] } ?? []) + result(d.result)
        let body = d.body.lets.map(letDecl) + [expression(d.body.value)]
        return d.body.lets.isEmpty ? .list(head + body) : .list(head, body: body)
    }

    static func table(_ d: TableDecl) -> SExpression {
        .list([.atom("table"), name(d.name), parameters(d.parameters)] + result(d.result), body: d.rows.map(row))
    }

    /// `(row pattern… => value)`, or `(else => value)`.
    static func row(_ r: TableRow) -> SExpression {
        let value = [SExpression.atom("=>"), expression(r.value)]
        guard let patterns = r.patterns else { return .list([.atom("else")] + value) }
        return .list([.atom("row")] + patterns.map(pattern) + value)
    }

    /// `_`, the key's expression, or `(range [low] ..|..< [high])`.
    static func pattern(_ p: Pattern) -> SExpression {
        switch p.kind {
        case .any: return .atom("_")
        case .exact(let e): return expression(e)
        case .range(let low, let high, let inclusive):
            let ends = [low.map(expression), .atom(inclusive ? ".." : "..<"), high.map(expression)]
            return .list([.atom("range")] + ends.compactMap { $0 })
        }
    }

    static func parameters(_ list: [Parameter]) -> SExpression {
        .list([.atom("params")] + list.map { .list([name($0.name), type($0.type)]) })
    }

    static func result(_ t: TypeSyntax?) -> [SExpression] {
        t.map { [.list([.atom("->"), type($0)])] } ?? []
    }

    static func annotation(_ t: TypeSyntax?) -> [SExpression] {
        t.map { [.list([.atom("type"), type($0)])] } ?? []
    }

    /// A type in its one canonical spelling, `list<money<CNY>/day>`: unambiguous, so
    /// the spelling is the tree.
    static func type(_ t: TypeSyntax) -> SExpression {
        .atom(spelling(t))
    }

    static func spelling(_ t: TypeSyntax) -> String {
        if let row = t.row { return "(" + row.map { "\($0.name.text): \(spelling($0.type))" }.joined(separator: ", ") + ")" }
        return t.name.text + (t.argument.map { "<" + spelling($0) + ">" } ?? "") + (t.per.map { "/" + $0.text } ?? "")
    }

    static func name(_ n: Name) -> SExpression { .atom(n.text) }
}
