import SuanpanSyntax
import SuanpanValues

/// What-ifs: `with P { param = value … } in body`, `--set P.param=value` and `:set`.
/// All three name their target and type their value here, so they accept the
/// same changes and refuse the others with the same messages.
extension Checker {
    func scopedOverride(_ w: ScopedOverride, _ span: Span, _ scope: Scope, expected: SType?) -> BExpr {
        guard let p = overriddenProduct(w.product, scope) else {
            w.assignments.forEach { _ = expression($0.value, scope) }
            _ = expression(w.body, scope)
            return invalid(span)
        }
        var seen = Set<Int>()
        var overrides: [OverrideDef] = []
        for a in w.assignments {
            guard let change = overrideChange(p, a, scope) else { continue }
            if case .parameter(let g) = change.target, !seen.insert(g).inserted {
                error("\(quoted(program.globals[g].qualifiedName)) is changed twice", a.target.span, hint: "keep one of the two changes")
            }
            overrides.append(change)
        }
        let body = expression(w.body, scope, expected: expected)
        return BExpr(.scoped(overrides, body: body), body.type, span, file)
    }

    /// The product a `with` changes, or why the name is not one.
    func overriddenProduct(_ name: Name, _ scope: Scope) -> Int? {
        let example = "with \(program.products.first?.name ?? "Product") { param = value } in …"
        switch scope.lookup(name.text) {
        case .product(let p)?:
            return p
        case nil:
            error("unknown product \(quoted(name.text))", name.span,
                  hint: suggestion(for: name.text, among: program.products.map(\.name)).map { "did you mean \(quoted($0))?" }
                    ?? "'with' changes a product's parameters: \(example)")
        case .local?, .global?, .function?, .record?, .roundingMode?, .intrinsic?, .external?, .namespace?:
            error("\(quoted(name.text)) is not a product, so 'with' cannot change it", name.span,
                  hint: "'with' changes a product's parameters: \(example)")
        }
        return nil
    }

    /// One change of product `p`: a parameter (`name = value`) or a table row
    /// (`table(keys) = value`), its keys and value typed. Nil when it is refused.
    func overrideChange(_ p: Int, _ a: OverrideAssignment, _ scope: Scope) -> OverrideDef? {
        let product = program.products[p]
        let qualified = "\(product.name).\(a.target.text)"
        if let keys = a.keys {
            guard let f = product.functions.first(where: { $0.name == a.target.text })?.function, program.functions[f].isTable else {
                if product.parameters.contains(where: { $0.name == a.target.text }) {
                    error("\(quoted(qualified)) is a parameter, not a table, so it has no rows", a.target.span,
                          hint: "change it without keys: \(a.target.text) = value")
                } else {
                    _ = overrideTarget(p, a.target)
                }
                keys.forEach { _ = expression($0, scope) }
                _ = expression(a.value, scope)
                return nil
            }
            ensureFunction(f, at: a.target.span, needBody: false)
            let def = program.functions[f]
            let signature = def.parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            guard keys.count == def.parameters.count else {
                error("table \(quoted(qualified)) takes \(def.parameters.count) key\(def.parameters.count == 1 ? "" : "s"), given \(keys.count)",
                      a.target.span, hint: "\(a.target.text)(\(signature)) = value")
                keys.forEach { _ = expression($0, scope) }
                _ = expression(a.value, scope)
                return nil
            }
            let typedKeys = zip(keys, def.parameters).enumerated().map { i, pair in
                coerce(expression(pair.0, scope, expected: pair.1.type), to: pair.1.type,
                       context: "key \(i + 1) (\(quoted(pair.1.name))) of \(quoted(qualified))")
            }
            let row = "\(qualified)(\(keys.map { file.text(of: $0.span).trimmed }.joined(separator: ", ")))"
            let value = typedValue(a.value, wanted: def.result, name: row, example: nil, scope)
            return OverrideDef(target: .row(table: f, keys: typedKeys), value: value)
        }
        guard let g = overrideTarget(p, a.target) else {
            _ = expression(a.value, scope)
            return nil
        }
        return OverrideDef(target: .parameter(global: g),
                           value: overrideValue(a.value, for: g, scope, quotedFrom: quoteOverridesFrom ?? a.target.span.start))
    }

    /// The global a change of product `p` sets: one of its parameters. Anything
    /// else is refused, saying what to change instead.
    func overrideTarget(_ p: Int, _ target: Name) -> Int? {
        let product = program.products[p]
        if let g = product.parameters.first(where: { $0.name == target.text }) { return g.global }
        let qualified = "\(product.name).\(target.text)"
        let parameters = product.parameters.map(\.name)
        let listed = parameters.isEmpty ? "\(product.name) has no parameters" : "its parameters: \(parameters.joined(separator: ", "))"
        if product.constants.contains(where: { $0.name == target.text }) {
            error("\(quoted(qualified)) is a constant (let), computed from the parameters, so it cannot be set", target.span,
                  hint: "change the parameters it is computed from; \(listed)")
        } else if let f = product.functions.first(where: { $0.name == target.text }) {
            let def = program.functions[f.function]
            if def.isTable {
                let keys = def.parameters.map(\.name).joined(separator: ", ")
                error("\(quoted(qualified)) is a table, so it cannot be set as a whole", target.span,
                      hint: "change one row, giving its keys: \(target.text)(\(keys)) = value")
            } else {
                error("\(quoted(qualified)) is a rule, so it cannot be set", target.span,
                      hint: "change the parameters it uses; \(listed)")
            }
        } else {
            error("no product parameter \(quoted(qualified))", target.span,
                  hint: suggestion(for: target.text, among: parameters).map { "did you mean \(quoted($0))?" } ?? listed)
        }
        return nil
    }

    /// A new value for a parameter: it must have the parameter's type.
    /// `quotedFrom`: where the assignment's text starts, so that a hint can write it again with the value fixed.
    func overrideValue(_ e: Expr, for g: Int, _ scope: Scope, quotedFrom: Int? = nil) -> BExpr {
        let wanted = ensureGlobal(g, at: e.span)
        let def = program.globals[g]
        return typedValue(e, wanted: wanted, name: def.qualifiedName, example: declaredExample(def), scope, quotedFrom: quotedFrom)
    }

    /// A new value, which must have the type of what it replaces.
    func typedValue(_ e: Expr, wanted: SType, name: String, example: String?, _ scope: Scope, quotedFrom: Int? = nil) -> BExpr {
        let value = expression(e, scope, expected: wanted)
        if fits(value.type, wanted) { return coerce(value, to: wanted, context: "the new value") }
        let written = file.text(of: e.span).trimmed
        // A plain number for a parameter with a unit: the assignment written again with the unit.
        let withUnit = quotedFrom.flatMap { start in
            Self.unitHint(written, value.type, wanted).map { fixed, note in
                "write it with its unit: " + file.text(of: Span(start, e.span.start)) + fixed + note
            }
        }
        error("\(name) is \(wanted); \(quoted(written)) is \(value.type)", e.span,
              hint: withUnit ?? mismatchHint(value.type, wanted)
                ?? example.map { "write a value of type \(wanted), as its declared value is: \($0)" }
                ?? "write a value of type \(wanted)")
        return invalid(e.span)
    }

    /// A plain number given for a parameter with a unit, written with that unit:
    /// `1500000000 CNY/month` for a flow, `0.05%/day` for a rate, `30 days`.
    /// A percentage keeps its digits before the '%' (so the hint notes that 0.05 as a fraction is 5%).
    static func unitHint(_ text: String, _ type: SType, _ wanted: SType) -> (String, String)? {
        guard type == .int || type == .number else { return nil }
        let currency = { (code: String?) in code ?? "CNY" }
        let fraction = " (the digits before '%' are the percentage: 5% is the fraction 0.05)"
        switch wanted {
        case .flow(let c, let p): return ("\(text) \(currency(c))/\(p.rawValue)", "")
        case .money(let c): return ("\(text) \(currency(c))", "")
        case .rate(let p): return ("\(text)%/\(p.rawValue)", fraction)
        case .percent: return ("\(text)%", fraction)
        case .duration(let u): return ("\(text) \(u.plural)", "")
        case .int, .number, .bool, .string, .date, .list, .record, .roundingMode, .anything, .never, .invalid: return nil
        }
    }

    /// The text of a parameter's declared value, to show what a value of its type looks like.
    func declaredExample(_ def: GlobalDef) -> String? {
        guard let span = def.initializer?.span else { return nil }
        let text = def.file.text(of: span).trimmed
        return text.isEmpty || text.count > 40 ? nil : text
    }

    /// Checks `Product.param=value` from `--set` or `:set` against a checked program.
    public static func checkOverride(product: Name, _ assignment: OverrideAssignment, file: SourceFile,
                                     in program: CheckedProgram) -> (OverrideDef?, frameSize: Int, [Diagnostic]) {
        let checker = Checker(program: program, file: file)
        checker.quoteOverridesFrom = 0
        guard case .product(let p)? = program.scope.lookup(product.text) else {
            let known = program.products.flatMap { p in p.parameters.map { "\(p.name).\($0.name)" } }
            checker.error("no product parameter \(quoted("\(product.text).\(assignment.target.text)"))", product.span.to(assignment.target.span),
                          hint: known.isEmpty ? "no product is loaded" : "parameters: \(known.joined(separator: ", "))")
            return (nil, 0, checker.diagnostics)
        }
        let scope = Scope(parent: program.scope)
        let change = checker.overrideChange(p, assignment, scope)
        return (change, checker.frameSize, checker.diagnostics)
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
