/// What-ifs: `with Product { param = value … } in body`, and the `Product.param=value`
/// of `--set` and `:set`, which read their assignment the same way.
extension Parser {
    /// with_expr: "with" NAME "{" assignment* "}" "in" expr
    /// Like `if`, the body reaches as far right as it can.
    mutating func scopedOverride() throws -> Expr {
        let start = advance().span
        let example = "with Jiebei { daily_rate = 0.05%/day } in Jiebei.interest(10000 CNY, 30 days)"
        let product = try expectName("the product whose parameters change, as in \(example)")
        if current.kind == .dot {
            try fail("expected '{' and the changes after the product's name, found '.'",
                     hint: "name the product, then the parameters inside braces: with \(product.text) { param = value } in …")
        }
        try expect(.lbrace, "'{' and the changes, as in \(example)")
        var assignments: [OverrideAssignment] = []
        while current.kind != .rbrace {
            if current.kind == .keyword(.in) { try fail("expected '}' to close the changes before 'in'") }
            assignments.append(try overrideAssignment())
        }
        advance()
        if assignments.isEmpty {
            try fail("'with \(product.text) { }' changes nothing", hint: "give at least one change: with \(product.text) { param = value } in …")
        }
        try expect(.keyword(.in), "'in' and the expression that sees the changes, as in \(example)")
        let body = try expression()
        return try node(.scoped(ScopedOverride(product: product, assignments: assignments, body: body)), start.to(body.span))
    }

    /// assignment: NAME ["(" [expr ("," expr)* [","]] ")"] "=" expr [","]
    /// With keys, it changes a table's row: `installment_fee(12) = 7.5%`.
    /// `standalone`: the whole input is this one change (`--set`, `:set`), so no comma may follow it.
    mutating func overrideAssignment(standalone: Bool = false) throws -> OverrideAssignment {
        let target = try expectName("a parameter to change, as in daily_rate = 0.05%/day, or '}'")
        var keys: [Expr]?
        if current.kind == .lparen, !current.startsLine {
            advance()
            keys = try commaList(until: .rparen)
            try expect(.rparen, "')' after the row's keys")
        }
        if current.kind == .equal {
            try fail("expected '=', found '=='", hint: "a change is written with one '=': \(target.text) = value")
        }
        try expect(.assign, "'=' and the parameter's new value")
        let value = try expression()
        if !standalone { _ = try accept(.comma) }
        return OverrideAssignment(target: target, keys: keys, value: value, span: target.span.to(value.span))
    }

    /// `product B ["title"] = A with { change… member… }`: a product made from another,
    /// with parameters changed and members added. The cursor is at the `=`.
    mutating func productVariant(_ name: Name, _ title: String?, _ start: Span) throws -> ProductDecl {
        advance()
        let example = "product \(name.text) = Base with { param = value }"
        let base = try expectName("the product it is made from, as in \(example)")
        try expect(.keyword(.with), "'with' and the changes, as in \(example)")
        try expect(.lbrace, "'{' and the changes, as in \(example)")
        var changes: [OverrideAssignment] = []
        var members: [Member] = []
        while current.kind != .rbrace {
            switch current.kind {
            case .name:
                changes.append(try overrideAssignment())
            case .keyword(let k) where [.param, .rule, .table, .let, .rounding].contains(k):
                members.append(try member())
            default:
                try fail("expected a change (param = value), a member (param, rule, table, let or rounding) or '}', found \(current.kind.describe)")
            }
        }
        let end = advance().span
        return ProductDecl(name: name, title: title, variant: .init(base: base, changes: changes), members: members,
                           span: start.to(end))
    }

    /// Reads `Product.param=value`, as `--set` and `:set` take it: the product's
    /// name and one assignment, nothing after.
    public static func parseOverride(_ file: SourceFile) -> ((product: Name, assignment: OverrideAssignment)?, [Diagnostic]) {
        // The value stands alone, so it may be written as values are displayed: `1,200.00 CNY`.
        let (tokens, lexDiagnostics) = Lexer.tokenize(file, groupsAmountsByCommas: true)
        var parser = Parser(file: file, tokens: tokens)
        parser.groupsAmountsByCommas = true
        var result: (product: Name, assignment: OverrideAssignment)?
        do {
            let product = try parser.expectName("Product.param=value")
            try parser.expect(.dot, "'.' and a parameter, as in \(product.text).param=value")
            let assignment = try parser.overrideAssignment(standalone: true)
            if parser.current.kind != .endOfFile {
                try parser.fail("expected the end of the value, found \(parser.current.kind.describe)")
            }
            result = (product, assignment)
        } catch {}
        return (lexDiagnostics.isEmpty ? result : nil, lexDiagnostics + parser.diagnostics)
    }
}
