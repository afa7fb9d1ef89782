import SuanpanSyntax
import SuanpanValues

extension Checker {
    /// Types one expression. `expected` only guides empty lists; the caller
    /// still coerces the result to what it needs.
    func expression(_ e: Expr, _ scope: Scope, expected: SType? = nil) -> BExpr {
        switch e.kind {
        case .literal(let kind, let text):
            return literal(kind, text, e.span)
        case .name(let name):
            return nameReference(name, e.span, scope)
        case .unary(.negate, let operand):
            return negate(expression(operand, scope), e.span)
        case .unary(.not, let operand):
            let value = expression(operand, scope).requiring(.bool, self, "the operand of 'not'")
            return BExpr(.not(value), .bool, e.span, file)
        case .binary(let op, let l, let r):
            if op == .divide, case .name(let word) = r.kind, scope.lookup(word) == nil, let hint = periodWordHint(word, after: l) {
                _ = expression(l, scope)
                error("unknown name \(quoted(word))", r.span, hint: hint)
                return invalid(e.span)
            }
            return binary(op, expression(l, scope), expression(r, scope), e.span)
        case .conditional(let c, let t, let f):
            return conditional(c, t, f, e.span, scope, expected: expected)
        case .member(let base, let name):
            return member(base, name, e.span, scope)
        case .call(let callee, let args):
            return call(callee, args, e.span, scope)
        case .index(let base, let i):
            return index(expression(base, scope), expression(i, scope), e.span)
        case .slice(let base, let from, let to, let through):
            return slice(expression(base, scope), from.map { expression($0, scope) }, to.map { expression($0, scope) },
                         through: through, e.span)
        case .list(let items):
            return list(items, e.span, scope, expected: expected)
        case .comprehension(let element, let variable, let source, let filter):
            return comprehension(element, variable, source, filter, e.span, scope)
        case .record(let name, let fields):
            return recordLiteral(name, fields, e.span, scope)
        case .fold(let f):
            return fold(f, e.span, scope)
        case .row(let fields):
            return rowLiteral(fields, e.span, scope)
        case .arrange(let a):
            return arrange(a, e.span, scope)
        case .scoped(let w):
            return scopedOverride(w, e.span, scope, expected: expected)
        }
    }

    // MARK: Names

    func nameReference(_ name: String, _ span: Span, _ scope: Scope) -> BExpr {
        guard let symbol = scope.lookup(name) else {
            // Hints cost a scan of every name: after many unknown names, stop offering them.
            suggestionsLeft -= 1
            var hint = suggestionsLeft < 0 ? nil : suggestion(for: name, among: scope.allNames).map { "did you mean \(quoted($0))?" }
            if Currency.named(name) != nil { hint = "an amount is a number followed by its currency: 1 \(name)" }
            if name.first?.isUppercase == true, let products = productsHint(scope) {
                hint = hint.map { "\($0) " + products } ?? products
            }
            error("unknown name \(quoted(name))", span, hint: hint)
            return invalid(span)
        }
        switch symbol {
        case .local(let slot, let type):
            return BExpr(.local(slot), type, span, file)
        case .global(let g):
            let type = ensureGlobal(g, at: span)
            return BExpr(.global(g), type, span, file)
        case .function(let f):
            return valueOfFunction(f, span)
        case .roundingMode(let mode):
            return constant(.roundingMode(mode), .roundingMode, span)
        case .product(let p):
            error("\(quoted(name)) is a product, not a value", span,
                  hint: "use one of its rules or parameters, e.g. \(name).\(program.products[p].functions.first?.name ?? "rule")")
        case .record:
            error("\(quoted(name)) is a record type, not a value", span, hint: "build one with \(name) { field: value, … }")
        case .intrinsic(let f):
            error("\(quoted(f.name)) is a function", span, hint: "call it: \(f.name)(…)")
        case .external(let fs):
            if fs.count == 1, program.externals[fs[0]].isConstant { return externalCall(fs[0], [], span) }
            error("\(quoted(name)) is a function", span, hint: "call it: \(program.externals[fs[0]].name)(…)")
        case .namespace(let plugin):
            let example = program.externals.first { $0.plugin == plugin }?.name ?? "function"
            error("\(quoted(name)) is a plugin, not a value", span, hint: "call one of its functions: \(plugin).\(example)(…)")
        }
        return invalid(span)
    }

    /// A time word after '/' that is not a period as written (`0.04%/days`, `5%/week`,
    /// `0.05%/d`, `1200 CNY/months`, `0.04% / day`): how a rate or a flow writes its period.
    func periodWordHint(_ word: String, after left: Expr) -> String? {
        let key = word.lowercased()
        var afterAmount = false
        if case .literal(let literal, _) = left.kind {
            switch literal {
            case .percent, .money: afterAmount = true
            case .number, .rate, .flow, .duration, .places, .date, .string, .bool: break
            }
        }
        // An initial (`/d`) reads as a period only right after a percentage or an amount.
        guard let unit = DurationWord.allCases.first(where: {
            key == $0.singular || key == $0.plural || (afterAmount && key == String($0.singular.prefix(1)))
        }) else { return nil }
        let periods = Period.allCases.map { "/\($0.rawValue)" }.spelledOut("and")
        var amount = "0.05%"
        var kind = "a rate"
        var after = "the '%'"
        if case .literal(let literal, let text) = left.kind {
            switch literal {
            case .percent: amount = text
            case .money: (amount, kind, after) = (text, "a flow of money", "the currency")
            case .number, .rate, .flow, .duration, .places, .date, .string, .bool: break
            }
        }
        switch unit {
        case .period(let p):
            return "\(kind) writes its period right after \(after), with no blank: \(amount)/\(p.rawValue); the periods are \(periods)"
        case .week:
            let (count, days) = unit.worth
            return "a \(unit.singular) is not a period of rates or flows (they are \(periods)): divide by its length "
                + "for the \(days.period.adjective) \(kind == "a rate" ? "rate" : "flow"): \(amount) / \(count) \(days.plural)"
        }
    }

    /// The products a capitalised unknown name may have meant (`Huabei` for `HB`).
    func productsHint(_ scope: Scope) -> String? {
        let names = program.products.map(\.name)
        guard !names.isEmpty else { return nil }
        let shown = names.prefix(10).map { "\(quoted($0))" } + (names.count > 10 ? ["\(names.count - 10) more"] : [])
        return names.count == 1 ? "the product is \(shown[0])" : "the products are \(shown.spelledOut("and"))"
    }

    /// A rule declared without parentheses is used by name, like a value.
    func valueOfFunction(_ f: Int, _ span: Span) -> BExpr {
        let def = program.functions[f]
        if def.hasParameterList {
            error("\(quoted(def.qualifiedName)) takes arguments", span, hint: "call it: \(def.name)(…)")
            return invalid(span)
        }
        ensureFunction(f, at: span, needBody: false)
        return BExpr(.call(function: f, []), def.result, span, file)
    }

    // MARK: Members

    func member(_ base: Expr, _ name: Name, _ span: Span, _ scope: Scope) -> BExpr {
        if case .name(let baseName) = base.kind, case .namespace(let plugin)? = scope.lookup(baseName) {
            guard let f = program.externals.firstIndex(where: { $0.plugin == plugin && $0.name == name.text }) else {
                error("plugin \(quoted(plugin)) has no member \(quoted(name.text))", name.span,
                      hint: suggestion(for: name.text, among: program.externals.filter { $0.plugin == plugin }.map(\.name))
                        .map { "did you mean \(quoted($0))?" })
                return invalid(span)
            }
            if program.externals[f].isConstant { return externalCall(f, [], span) }
            error("\(quoted("\(plugin).\(name.text)")) is a function", span, hint: "call it: \(plugin).\(name.text)(…)")
            return invalid(span)
        }
        if case .name(let baseName) = base.kind, case .product(let p)? = scope.lookup(baseName) {
            guard let symbol = productMember(p, name.text) else {
                let product = program.products[p]
                let names = product.parameters.map(\.name) + product.constants.map(\.name) + product.functions.map(\.name)
                error("product \(quoted(product.name)) has no member \(quoted(name.text))", name.span,
                      hint: suggestion(for: name.text, among: names).map { "did you mean \(quoted($0))?" })
                return invalid(span)
            }
            switch symbol {
            case .global(let g): return BExpr(.global(g), ensureGlobal(g, at: span), span, file)
            case .function(let f): return valueOfFunction(f, span)
            case .local, .product, .record, .roundingMode, .intrinsic, .external, .namespace: return invalid(span)
            }
        }
        let value = expression(base, scope)
        switch value.type {
        case .record(let r):
            guard let i = r.fieldIndex(name.text) else {
                error("\(r.name) has no field \(quoted(name.text))", name.span,
                      hint: suggestion(for: name.text, among: r.fields.map(\.name)).map { "did you mean \(quoted($0))?" }
                        ?? "its fields are \(r.fields.map(\.name).joined(separator: ", "))")
                return invalid(span)
            }
            return BExpr(.field(value, i), r.fields[i].type, span, file)
        case .date:
            guard let component = DateComponent(rawValue: name.text) else {
                error("a date has no field \(quoted(name.text))", name.span,
                      hint: "its fields are \(DateComponent.allCases.map(\.rawValue).spelledOut("and"))")
                return invalid(span)
            }
            return BExpr(.dateComponent(value, component), .int, span, file)
        case .never:
            return value
        case .invalid:
            return invalid(span)
        case .int, .number, .percent, .bool, .string, .money, .rate, .flow, .duration, .list, .roundingMode, .anything:
            error("\(value.type) has no fields", name.span)
            return invalid(span)
        }
    }

    func productMember(_ p: Int, _ name: String) -> Symbol? {
        let product = program.products[p]
        if let g = product.parameters.first(where: { $0.name == name }) ?? product.constants.first(where: { $0.name == name }) {
            return .global(g.global)
        }
        if let f = product.functions.first(where: { $0.name == name }) { return .function(f.function) }
        return nil
    }

    // MARK: Calls

    func call(_ callee: Expr, _ args: [Expr], _ span: Span, _ scope: Scope) -> BExpr {
        var symbol: Symbol?
        var calleeName = ""
        switch callee.kind {
        case .name(let n):
            symbol = scope.lookup(n)
            calleeName = n
            if symbol == nil, RoundingMode.ofFunction(named: n) == nil { return nameReference(n, callee.span, scope) }
        case .member(let base, let n):
            if case .name(let p) = base.kind, case .product(let index)? = scope.lookup(p) {
                symbol = productMember(index, n.text)
                calleeName = "\(p).\(n.text)"
                if symbol == nil { return member(callee, n, span, scope) }
            }
            if case .name(let p) = base.kind, case .namespace(let plugin)? = scope.lookup(p) {
                calleeName = "\(p).\(n.text)"
                guard let f = program.externals.firstIndex(where: { $0.plugin == plugin && $0.name == n.text }) else {
                    let names = program.externals.filter { $0.plugin == plugin }.map(\.name)
                    error("plugin \(quoted(plugin)) has no function \(quoted(n.text))", n.span,
                          hint: suggestion(for: n.text, among: names).map { "did you mean \(quoted($0))?" })
                    args.forEach { _ = expression($0, scope) }
                    return invalid(span)
                }
                symbol = .external([f])
            }
        default:
            break
        }
        switch symbol {
        case .function(let f)?:
            let parameters = program.functions[f].parameters
            let values = args.enumerated().map { i, a in
                expression(a, scope, expected: i < parameters.count ? parameters[i].type : nil)
            }
            return callFunction(f, values, span)
        case .intrinsic(let f)?:
            return intrinsic(f, args, span, scope)
        case .external(let fs)? where fs.count == 1:
            return externalCall(fs[0], args.map { expression($0, scope) }, span)
        case .external(let fs)?:
            let names = fs.map { program.externals[$0].qualifiedName }
            error("\(quoted(calleeName)) is defined by several plugins", callee.span,
                  hint: "say which: \(names.joined(separator: " or "))")
        case .product(let p)?:
            error("\(quoted(calleeName)) is a product, so it cannot be called", callee.span,
                  hint: "call one of its rules: \(calleeName).\(program.products[p].functions.first?.name ?? "rule")(…)")
        case .record?:
            error("\(quoted(calleeName)) is a record type, so it cannot be called", callee.span,
                  hint: "build one with \(calleeName) { field: value, … }")
        default:
            if case .name(let name) = callee.kind, let mode = RoundingMode.ofFunction(named: name) {
                switch symbol {
                case nil, .roundingMode?:
                    let message = symbol == nil ? "unknown name \(quoted(name))" : "\(quoted(name)) is not a rule, table or function, so it cannot be called"
                    error(message, callee.span, hint: roundingFunctionHint(mode))
                    args.forEach { _ = expression($0, scope) }
                    return invalid(span)
                case .local?, .global?, .function?, .product?, .record?, .intrinsic?, .external?, .namespace?:
                    break
                }
            }
            let value = expression(callee, scope)
            if !value.type.isPoison {
                let what = calleeName.isEmpty ? "this expression" : "\(quoted(calleeName))"
                error("\(what) is not a rule, table or function, so it cannot be called", callee.span)
            }
        }
        args.forEach { _ = expression($0, scope) }
        return invalid(span)
    }

    /// What to write for `floor(x)`, `ceil(x)` and the like: `round` to whole units, or `int`, with the mode.
    func roundingFunctionHint(_ mode: RoundingMode) -> String {
        let modes = RoundingMode.allCases.map(\.rawValue).spelledOut("and")
        return "round with a mode: round(x, \(PlacesWord.written(0)), \(mode.rawValue)) to whole units, "
            + "or int(x, \(mode.rawValue)) for an int; the modes are \(modes)"
    }

    func callFunction(_ f: Int, _ args: [BExpr], _ span: Span) -> BExpr {
        ensureFunction(f, at: span, needBody: false)
        let def = program.functions[f]
        let kind = def.isTable ? "table" : "rule"
        guard args.count == def.parameters.count else {
            let listed = def.parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            error("\(kind) \(quoted(def.qualifiedName)) takes \(def.parameters.count) argument\(def.parameters.count == 1 ? "" : "s"), given \(args.count)",
                  span, hint: args.indices.lazy.compactMap { self.groupingCommaHint(args, at: $0, separating: "arguments") }.first
                    ?? "\(def.name)(\(listed))")
            return BExpr(.call(function: f, args), def.result, span, file)
        }
        let coerced = zip(args, def.parameters).enumerated().map { i, pair in
            coerce(pair.0, to: pair.1.type, context: "argument \(i + 1) (\(quoted(pair.1.name))) of \(quoted(def.qualifiedName))")
        }
        return BExpr(.call(function: f, coerced), def.result, span, file)
    }

    // MARK: Control flow

    func conditional(_ c: Expr, _ t: Expr, _ f: Expr, _ span: Span, _ scope: Scope, expected: SType?) -> BExpr {
        let condition = expression(c, scope).requiring(.bool, self, "an 'if' condition")
        let whenTrue = expression(t, scope, expected: expected)
        let whenFalse = expression(f, scope, expected: expected)
        guard let type = join(whenTrue.type, whenFalse.type) else {
            error("the branches of 'if' differ: \(whenTrue.type) and \(whenFalse.type)", span,
                  hint: mismatchHint(whenFalse.type, whenTrue.type))
            return invalid(span)
        }
        return BExpr(.conditional(condition, coerce(whenTrue, to: type, context: "a branch"),
                                  coerce(whenFalse, to: type, context: "a branch")), type, span, file)
    }

    // MARK: Type fitting

    /// The type both values fit, if any: int widens to number, a known
    /// currency to money of any currency, `[]` to any list.
    func join(_ a: SType, _ b: SType) -> SType? {
        if a == b { return a }
        if a.isPoison { return b }
        if b.isPoison { return a }
        switch (a, b) {
        case (.int, .number), (.number, .int): return .number
        case (.money(let x), .money(let y)):
            if let x, let y, x != y { return nil }
            return .money(nil)
        case (.flow(let x, let p), .flow(let y, let q)) where p == q:
            if let x, let y, x != y { return nil }
            return .flow(nil, p)
        case (.record(let x), .record(let y)) where x.root === y.root:
            if let c = x.currency, let d = y.currency, c != d { return nil }
            return .record(x.root)
        case (.list(.anything), .list), (.list(.never), .list): return b
        case (.list, .list(.anything)), (.list, .list(.never)): return a
        case (.list(let x), .list(let y)): return join(x, y).map { .list($0) }
        default: return nil
        }
    }

    /// Fits a value to a declared type, or reports why it does not fit. The context is
    /// spelled only for the report: almost every value fits, and most contexts name things.
    func coerce(_ value: BExpr, to type: SType, context: @autoclosure () -> String) -> BExpr {
        if value.type == type || value.type.isPoison || type.isPoison { return value }
        switch (value.type, type) {
        case (.int, .number): return value
        case (.money(let have), .money(let want)):
            if want == nil { return value }
            if have == nil, let code = want, let currency = Currency.named(code) {
                return BExpr(.requireCurrency(value, currency), type, value.span, file)
            }
        case (.record(let have), .record(let want)) where have.root === want.root:
            // A record of the call's currency fits the record; one of unknown currency is checked when it arrives.
            if want.currency == nil { return BExpr(value.kind, type, value.span, file) }
            if have.currency == nil, let code = want.currency, let currency = Currency.named(code) {
                return BExpr(.requireCurrency(value, currency), type, value.span, file)
            }
        case (.list, .list):
            if let joined = join(value.type, type), joined == type { return BExpr(value.kind, type, value.span, file) }
        default:
            break
        }
        error("\(context()) must be \(type), found \(value.type)", value.span,
              hint: valueHint(value, type) ?? mismatchHint(value.type, type))
        return invalid(value.span)
    }

    /// A hint that needs the value as written, not only its type: the literal with the
    /// period a rate needs (`0.05%/day` for `0.05%`), a ratio made a percentage.
    func valueHint(_ value: BExpr, _ want: SType) -> String? {
        let text = value.file.text(of: value.span)
        switch (value.type, want) {
        case (.percent, .rate(let p)):
            if text.hasSuffix("%"), isLiteral(text.dropLast()) {
                return "a rate is a percentage per period: write \(text)/\(p.rawValue)"
            }
            let (count, unit) = p.length
            let perPeriod = "\(operand(text)) / \(count) \(unit.word(singular: count == 1))"
            return "a rate is a percentage per period: divide it by the period, "
                + (count == 1 ? perPeriod : "\(p.converter)(\(perPeriod))")
        case (.int, .rate(let p)), (.number, .rate(let p)):
            let (count, unit) = p.length
            if isLiteral(Substring(text)) {
                return "a rate is written with '%' and its period: 0.05%/\(p.rawValue) is the fraction 0.0005 per \(p.rawValue)"
            }
            let perPeriod = "\(operand(value)) * 100% / \(count) \(unit.word(singular: count == 1))"
            return "a rate is a percentage per period: " + (count == 1 ? perPeriod : "\(p.converter)(\(perPeriod))")
        case (.number, .percent) where !isLiteral(Substring(text)):
            let ratio = if case .operation(.divideMoneyByMoney, _, _) = value.kind { "money ÷ money is a number, the ratio" }
                        else { "this is a number" }
            return "\(ratio) (0.25 for a quarter): to give it as a percentage multiply by 100%, \(operand(text)) * 100%, "
                + "or declare the result number"
        default:
            return nil
        }
    }

    func isLiteral(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { isASCIIDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
    }

    /// A value's source text as an operand of '*' or '/': in parentheses when it is an operation.
    func operand(_ value: BExpr) -> String {
        let text = value.file.text(of: value.span)
        if case .constant = value.kind { return text }
        return operand(text)
    }

    /// Source text as an operand of '*' or '/': in parentheses when it has an operator of its own.
    func operand(_ text: String) -> String {
        var depth = 0
        for c in text.utf8 {
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") { depth += 1 }
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { depth -= 1 }
            if depth == 0, "+-*/^<>=".utf8.contains(c) { return "(\(text))" }
        }
        let words = text.split(separator: " ")
        return words.contains { ["and", "or", "not", "if", "then", "else"].contains($0) } ? "(\(text))" : text
    }

    func mismatchHint(_ have: SType, _ want: SType) -> String? {
        switch (have, want) {
        case (.int, .percent), (.number, .percent):
            return "a percentage is written with '%': 3% is 0.03"
        case (.rate(let p), .rate(let q)):
            return "convert it: \(q.converter)(rate); a \(p.adjective) rate is not a \(q.adjective) one"
        case (.money(let a?), .money(let b?)), (.list(.money(let a?)), .list(.money(let b?))):
            return "\(a) and \(b) are different currencies; convert explicitly with an exchange rate"
        case (.record(let a), .record(let b)) where a.root === b.root && a.currency != nil && b.currency != nil:
            return "its amounts are in \(a.currency ?? ""), not \(b.currency ?? ""): "
                + "a plugin's record takes its currency from the money the call is given"
        case (.list(.record(let a)), .list(.record(let b))) where a.root === b.root && a.currency != nil && b.currency != nil:
            return "its amounts are in \(a.currency ?? ""), not \(b.currency ?? ""): "
                + "a plugin's record takes its currency from the money the call is given"
        case (.int, .money), (.number, .money):
            return "give the currency: 100 CNY"
        case (.int, .duration), (.number, .duration):
            return "give the unit: 30 days"
        default:
            return nil
        }
    }
}

extension BExpr {
    /// The value when it has the type, else an error and a poison value.
    func requiring(_ type: SType, _ checker: Checker, _ context: @autoclosure () -> String) -> BExpr {
        checker.coerce(self, to: type, context: context())
    }
}

func isASCIIDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
