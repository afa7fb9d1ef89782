import SuanpanValues

/// A recursive-descent parser for Grammar/suanpan.lark. Each parse function
/// opens with the production it reads. On an error the parser records one
/// diagnostic and skips to the next declaration, so one mistake gives one error.
public struct ParseResult: Sendable {
    public let syntax: FileSyntax
    public let diagnostics: [Diagnostic]
    /// True when the first error is at the end of the input: more lines could
    /// complete it (the REPL then asks for a continuation line).
    public let isIncomplete: Bool
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

struct ParseFailure: Error {}

public struct Parser {
    let file: SourceFile
    let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    var incomplete = false
    /// Whether the lexer read comma-grouped amounts (a value standing alone): only for hints.
    var groupsAmountsByCommas = false
    /// Parentheses, prefix operators and types nested deeper than this are
    /// reported, not recursed into, so hostile input cannot exhaust the stack.
    static let maxNesting = 200
    /// The tallest expression tree accepted: later phases recurse over trees, and
    /// a long `a + b + …` chain is as tall as it is long.
    static let maxDepth = 1000

    public static func parse(_ file: SourceFile) -> ParseResult {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens)
        let items = parser.parseFile()
        let all = lexDiagnostics + parser.diagnostics
        return ParseResult(syntax: FileSyntax(file: file, items: items),
                           diagnostics: Diagnostic.capped(all.sorted { $0.span.start < $1.span.start }),
                           isIncomplete: parser.incomplete && lexDiagnostics.isEmpty)
    }

    /// Parses a single expression (the REPL and `suanpan eval` use this).
    public static func parseExpression(_ file: SourceFile) -> (Expr?, [Diagnostic], incomplete: Bool) {
        parseExpression(file, groupsAmountsByCommas: false)
    }

    /// Parses a value standing alone, as `--set` and `:set` give one: an expression
    /// in which an amount with its unit may also be written as it is displayed,
    /// its digits grouped by commas (`1,200.00 CNY`, `[1,200.00 CNY, 5.00 CNY]`).
    public static func parseValue(_ file: SourceFile) -> (Expr?, [Diagnostic], incomplete: Bool) {
        parseExpression(file, groupsAmountsByCommas: true)
    }

    static func parseExpression(_ file: SourceFile, groupsAmountsByCommas: Bool) -> (Expr?, [Diagnostic], incomplete: Bool) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file, groupsAmountsByCommas: groupsAmountsByCommas)
        var parser = Parser(file: file, tokens: tokens)
        parser.groupsAmountsByCommas = groupsAmountsByCommas
        var expr: Expr?
        do {
            let e = try parser.expression()
            if parser.current.kind != .endOfFile {
                try parser.fail("expected the end of the expression, found \(parser.current.kind.describe)")
            }
            expr = e
        } catch {}
        return (expr, lexDiagnostics + parser.diagnostics, parser.incomplete && lexDiagnostics.isEmpty)
    }

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: Files and declarations

    /// start: item*
    mutating func parseFile() -> [Item] {
        var items: [Item] = []
        while current.kind != .endOfFile {
            let before = index
            do {
                items.append(try item())
            } catch {
                synchronize(from: before)
            }
        }
        return items
    }

    /// Skips to the next token that can start a declaration: a declaration
    /// keyword first on its line, outside the braces the broken one opened.
    mutating func synchronize(from start: Int) {
        var depth = 0
        for t in tokens[start..<index] { depth += braceChange(t.kind) }
        if index == start {
            depth += braceChange(current.kind)
            advance()
        }
        while current.kind != .endOfFile {
            if depth <= 0, current.startsLine, case .keyword(let k) = current.kind, k.startsItem {
                return
            }
            depth += braceChange(current.kind)
            advance()
        }
    }

    func braceChange(_ kind: TokenKind) -> Int {
        kind == .lbrace ? 1 : kind == .rbrace ? -1 : 0
    }

    mutating func item() throws -> Item {
        switch current.kind {
        case .keyword(.import): return .importDecl(try importDecl())
        case .keyword(.let): return .letDecl(try letDecl())
        case .keyword(.record): return .record(try recordDecl())
        case .keyword(.product): return .product(try productDecl())
        case .keyword(.rule): return .rule(try ruleDecl())
        case .keyword(.test): return .test(try testDecl())
        case .keyword(.print): return .print(try printStmt())
        case .keyword(.population): return .population(try populationDecl())
        case .keyword(.scenario): return .scenario(try scenarioDecl())
        case .keyword(let k) where [.param, .table, .rounding].contains(k):
            try fail("\(quoted(k.rawValue)) belongs inside a product { … }")
        case .keyword(.expect):
            try fail("'expect' belongs inside a test \"…\" { … } block")
        default:
            let items = Keyword.allCases.filter(\.startsItem).map(\.rawValue)
            try fail("expected a declaration (\(items.spelledOut())), found \(current.kind.describe)")
        }
    }

    /// import_decl: "import" STRING
    mutating func importDecl() throws -> ImportDecl {
        let start = advance().span
        let path = try expect(.string, "a file name in quotes")
        return ImportDecl(path: path.text, span: start.to(path.span))
    }

    /// let_decl: "let" NAME [":" type] "=" expr
    mutating func letDecl() throws -> LetDecl {
        let start = advance().span
        let name = try expectName()
        let type = try accept(.colon) ? try typeSyntax() : nil
        try expect(.assign, "'='")
        let value = try expression()
        return LetDecl(name: name, type: type, value: value, span: start.to(value.span))
    }

    /// record_decl: "record" NAME "{" field* "}"   field: NAME ":" type ["=" expr] [","]
    mutating func recordDecl() throws -> RecordDecl {
        let start = advance().span
        let name = try expectName()
        try expect(.lbrace, "'{'")
        var fields: [FieldDecl] = []
        while current.kind != .rbrace {
            let fieldName = try expectName("a field name or '}'")
            try expect(.colon, "':' and the field's type")
            let type = try typeSyntax()
            let value = try accept(.assign) ? try expression() : nil
            _ = try accept(.comma)
            fields.append(FieldDecl(name: fieldName, type: type, defaultValue: value))
        }
        let end = advance().span
        return RecordDecl(name: name, fields: fields, span: start.to(end))
    }

    /// product_decl: "product" NAME [STRING] "{" member* "}"
    ///             | "product" NAME [STRING] "=" NAME "with" "{" (assignment | member)* "}"
    mutating func productDecl() throws -> ProductDecl {
        let start = advance().span
        let name = try expectName()
        let title = current.kind == .string ? advance().text : nil
        if current.kind == .assign { return try productVariant(name, title, start) }
        try expect(.lbrace, "'{'")
        var members: [Member] = []
        while current.kind != .rbrace {
            members.append(try member())
        }
        let end = advance().span
        return ProductDecl(name: name, title: title, members: members, span: start.to(end))
    }

    /// member: param_decl | rule_decl | table_decl | let_decl | rounding_decl
    mutating func member() throws -> Member {
        switch current.kind {
        case .keyword(.param): return .param(try paramDecl())
        case .keyword(.rule): return .rule(try ruleDecl())
        case .keyword(.table): return .table(try tableDecl())
        case .keyword(.let): return .letDecl(try letDecl())
        case .keyword(.rounding): return .rounding(try roundingDecl())
        default:
            try fail("expected a product member (param, rule, table, let or rounding) or '}', found \(current.kind.describe)")
        }
    }

    /// param_decl: "param" NAME [":" type] "=" expr
    mutating func paramDecl() throws -> ParamDecl {
        let start = advance().span
        let name = try expectName()
        let type = try accept(.colon) ? try typeSyntax() : nil
        try expect(.assign, "'=' and the parameter's default value")
        let value = try expression()
        let schedule = try datedValues()
        return ParamDecl(name: name, type: type, value: value, schedule: schedule, span: start.to(schedule.last?.value.span ?? value.span))
    }

    /// rounding_decl: "rounding" NAME [NUMBER | PLACES]
    mutating func roundingDecl() throws -> RoundingDecl {
        let start = advance().span
        let mode = try expectName("a rounding mode (half_up, half_even, down, up, floor, ceiling)")
        var quantum: Expr?
        if current.kind == .number || current.kind == .places {
            let t = advance()
            quantum = Expr(.literal(t.kind == .places ? .places : .number, t.text), t.span)
        }
        return RoundingDecl(mode: mode, quantum: quantum, span: start.to(quantum?.span ?? mode.span))
    }

    /// rule_decl: "rule" NAME [params] ["->" type] body
    mutating func ruleDecl() throws -> RuleDecl {
        let start = advance().span
        let name = try expectName()
        let parameters = current.kind == .lparen ? try parameterList() : nil
        let result = try accept(.arrow) ? try typeSyntax() : nil
        let bodyStart = index
        let body = try ruleBody()
        // The span ends at the body's last token: its value, or the block's closing '}'.
        let end = index > bodyStart ? tokens[index - 1].span : body.value.span
        return RuleDecl(name: name, parameters: parameters, result: result, body: body, span: start.to(end))
    }

    /// params: "(" [param ("," param)* [","]] ")"   param: NAME ":" type
    mutating func parameterList() throws -> [Parameter] {
        try expect(.lparen, "'('")
        var result: [Parameter] = []
        while current.kind != .rparen {
            let name = try expectName("a parameter name or ')'")
            try expect(.colon, "':' and the parameter's type")
            result.append(Parameter(name: name, type: try typeSyntax()))
            if !(try accept(.comma)) { break }
        }
        try expect(.rparen, "')'")
        return result
    }

    /// body: "=" expr | "{" let_decl* expr "}"
    mutating func ruleBody() throws -> Body {
        if try accept(.assign) { return Body(lets: [], value: try expression()) }
        guard current.kind == .lbrace else {
            try fail("expected '=' or '{' to start the rule's body, found \(current.kind.describe)")
        }
        advance()
        var lets: [LetDecl] = []
        while current.kind == .keyword(.let) { lets.append(try letDecl()) }
        let value = try expression()
        try expect(.rbrace, "'}' after the rule's result expression")
        return Body(lets: lets, value: value)
    }

    /// table_decl: "table" NAME params "->" type "{" row* "}"
    mutating func tableDecl() throws -> TableDecl {
        let start = advance().span
        let name = try expectName()
        guard current.kind == .lparen else { try fail("expected '(' and the table's key parameters, found \(current.kind.describe)") }
        let parameters = try parameterList()
        try expect(.arrow, "'->' and the table's value type")
        let result = try typeSyntax()
        try expect(.lbrace, "'{'")
        var rows: [TableRow] = []
        while current.kind != .rbrace { rows.append(try tableRow()) }
        let end = advance().span
        return TableDecl(name: name, parameters: parameters, result: result, rows: rows, span: start.to(end))
    }

    /// row: patterns "=>" expr [","] | "else" "=>" expr [","]
    mutating func tableRow() throws -> TableRow {
        let start = current.span
        var patterns: [Pattern]?
        if try accept(.keyword(.else)) {
            patterns = nil
        } else {
            var list = [try pattern()]
            while try accept(.comma) { list.append(try pattern()) }
            patterns = list
        }
        try expect(.fatArrow, "'=>' and the row's value")
        let value = try expression()
        _ = try accept(.comma)
        return TableRow(patterns: patterns, value: value, span: start.to(value.span))
    }

    /// pattern: bound | bound ".." bound | bound "..<" bound | bound ".." | ".." bound | "..<" bound
    mutating func pattern() throws -> Pattern {
        let start = current.span
        if current.kind == .dotdot || current.kind == .dotdotless {
            let inclusive = advance().kind == .dotdot
            let high = try bound()
            return Pattern(kind: .range(low: nil, high: high, highInclusive: inclusive), span: start.to(high.span))
        }
        let low = try bound()
        if current.kind == .dotdot || current.kind == .dotdotless {
            let op = advance()
            if op.kind == .dotdot, !canStartBound {
                return Pattern(kind: .range(low: low, high: nil, highInclusive: true), span: start.to(op.span))
            }
            let high = try bound()
            return Pattern(kind: .range(low: low, high: high, highInclusive: op.kind == .dotdot), span: start.to(high.span))
        }
        if case .name("_") = low.kind { return Pattern(kind: .any, span: low.span) }
        return Pattern(kind: .exact(low), span: low.span)
    }

    var canStartBound: Bool {
        switch current.kind {
        case .minus, .name, .number, .percent, .rate, .money, .duration, .date, .string,
             .keyword(.true), .keyword(.false): return true
        default: return false
        }
    }

    /// bound: literal | "-" literal | NAME
    mutating func bound() throws -> Expr {
        if current.kind == .minus {
            let minus = advance()
            guard let lit = try literal() else { try fail("expected a literal after '-' in a table key, found \(current.kind.describe)") }
            return Expr(.unary(.negate, lit), minus.span.to(lit.span))
        }
        if current.kind == .name {
            let t = advance()
            return Expr(.name(t.text), t.span)
        }
        guard let lit = try literal() else { try fail("expected a table key (a literal, a name, '_' or a range), found \(current.kind.describe)") }
        return lit
    }

    /// test_decl: "test" STRING "{" test_stmt* "}"
    mutating func testDecl() throws -> TestDecl {
        let start = advance().span
        let name = try expect(.string, "the test's name in quotes")
        try expect(.lbrace, "'{'")
        var statements: [TestStatement] = []
        while current.kind != .rbrace {
            switch current.kind {
            case .keyword(.let): statements.append(.letDecl(try letDecl()))
            case .keyword(.print): statements.append(.print(try printStmt()))
            case .keyword(.expect): statements.append(try expectStmt())
            default: try fail("expected 'expect', 'let', 'print' or '}' in a test, found \(current.kind.describe)")
            }
        }
        let end = advance().span
        return TestDecl(name: name.text, statements: statements, span: start.to(end))
    }

    /// expect_stmt: "expect" expr   expect_error_stmt: "expect" "error" expr ["with" STRING]
    mutating func expectStmt() throws -> TestStatement {
        let start = advance().span
        if try accept(.keyword(.error)) {
            let value = try expression()
            var message: String?
            var end = value.span
            if try accept(.keyword(.with)) {
                let m = try expect(.string, "the expected error text in quotes")
                message = m.text
                end = m.span
            }
            return .expectError(value, message: message, span: start.to(end))
        }
        let value = try expression()
        return .expect(value, span: start.to(value.span))
    }

    /// print_stmt: "print" expr ("," expr)*
    mutating func printStmt() throws -> PrintStmt {
        let start = advance().span
        var values = [try expression()]
        while try accept(.comma) { values.append(try expression()) }
        return PrintStmt(values: values, span: start.to(values[values.count - 1].span))
    }

    /// type: type_atom ["/" NAME]   type_atom: NAME ["<" type ">"]
    mutating func typeSyntax() throws -> TypeSyntax {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxNesting { try fail("type nested too deeply (more than \(Parser.maxNesting) levels)") }
        if current.kind == .lparen { return try rowType() }
        // `rounding` is a keyword (the product policy) and also the type of rounding modes.
        let name = current.kind == .keyword(.rounding) ? Name("rounding", advance().span) : try expectName("a type")
        var argument: TypeSyntax?
        var end = name.span
        if try accept(.less) {
            argument = try typeSyntax()
            end = try expect(.greater, "'>'").span
        }
        var per: Name?
        if try accept(.slash) {
            let p = try expectName("a period (\(Period.allCases.map(\.rawValue).spelledOut()))")
            per = p
            end = p.span
        }
        return TypeSyntax(name: name, argument: argument, per: per, span: name.span.to(end))
    }

    /// row_type: "(" row_field ("," row_field)* [","] ")"   row_field: NAME ":" type
    mutating func rowType() throws -> TypeSyntax {
        let open = advance().span
        var fields: [RowField] = []
        repeat {
            if current.kind == .rparen, !fields.isEmpty { break }
            let name = try expectName("a field name, as in (merchant: string, total: money<CNY>)")
            try expect(.colon, "':' and the field's type")
            fields.append(RowField(name: name, type: try typeSyntax()))
        } while try accept(.comma)
        let close = try expect(.rparen, "')' or ','").span
        return TypeSyntax(name: Name("(", open), argument: nil, per: nil, row: fields, span: open.to(close))
    }
}
