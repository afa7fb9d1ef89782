import SuanpanSyntax
import SuanpanValues

/// `scenario` declarations. A scenario's name is a constant holding its results;
/// its entries are checked when that constant's type is first needed, into three
/// hidden functions the runner calls (see `ScenarioDef`).
extension Checker {
    /// The names a step sees besides the account, its state and its lets.
    static let stepNames: [(String, SType)] = [("step", .int), ("period_start", .date), ("period_end", .date),
                                                ("period_days", .duration(.day))]
    /// Fields of a scenario's results that a revenue line may not be named.
    static let resultFields: Set<String> = ["total", "accounts", "charged", "by_period", "period"]

    func declareScenario(_ s: ScenarioDecl) {
        let index = declaredScenarios.count
        let global = program.globals.count
        program.globals.append(GlobalDef(name: s.name.text, qualifiedName: s.name.text, kind: .constant, span: s.name.span, file: file))
        var pending = PendingGlobal(type: nil, value: Expr(.name(s.name.text), s.name.span), scope: globalScope, file: file)
        pending.scenario = (s, index)
        pendingGlobals[global] = pending
        declaredScenarios.append(global)
        define(s.name, .global(global), in: globalScope, what: "scenario")
    }

    /// Checks a scenario (from `ensureGlobal`) and returns its results' type.
    func checkScenario(_ s: ScenarioDecl, index: Int, global: Int) -> SType {
        let def: ScenarioDef? = s.variant.map { checkScenarioVariant(s, $0, global: global) } ?? checkScenarioBody(s, global: global)
        guard let def else {
            checkedScenarios[index] = nil
            return .invalid
        }
        checkedScenarios[index] = def
        program.globals[global].initializer = BExpr(.source(.scenario(index)), def.resultType, s.name.span, file)
        return def.resultType
    }

    func checkScenarioVariant(_ s: ScenarioDecl, _ v: ScenarioDecl.Variant, global: Int) -> ScenarioDef? {
        guard case .global(let baseGlobal)? = globalScope.lookup(v.base.text),
              let baseIndex = declaredScenarios.firstIndex(of: baseGlobal) else {
            let names = declaredScenarios.map { program.globals[$0].name }
            error("unknown scenario '\(v.base.text)'", v.base.span,
                  hint: suggestion(for: v.base.text, among: names).map { "did you mean '\($0)'?" }
                    ?? "a variant changes a declared scenario: scenario \(s.name.text) = Base with Product { param = value }")
            return nil
        }
        let type = ensureGlobal(baseGlobal, at: v.base.span)
        if type.isPoison { return nil }
        var changes: [OverrideDef] = []
        var seen = Set<Int>()
        for (product, assignments) in v.changes {
            guard let p = overriddenProduct(product, globalScope) else { continue }
            for a in assignments {
                guard let change = overrideChange(p, a, globalScope) else { continue }
                if case .parameter(let g) = change.target, !seen.insert(g).inserted {
                    error("'\(program.globals[g].qualifiedName)' is changed twice", a.target.span, hint: "keep one of the two changes")
                }
                changes.append(change)
            }
        }
        return ScenarioDef(name: s.name.text, title: s.title, span: s.span, file: file, global: global, body: nil,
                           base: baseIndex, changes: changes, resultType: type)
    }

    /// The entries of a scenario, sorted by kind, each kind's in written order.
    struct ScenarioParts {
        var population: (variable: Name, source: Name, span: Span)?
        var horizon: (from: Expr, to: Expr, step: Name, span: Span)?
        var states: [(name: Name, type: TypeSyntax, initial: Expr)] = []
        /// Lets and revenue lines, in order: each may use the ones before it.
        var values: [(name: Name, value: Expr, type: TypeSyntax?, isLine: Bool)] = []
        var nexts: [(name: Name, value: Expr)] = []
        var segments: [(name: Name, key: Expr)] = []
        /// Each revenue line's product, when written `revenue Huabei.fee = …`.
        var lineProducts: [Name?] = []
    }

    func scenarioParts(_ s: ScenarioDecl) -> ScenarioParts {
        var parts = ScenarioParts()
        for entry in s.entries {
            switch entry {
            case .population(let v, let source, let span):
                if parts.population != nil { error("a scenario runs over one population", span, hint: "keep one 'for … in …' line") }
                parts.population = (v, source, span)
            case .horizon(let from, let to, let step, let span):
                if parts.horizon != nil { error("a scenario has one horizon", span, hint: "keep one 'from … to … by …' line") }
                parts.horizon = (from, to, step, span)
            case .state(let name, let type, let initial): parts.states.append((name, type, initial))
            case .letValue(let l): parts.values.append((l.name, l.value, l.type, false))
            case .revenue(let name, let product, let value):
                parts.values.append((name, value, nil, true))
                parts.lineProducts.append(product)
            case .next(let name, let value): parts.nexts.append((name, value))
            case .segment(let name, let key):
                if let name = name ?? segmentName(key) { parts.segments.append((name, key)) }
            }
        }
        return parts
    }

    /// `by a.zhima_band` is named for its field; any other key needs a name.
    func segmentName(_ key: Expr) -> Name? {
        if case .member(_, let field) = key.kind { return field }
        error("a breakdown needs a name", key.span, hint: "name it: by group = \(file.text(of: key.span))")
        return nil
    }

    func checkScenarioBody(_ s: ScenarioDecl, global: Int) -> ScenarioDef? {
        let parts = scenarioParts(s)
        let example = "for a in accounts"
        guard let (variable, source, _) = parts.population else {
            error("scenario \(s.name.text) says which population it runs over", s.name.span,
                  hint: "add '\(example)' (a population declared with population accounts: Account from \"…\")")
            return nil
        }
        guard let population = program.populations.firstIndex(where: { $0.name == source.text }) else {
            error("unknown population '\(source.text)'", source.span,
                  hint: suggestion(for: source.text, among: program.populations.map(\.name)).map { "did you mean '\($0)'?" }
                    ?? "declare it: population \(source.text): Account from \"accounts.csv\"")
            return nil
        }
        guard let horizon = parts.horizon else {
            error("scenario \(s.name.text) needs a horizon", s.name.span,
                  hint: "add 'from 2021-01-01 to 2021-12-01 by month': the first step's start, the last step's start, and the step")
            return nil
        }
        guard let (start, end, period) = scenarioHorizon(horizon) else { return nil }
        let record = program.populations[population].record
        let states = parts.states.map { (name: $0.name, type: resolveType($0.type), initial: $0.initial) }
        checkScenarioNames(parts, variable: variable)
        let initial = scenarioInitial(s, variable, record, states)
        let segments = scenarioSegments(s, parts.segments, variable, record)
        let products = scenarioLineProducts(parts.lineProducts)
        guard let step = scenarioStep(s, parts, variable, record, states) else { return nil }
        let currency = step.currency
        let money = SType.money(currency)
        let lineFields = step.lines.map { ($0, money) }
        let periodRow = rowType([("period", .date), ("total", money), ("charged", .int)] + lineFields)
        var fields: [(String, SType)] = [("total", money), ("accounts", .int), ("charged", .int)] + lineFields
        fields.append(("by_period", .list(.record(periodRow))))
        if products.contains(where: { $0 != nil }) {
            fields.append(("by_product", .list(.record(rowType([("name", .string), ("total", money)])))))
        }
        for (name, type) in segments.fields {
            let row = rowType([(name, type), ("accounts", .int), ("charged", .int), ("total", money)] + lineFields)
            fields.append(("by_\(name)", .list(.record(row))))
        }
        let body = ScenarioDef.Body(population: population, start: start, end: end, period: period, currency: currency,
                                    states: states.map { ($0.name.text, $0.type) }, lines: step.lines,
                                    segments: segments.fields, initialFunction: initial, stepFunction: step.function,
                                    segmentFunction: segments.function, stepResult: step.result, lineProducts: products)
        return ScenarioDef(name: s.name.text, title: s.title, span: s.span, file: file, global: global, body: body,
                           base: nil, changes: [], resultType: .record(rowType(fields)))
    }

    /// The product each line names must be one: its lines are summed by product in the results.
    func scenarioLineProducts(_ names: [Name?]) -> [String?] {
        names.map { name in
            guard let name else { return nil }
            if case .product? = globalScope.lookup(name.text) { return name.text }
            error("unknown product '\(name.text)'", name.span,
                  hint: suggestion(for: name.text, among: program.products.map(\.name)).map { "did you mean '\($0)'?" }
                    ?? "a line is credited to a declared product: revenue Huabei.merchant_fee = …")
            return nil
        }
    }

    /// `from 2021-01-01 to 2021-12-01 by month`: literal dates in order, a step of a day, a month or a year.
    func scenarioHorizon(_ h: (from: Expr, to: Expr, step: Name, span: Span)) -> (CivilDate, CivilDate, Period)? {
        func date(_ e: Expr, _ what: String) -> CivilDate? {
            let value = expression(e, globalScope, expected: .date)
            if case .constant(.date(let d)) = value.kind { return d }
            if !value.type.isPoison {
                error("the horizon's \(what) is a literal date", e.span, hint: "write it as yyyy-mm-dd: from 2021-01-01 to 2021-12-01 by month")
            }
            return nil
        }
        let from = date(h.from, "start"), to = date(h.to, "end")
        guard let period = Period(rawValue: h.step.text) else {
            let plural = Period.allCases.first { h.step.text == $0.rawValue + "s" }
            error("a scenario steps by \(Period.allCases.map(\.rawValue).spelledOut()), not '\(h.step.text)'", h.step.span,
                  hint: plural.map { "the step is one period: write by \($0.rawValue)" }
                    ?? "write by day or by month (a week is 7 steps by day)")
            return nil
        }
        guard let from, let to else { return nil }
        if to < from {
            error("the horizon ends (\(to)) before it starts (\(from))", h.span, hint: "write from \(to) to \(from) by \(period.rawValue)")
            return nil
        }
        return (from, to, period)
    }

    /// Every name a step sees is declared once: states, lets, lines, and the step's own names.
    func checkScenarioNames(_ parts: ScenarioParts, variable: Name) {
        var seen: [String: String] = [variable.text: "the account"]
        for (name, _) in Checker.stepNames { seen[name] = "a name every step has" }
        func declare(_ n: Name, _ what: String) {
            if let earlier = seen[n.text] {
                error("'\(n.text)' is already \(earlier)", n.span, hint: "give this \(what) another name")
            } else {
                seen[n.text] = "a \(what) of this scenario"
            }
        }
        for s in parts.states { declare(s.name, "state") }
        for v in parts.values {
            declare(v.name, v.isLine ? "revenue line" : "let")
            if v.isLine, Checker.resultFields.contains(v.name.text) {
                error("a revenue line cannot be named '\(v.name.text)': the results have a field of that name", v.name.span,
                      hint: "call it \(v.name.text)_fee or another name")
            }
        }
        var nexted = Set<String>()
        for n in parts.nexts where !nexted.insert(n.name.text).inserted {
            error("'\(n.name.text)' has two next values", n.name.span, hint: "keep one next line for it")
        }
        var segmentNames = Set<String>()
        for s in parts.segments where !segmentNames.insert(s.name.text).inserted {
            error("two breakdowns are named '\(s.name.text)'", s.name.span, hint: "name one of them: by tier = \(s.name.text)")
        }
    }
}
