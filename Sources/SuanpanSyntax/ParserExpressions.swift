/// Expressions, loosest binding first: if, or, and, not, comparison (does not
/// chain), + -, * /, unary -, ^ (right-associative), postfix . () [].
extension Parser {
    /// expr: if_expr | or_expr
    mutating func expression() throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxNesting {
            try fail("expression nested too deeply (more than \(Parser.maxNesting) levels)")
        }
        if current.kind == .keyword(.if) {
            let start = advance().span
            let condition = try expression()
            try expect(.keyword(.then), "'then'")
            let whenTrue = try expression()
            try expect(.keyword(.else), "'else' (every 'if' needs both branches)")
            let whenFalse = try expression()
            return try node(.conditional(condition, then: whenTrue, else: whenFalse), start.to(whenFalse.span))
        }
        return try orExpression()
    }

    mutating func orExpression() throws -> Expr {
        var left = try andExpression()
        while try accept(.keyword(.or)) {
            let right = try andExpression()
            left = try node(.binary(.or, left, right), left.span.to(right.span))
        }
        return left
    }

    mutating func andExpression() throws -> Expr {
        var left = try notExpression()
        while try accept(.keyword(.and)) {
            let right = try notExpression()
            left = try node(.binary(.and, left, right), left.span.to(right.span))
        }
        return left
    }

    /// not_expr: comparison | "not" not_expr
    mutating func notExpression() throws -> Expr {
        if current.kind == .keyword(.not) {
            let start = advance().span
            let operand = try nested { try $0.notExpression() }
            return try node(.unary(.not, operand), start.to(operand.span))
        }
        return try comparison()
    }

    /// comparison: sum [comp_op sum]
    mutating func comparison() throws -> Expr {
        let left = try sum()
        guard let op = comparisonOperator(current.kind) else { return left }
        advance()
        let right = try sum()
        if comparisonOperator(current.kind) != nil {
            try fail("comparisons do not chain", hint: "write 'a < b and b < c'")
        }
        return try node(.binary(op, left, right), left.span.to(right.span))
    }

    func comparisonOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    mutating func sum() throws -> Expr {
        var left = try term()
        while current.kind == .plus || current.kind == .minus {
            let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
            let right = try term()
            left = try node(.binary(op, left, right), left.span.to(right.span))
        }
        return left
    }

    mutating func term() throws -> Expr {
        var left = try unary()
        while current.kind == .star || current.kind == .slash {
            let op: BinaryOperator = advance().kind == .star ? .multiply : .divide
            let right = try unary()
            left = try node(.binary(op, left, right), left.span.to(right.span))
        }
        return left
    }

    /// unary: power | "-" unary
    mutating func unary() throws -> Expr {
        if current.kind == .minus {
            let start = advance().span
            let operand = try nested { try $0.unary() }
            return try node(.unary(.negate, operand), start.to(operand.span))
        }
        return try power()
    }

    /// power: postfix ["^" unary]
    mutating func power() throws -> Expr {
        let base = try postfix()
        guard try accept(.caret) else { return base }
        let exponent = try nested { try $0.unary() }
        return try node(.binary(.power, base, exponent), base.span.to(exponent.span))
    }

    /// postfix: atom | postfix "." NAME | postfix "(" args ")" | postfix "[" expr "]"
    /// A '(' or '[' at the start of a line begins a new expression instead.
    mutating func postfix() throws -> Expr {
        var e = try atom()
        while true {
            if current.startsLine, current.kind == .lparen || current.kind == .lbracket { return e }
            switch current.kind {
            case .dot:
                advance()
                let name = try expectName("a field, rule or parameter name after '.'")
                e = try node(.member(e, name), e.span.to(name.span))
            case .lparen:
                advance()
                let args = try commaList(until: .rparen)
                let end = try expect(.rparen, "')'").span
                e = try node(.call(e, args), e.span.to(end))
            case .lbracket:
                advance()
                let i = try expression()
                let end = try expect(.rbracket, "']'").span
                e = try node(.index(e, i), e.span.to(end))
            default:
                return e
            }
        }
    }

    /// [expr ("," expr)* [","]] before `closer`.
    mutating func commaList(until closer: TokenKind) throws -> [Expr] {
        var items: [Expr] = []
        while current.kind != closer {
            items.append(try expression())
            if !(try accept(.comma)) { break }
        }
        return items
    }

    /// atom: literal | NAME | "(" expr ")" | list | comprehension | record_lit
    mutating func atom() throws -> Expr {
        if let lit = try literal() { return lit }
        switch current.kind {
        case .name:
            let t = advance()
            if current.kind == .lbrace { return try recordLiteral(Name(t.text, t.span)) }
            return try node(.name(t.text), t.span)
        case .lparen:
            let open = advance().span
            let e = try expression()
            let close = try expect(.rparen, "')'").span
            // The node covers its parentheses, so a declaration's span ends at its last ')'.
            return Expr(e.kind, open.to(close))
        case .lbracket:
            return try listOrComprehension()
        default:
            let hint = previousIsNumberTouchingName ? "put a space between a number and its unit: 1200 CNY, 40 days" : nil
            try fail("expected an expression, found \(current.kind.describe)", hint: hint)
        }
    }

    var previousIsNumberTouchingName: Bool {
        guard index > 0, current.kind == .name else { return false }
        let prev = tokens[index - 1]
        return prev.kind == .number && prev.span.end == current.span.start
    }

    /// list: "[" [expr ("," expr)* [","]] "]"
    /// comprehension: "[" expr "for" NAME "in" expr ["where" expr] "]"
    mutating func listOrComprehension() throws -> Expr {
        let start = advance().span
        if current.kind == .rbracket {
            return try node(.list([]), start.to(advance().span))
        }
        let first = try expression()
        if try accept(.keyword(.for)) {
            let variable = try expectName()
            try expect(.keyword(.in), "'in'")
            let source = try expression()
            let filter = try accept(.keyword(.where)) ? try expression() : nil
            let end = try expect(.rbracket, "']'").span
            return try node(.comprehension(element: first, variable: variable, source: source, filter: filter), start.to(end))
        }
        var items = [first]
        while try accept(.comma) {
            if current.kind == .rbracket { break }
            items.append(try expression())
        }
        let end = try expect(.rbracket, "']' or ','").span
        return try node(.list(items), start.to(end))
    }

    /// record_lit: NAME "{" [field_init ("," field_init)* [","]] "}"
    mutating func recordLiteral(_ type: Name) throws -> Expr {
        advance()
        var fields: [FieldInit] = []
        while current.kind != .rbrace {
            let name = try expectName("a field name or '}'")
            try expect(.colon, "':' and the field's value")
            fields.append(FieldInit(name: name, value: try expression()))
            if !(try accept(.comma)) { break }
        }
        let end = try expect(.rbrace, "'}' or ','").span
        return try node(.record(type, fields), type.span.to(end))
    }

    /// literal: NUMBER | PERCENT | RATE | MONEY | DURATION | DATE | STRING | "true" | "false"
    mutating func literal() throws -> Expr? {
        let kind: LiteralKind
        switch current.kind {
        case .number: kind = .number
        case .percent: kind = .percent
        case .rate: kind = .rate
        case .money: kind = .money
        case .duration: kind = .duration
        case .date: kind = .date
        case .string: kind = .string
        case .keyword(.true), .keyword(.false): kind = .bool
        default: return nil
        }
        let t = advance()
        return try node(.literal(kind, t.text), t.span)
    }

    /// Builds a node, refusing trees deeper than the limit.
    mutating func node(_ kind: ExprKind, _ span: Span) throws -> Expr {
        let e = Expr(kind, span)
        if e.depth > Parser.maxDepth {
            try fail("expression too deep (more than \(Parser.maxDepth) levels)",
                     hint: "split it with let, or sum a list: sum([…])")
        }
        return e
    }

    /// Runs a recursive production under the depth limit.
    mutating func nested(_ body: (inout Parser) throws -> Expr) throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxNesting {
            try fail("expression nested too deeply (more than \(Parser.maxNesting) levels)")
        }
        return try body(&self)
    }
}

// MARK: Token stream

extension Parser {
    var current: Token { tokens[min(index, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = current
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    mutating func accept(_ kind: TokenKind) throws -> Bool {
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, _ what: String) throws -> Token {
        guard current.kind == kind else { try fail("expected \(what), found \(current.kind.describe)") }
        return advance()
    }

    mutating func expectName(_ what: String = "a name") throws -> Name {
        guard current.kind == .name else {
            if case .keyword(let k) = current.kind {
                try fail("expected \(what), found the keyword '\(k.rawValue)'", hint: "'\(k.rawValue)' is reserved; choose another name")
            }
            try fail("expected \(what), found \(current.kind.describe)")
        }
        let t = advance()
        return Name(t.text, t.span)
    }

    /// Records an error at the current token and unwinds to the declaration level.
    mutating func fail(_ message: String, hint: String? = nil) throws -> Never {
        if current.kind == .endOfFile { incomplete = diagnostics.isEmpty }
        diagnostics.append(.error(message, file: file, span: current.span, hint: hint))
        throw ParseFailure()
    }
}
