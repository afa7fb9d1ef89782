import SuanpanValues

/// Expressions, loosest binding first: `if`, then the levels of `OperatorTable`
/// (or, and, not, comparisons, + -, * /, unary -, ^), then postfix . () [].
extension Parser {
    /// expr: if_expr | fold_expr | with_expr | or_expr
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
        switch current.kind {
        case .keyword(.fold): return try fold(.fold)
        case .keyword(.scan): return try fold(.scan)
        case .keyword(.sort): return try arrange(.sort)
        case .keyword(.group): return try arrange(.group)
        case .keyword(.with): return try scopedOverride()
        default: return try operand(0)
        }
    }

    /// sort_expr: "sort" NAME "in" expr ["by" expr] ["descending"]
    /// group_expr: "group" NAME "in" expr "by" expr
    mutating func arrange(_ kind: ArrangeKind) throws -> Expr {
        let start = advance().span
        let example = kind.example
        let variable = try expectName("the name of each item after \(quoted(kind.rawValue)), as in \(example)")
        try expect(.keyword(.in), "'in' and the list, as in \(example)")
        let source = try expression()
        var key: Expr?
        if try accept(.keyword(.by)) {
            key = try expression()
        } else if kind == .group {
            try fail("expected 'by' and the key to group by, found \(current.kind.describe)", hint: "write \(example)")
        }
        var end = key?.span ?? source.span
        var descending = false
        if kind == .sort, current.kind == .keyword(.descending) {
            end = advance().span
            descending = true
        }
        let arrange = Arrange(kind: kind, variable: variable, source: source, key: key, descending: descending)
        return try node(.arrange(arrange), start.to(end))
    }

    /// fold_expr: ("fold" | "scan") NAME [":" type] "=" expr "for" NAME "in" expr ["where" expr] "=>" expr
    /// Like `if`, the step reaches as far right as it can.
    mutating func fold(_ kind: FoldKind) throws -> Expr {
        let start = advance().span
        let state = try expectName("the name of the state after \(quoted(kind.rawValue)), as in \(kind.rawValue) total = 0 CNY for x in xs => total + x")
        let stateType = try accept(.colon) ? try typeSyntax() : nil
        try expect(.assign, "'=' and the starting state")
        let initial = try expression()
        try expect(.keyword(.for), "'for' and the list to go through, as in \(kind.rawValue) \(state.text) = … for x in xs => …")
        let variable = try expectName()
        try expect(.keyword(.in), "'in'")
        let source = try expression()
        let filter = try accept(.keyword(.where)) ? try expression() : nil
        if filter == nil, current.kind == .keyword(.if) {
            try fail("expected '=>' and the next state, found 'if'",
                     hint: "\(kind.rawValue) goes through the items that pass 'where': … for x in xs where x > 0 => …")
        }
        try expect(.fatArrow, "'=>' and the next state")
        let step = try expression()
        let fold = Fold(kind: kind, state: state, stateType: stateType, initial: initial, variable: variable,
                        source: source, filter: filter, step: step)
        return try node(.fold(fold), start.to(step.span))
    }

    /// Reads an operand at `level` of `OperatorTable.levels` (0 is the loosest); past
    /// the last level, a postfix chain. Each level reads its operands one level tighter.
    mutating func operand(_ level: Int) throws -> Expr {
        let levels = OperatorTable.levels
        guard level < levels.count else { return try postfix() }
        let row = levels[level]
        switch row.form {
        case .prefix:
            guard let (token, op) = row.prefix, current.kind == token else { return try operand(level + 1) }
            let start = advance().span
            let x = try nested { try $0.operand(level) }
            return try node(.unary(op, x), start.to(x.span))
        case .leftAssociative:
            var left = try operand(level + 1)
            while let op = row.binaryOperator(current.kind) {
                advance()
                let right = try operand(level + 1)
                left = try node(.binary(op, left, right), left.span.to(right.span))
            }
            return left
        case .nonAssociative(let message, let hint):
            let left = try operand(level + 1)
            guard let op = row.binaryOperator(current.kind) else { return left }
            advance()
            let right = try operand(level + 1)
            if row.binaryOperator(current.kind) != nil { try fail(message, hint: hint) }
            return try node(.binary(op, left, right), left.span.to(right.span))
        case .rightAssociative:
            let left = try operand(level + 1)
            guard let op = row.binaryOperator(current.kind) else { return left }
            advance()
            // From the prefix level just looser, if there is one, so that `2^-1` reads.
            let rightLevel = level > 0 && levels[level - 1].isPrefix ? level - 1 : level
            let right = try nested { try $0.operand(rightLevel) }
            return try node(.binary(op, left, right), left.span.to(right.span))
        }
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
                if atSliceDots {
                    e = try slice(e, from: nil)
                    continue
                }
                let i = try expression()
                if atSliceDots {
                    e = try slice(e, from: i)
                    continue
                }
                let end = try expect(.rbracket, "']'").span
                e = try node(.index(e, i), e.span.to(end))
            default:
                return e
            }
        }
    }

    /// `(` NAME `:` begins a row, `(merchant: "a", total: 1 CNY)`; any other `(` groups.
    var isRowStart: Bool {
        index + 2 < tokens.count && tokens[index + 1].kind == .name && tokens[index + 2].kind == .colon
    }

    /// row: "(" field_init ("," field_init)* [","] ")"
    mutating func rowLiteral() throws -> Expr {
        let open = advance().span
        var fields: [FieldInit] = []
        repeat {
            if current.kind == .rparen, !fields.isEmpty { break }
            let name = try expectName("a field name, as in (merchant: \"a\", total: 1 CNY)")
            try expect(.colon, "':' and the field's value")
            fields.append(FieldInit(name: name, value: try expression()))
        } while try accept(.comma)
        let close = try expect(.rparen, "')' or ','").span
        return try node(.row(fields), open.to(close))
    }

    var atSliceDots: Bool { current.kind == .dotdot || current.kind == .dotdotless }

    /// slice: postfix "[" [expr] ".." [expr] "]" | postfix "[" [expr] "..<" expr "]"
    /// The `[` and the start, if any, are read; the cursor is at `..` or `..<`.
    mutating func slice(_ base: Expr, from: Expr?) throws -> Expr {
        let through = advance().kind == .dotdot
        var to: Expr?
        if current.kind != .rbracket || !through {
            if current.kind == .rbracket { try fail("'..<' needs the end it stops before", hint: "write xs[a..<b], or xs[a..] for the rest") }
            to = try expression()
        }
        let end = try expect(.rbracket, "']' after the slice").span
        return try node(.slice(base, from: from, to: to, through: through), base.span.to(end))
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
        case .lparen where isRowStart:
            return try rowLiteral()
        case .lparen:
            let open = advance().span
            let e = try expression()
            let close = try expect(.rparen, "')'").span
            // The node covers its parentheses, so a declaration's span ends at its last ')'.
            return Expr(e.kind, open.to(close))
        case .lbracket:
            return try listOrComprehension()
        case .keyword(let k) where k == .if || k == .fold || k == .scan || k == .sort || k == .group || k == .with:
            // These reach as far right as they can, so inside an operator they need parentheses.
            try fail("\(quoted(k.rawValue)) cannot be an operand here", hint: "put it in parentheses: x + (\(k.rawValue) …)")
        default:
            let afterDots = index > 0 && (tokens[index - 1].kind == .dotdot || tokens[index - 1].kind == .dotdotless) && current.kind == .dot
            let hint = previousIsNumberTouchingName ? "put a space between a number and its unit: 1200 CNY, 40 days"
                : afterDots ? "a range has two dots: a..b, or a..<b to stop before b" : nil
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
            if filter == nil, current.kind == .keyword(.if) {
                try fail("expected ']', found 'if'",
                         hint: "a comprehension keeps the items that pass 'where': [x for x in xs where x > 0]")
            }
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

    /// literal: NUMBER | PERCENT | RATE | MONEY | FLOW | DURATION | PLACES | DATE | STRING | "true" | "false"
    mutating func literal() throws -> Expr? {
        let kind: LiteralKind
        switch current.kind {
        case .number: kind = .number
        case .percent: kind = .percent
        case .rate: kind = .rate
        case .money: kind = .money
        case .flow: kind = .flow
        case .duration: kind = .duration
        case .places: kind = .places
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
                try fail("expected \(what), found the keyword \(quoted(k.rawValue))", hint: "\(quoted(k.rawValue)) is reserved; choose another name")
            }
            try fail("expected \(what), found \(current.kind.describe)")
        }
        let t = advance()
        return Name(t.text, t.span)
    }

    /// Records an error at a span of the input and unwinds to the declaration level.
    mutating func fail(at span: Span, _ message: String, hint: String? = nil) throws -> Never {
        diagnostics.append(.error(message, file: file, span: span, hint: hint))
        throw ParseFailure()
    }

    /// Records an error at the current token and unwinds to the declaration level.
    mutating func fail(_ message: String, hint: String? = nil) throws -> Never {
        if current.kind == .endOfFile { incomplete = diagnostics.isEmpty }
        diagnostics.append(.error(message, file: file, span: current.span, hint: hint ?? groupingCommaHint ?? unitAfterNumberHint ?? assignForEqualHint))
        throw ParseFailure()
    }

    /// A ',' between digits, as in a displayed `1,200.00 CNY` typed back: in source
    /// a comma separates, and digits are grouped with '_'.
    var groupingCommaHint: String? {
        guard current.kind == .comma, index > 0 else { return nil }
        let before = tokens[index - 1]
        guard before.kind == .number, before.span.end == current.span.start, (1...3).contains(before.text.utf8.count),
              before.text.utf8.allSatisfy(isDigit) else { return nil }
        // `1,200,000.00 CNY` is the tokens 1 , 200 , 000.00 CNY: follow the groups to the last.
        var parts = [before.text]
        var k = index
        while k + 1 < tokens.count, tokens[k].kind == .comma, tokens[k].span.start == tokens[k - 1].span.end {
            let next = tokens[k + 1]
            let digits = next.text.utf8
            guard next.span.start == tokens[k].span.end, digits.prefix(3).count == 3, digits.prefix(3).allSatisfy(isDigit),
                  !(digits.dropFirst(3).first.map(isDigit) ?? false) else { break }
            parts.append(next.text)
            guard next.kind == .number, digits.count == 3 else { break }
            k += 2
        }
        guard parts.count > 1 else { return nil }
        let grouped = parts.joined(separator: "_")
        if groupsAmountsByCommas {
            return "',' groups the digits of an amount with its unit (1,200.00 CNY, 1,000 days); "
                + "group a plain number with '_' or not at all: \(grouped)"
        }
        return "',' separates values here; group digits with '_' or not at all: \(grouped) or \(parts.joined())"
    }

    /// A '=' where none is expected: most often a comparison written with one
    /// (`expect x = 1 CNY`, `where a.tier = 1`).
    var assignForEqualHint: String? {
        guard current.kind == .assign else { return nil }
        return "to compare two values, write '==' (a == b); '=' only gives a name its value"
    }

    /// A currency written next to a number in another form than its code after a
    /// blank (`1200CNY`, `1200 cny`, `1200 rmb`), or a duration's unit in capitals
    /// (`30 Days`): the amount as it is written.
    var unitAfterNumberHint: String? {
        guard current.kind == .name, index > 0, tokens[index - 1].kind == .number else { return nil }
        let number = tokens[index - 1].text
        if let code = Currency.code(written: current.text) {
            return "an amount is its number, a blank and its currency's code in capitals: \(number) \(code)"
        }
        if let word = DurationWord(written: Substring(current.text.lowercased())) {
            return "a duration's unit is written in lower case: \(number) \(current.text.lowercased() == word.singular ? word.singular : word.plural)"
        }
        return nil
    }
}
