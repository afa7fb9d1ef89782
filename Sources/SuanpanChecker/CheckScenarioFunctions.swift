import SuanpanSyntax
import SuanpanValues

/// The three functions a scenario's entries become: its initial state, one step
/// (lets, revenue lines and next values), and the account's breakdown keys. No name
/// reaches them; the runner calls them by index.
extension Checker {
    /// `initial(a)`: each state's first value, from the account alone.
    func scenarioInitial(_ s: ScenarioDecl, _ variable: Name, _ record: RecordType,
                         _ states: [(name: Name, type: SType, initial: Expr)]) -> Int {
        let scope = Scope(parent: globalScope)
        let (body, size) = withFrame { () -> BExpr in
            scope.define(variable.text, .local(slot: allocateSlot(), type: .record(record)))
            let values = states.map { coerce(expression($0.initial, scope, expected: $0.type), to: $0.type, context: "state '\($0.name.text)'") }
            let row = rowType(states.map { ($0.name.text, $0.type) })
            return BExpr(.record(row, values), .record(row), s.name.span, file)
        }
        return hiddenFunction(s, "initial", [(variable.text, .record(record))], body, size)
    }

    struct CheckedStep {
        let function: Int
        let lines: [String]
        let currency: String
        let result: RecordType
    }

    /// `step(a, state…, step, period_start, period_end, period_days)`: the lets and
    /// lines in order, then a row of the lines and every state's next value.
    func scenarioStep(_ s: ScenarioDecl, _ parts: ScenarioParts, _ variable: Name, _ record: RecordType,
                      _ states: [(name: Name, type: SType, initial: Expr)]) -> CheckedStep? {
        let scope = Scope(parent: globalScope)
        var currency: String?
        var lines: [(String, Int)] = []
        var failed = false
        let parameters: [(String, SType)] = [(variable.text, .record(record))] + states.map { ($0.name.text, $0.type) } + Checker.stepNames
        let (result, size) = withFrame { () -> (BExpr, RecordType)? in
            for (name, type) in parameters { scope.define(name, .local(slot: allocateSlot(), type: type)) }
            var steps: [(Int, BExpr)] = []
            for v in parts.values {
                var value = expression(v.value, scope, expected: v.isLine ? .money(currency) : nil)
                if let t = v.type { value = coerce(value, to: resolveType(t), context: "'\(v.name.text)'") }
                if v.isLine {
                    guard let c = lineCurrency(v.name, value, &currency) else { failed = true; continue }
                    value = coerce(value, to: .money(c), context: "revenue line '\(v.name.text)'")
                }
                let slot = allocateSlot()
                scope.define(v.name.text, .local(slot: slot, type: value.type))
                steps.append((slot, value))
                if v.isLine { lines.append((v.name.text, slot)) }
            }
            var next: [BExpr] = []
            for (i, state) in states.enumerated() {
                if let n = parts.nexts.first(where: { $0.name.text == state.name.text }) {
                    next.append(coerce(expression(n.value, scope, expected: state.type), to: state.type, context: "the next '\(state.name.text)'"))
                } else {
                    next.append(BExpr(.local(i + 1), state.type, state.name.span, file))
                }
            }
            for n in parts.nexts where !states.contains(where: { $0.name.text == n.name.text }) {
                error("'\(n.name.text)' is not a state of this scenario", n.name.span,
                      hint: suggestion(for: n.name.text, among: states.map(\.name.text)).map { "did you mean '\($0)'?" }
                        ?? "declare it first: state \(n.name.text): money<CNY> = …")
            }
            guard let c = currency, !failed else { return nil }
            let money = SType.money(c)
            let row = rowType(lines.map { ($0.0, money) } + states.map { ("next \($0.name.text)", $0.type) })
            var body = BExpr(.record(row, lines.map { BExpr(.local($0.1), money, s.name.span, file) } + next), .record(row), s.name.span, file)
            for (slot, value) in steps.reversed() {
                body = BExpr(.sequence(slot: slot, value: value, then: body), body.type, value.span, file)
            }
            return (body, row)
        }
        guard let (body, row) = result, let currency else {
            if currency == nil, !failed {
                error("scenario \(s.name.text) has no revenue line", s.name.span,
                      hint: "add what it earns each step: revenue interest = round(balance * 0.05%/day * period_days, 0.01)")
            }
            return nil
        }
        let function = hiddenFunction(s, "step", parameters, body, size)
        return CheckedStep(function: function, lines: lines.map(\.0), currency: currency, result: row)
    }

    /// Every revenue line is money in one currency, which the first line sets.
    func lineCurrency(_ name: Name, _ value: BExpr, _ currency: inout String?) -> String? {
        if value.type.isPoison { return nil }
        guard case .money(let c) = value.type else {
            let fix: String
            switch value.type {
            case .flow(_, let p): fix = "a flow is money per \(p.rawValue): multiply it by the step's length, \(name.text) = … * period_days"
            default: fix = "a revenue line is what the account earns in the step, as money such as 1.50 CNY"
            }
            error("revenue line '\(name.text)' is \(value.type), not money", value.span, hint: fix)
            return nil
        }
        guard let code = c else {
            error("revenue line '\(name.text)' is money of a currency known only at run time", value.span,
                  hint: "give it a currency: require it with a typed rule, or write the line in money<CNY>")
            return nil
        }
        if let first = currency, first != code {
            error("revenue line '\(name.text)' is in \(code), the scenario's lines are in \(first)", value.span,
                  hint: "convert it to \(first) first: every line of a scenario is in one currency")
            return nil
        }
        currency = code
        return code
    }

    /// `segments(a)`: the account's key in each breakdown: a string, int, bool or date.
    func scenarioSegments(_ s: ScenarioDecl, _ segments: [(name: Name, key: Expr)], _ variable: Name, _ record: RecordType)
        -> (function: Int?, fields: [(name: String, type: SType)]) {
        if segments.isEmpty { return (nil, []) }
        let scope = Scope(parent: globalScope)
        var fields: [(String, SType)] = []
        let (body, size) = withFrame { () -> BExpr in
            scope.define(variable.text, .local(slot: allocateSlot(), type: .record(record)))
            let keys = segments.map { segment -> BExpr in
                let key = expression(segment.key, scope)
                switch key.type {
                case .string, .int, .bool, .date, .number, .percent, .invalid: break
                default:
                    error("a breakdown's key is a string, a number, a bool or a date, not \(key.type)", key.span,
                          hint: "break down by a field that holds one value per account: by name = \(variable.text).field")
                }
                fields.append((segment.name.text, key.type))
                return key
            }
            let row = rowType(fields)
            return BExpr(.record(row, keys), .record(row), s.name.span, file)
        }
        let function = hiddenFunction(s, "segments", [(variable.text, .record(record))], body, size)
        return (function, fields)
    }

    /// A function no name reaches: the runner calls it by index.
    func hiddenFunction(_ s: ScenarioDecl, _ part: String, _ parameters: [(String, SType)], _ body: BExpr, _ size: Int) -> Int {
        let def = FunctionDef(name: part, qualifiedName: "\(s.name.text).\(part)", hasParameterList: true, span: s.name.span, file: file)
        def.parameters = parameters
        def.result = body.type
        def.body = .expression(body)
        def.frameSize = max(size, parameters.count)
        program.functions.append(def)
        return program.functions.count - 1
    }
}
