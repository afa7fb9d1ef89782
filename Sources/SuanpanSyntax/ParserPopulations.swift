/// Populations, scenarios and dated parameter values. Their inner words (`from`,
/// `to`, `column`, `state`, `revenue`, `next`) are not reserved: they mean
/// something only where an entry starts, so they stay free as names elsewhere.
extension Parser {
    /// Whether the current token is the name `word`.
    func at(_ word: String) -> Bool { current.kind == .name && current.text == word }

    /// dated: ("from" expr "=" expr)*, after a parameter's value.
    mutating func datedValues() throws -> [DatedValue] {
        var schedule: [DatedValue] = []
        while at("from") {
            advance()
            let date = try expression()
            if current.kind == .colon {
                try fail("expected '=' and the value from that date, found ':'", hint: "write from 2021-07-01 = value")
            }
            try expect(.assign, "'=' and the value from that date, as in from 2021-07-01 = 0.5%")
            schedule.append(DatedValue(date: date, value: try expression()))
        }
        return schedule
    }

    /// population_decl: "population" NAME ":" NAME "from" STRING ["{" population_entry* "}"]
    mutating func populationDecl() throws -> PopulationDecl {
        let start = advance().span
        let name = try expectName("the population's name, as in population accounts: Account from \"accounts.csv\"")
        let example = "population \(name.text): Account from \"accounts.csv\""
        if current.kind == .assign {
            try fail("expected ':' and the record type of its rows, found '='", hint: "write \(example)")
        }
        try expect(.colon, "':' and the record type of its rows, as in \(example)")
        let record = try expectName("the record type of its rows, as in \(example)")
        if current.kind == .less {
            try fail("a population's rows are one record type, not a list", hint: "write \(example)")
        }
        guard at("from") else { try fail("expected 'from' and the file in quotes, as in \(example), found \(current.kind.describe)") }
        advance()
        let path = try expect(.string, "the file's name in quotes, as in \(example)")
        var columns: [ColumnDecl] = []
        var options: [PopulationOption] = []
        var end = path.span
        if current.kind == .lbrace {
            advance()
            while current.kind != .rbrace {
                if at("column") {
                    columns.append(try columnDecl())
                } else {
                    options.append(try populationOption())
                }
            }
            end = advance().span
        }
        return PopulationDecl(name: name, record: record, path: path.text, pathSpan: path.span, columns: columns,
                              options: options, span: start.to(end))
    }

    /// population_entry: "column" NAME ["=" STRING] ["in" expr]
    mutating func columnDecl() throws -> ColumnDecl {
        let start = advance().span
        let field = try expectName("the field the column fills, as in column balance = \"bal\"")
        var column: String?
        if try accept(.assign) {
            column = try expect(.string, "the column's name in quotes, as in column \(field.text) = \"\(field.text)_fen\"").text
        }
        var unit: Expr?
        if try accept(.keyword(.in)) {
            unit = try expression()
        }
        if column == nil, unit == nil {
            try fail(at: start.to(field.span), "'column \(field.text)' says nothing about the column",
                     hint: "give its name, its unit or both: column \(field.text) = \"name\" in 0.01 CNY")
        }
        return ColumnDecl(field: field, column: column, unit: unit, span: start.to(unit?.span ?? tokens[index - 1].span))
    }

    /// population_entry: NAME "=" STRING | "table" "=" STRING (the keyword names SQLite's table)
    mutating func populationOption() throws -> PopulationOption {
        let name: Name
        if current.kind == .keyword(.table) {
            let t = advance()
            name = Name("table", t.span)
        } else {
            name = try expectName("'column', an option such as encoding = \"gbk\", or '}'")
        }
        try expect(.assign, "'=' and the option's value in quotes, as in \(name.text) = \"…\"")
        guard current.kind == .string else {
            try fail("expected the option's value in quotes, found \(current.kind.describe)", hint: "write \(name.text) = \"\(current.text)\"")
        }
        let value = advance()
        return PopulationOption(name: name, value: value.text, span: name.span.to(value.span))
    }

    /// scenario_decl: "scenario" NAME [STRING] "{" scenario_entry* "}"
    ///              | "scenario" NAME [STRING] "=" NAME ("with" NAME "{" assignment* "}")+
    mutating func scenarioDecl() throws -> ScenarioDecl {
        let start = advance().span
        let name = try expectName("the scenario's name, as in scenario Credit { … }")
        let title = current.kind == .string ? advance().text : nil
        if current.kind == .assign { return try scenarioVariant(name, title, start) }
        try expect(.lbrace, "'{' and the scenario's entries")
        var entries: [ScenarioEntry] = []
        while current.kind != .rbrace {
            entries.append(try scenarioEntry())
        }
        let end = advance().span
        return ScenarioDecl(name: name, title: title, entries: entries, variant: nil, span: start.to(end))
    }

    static let scenarioEntries = "for a in accounts, from … to … by month, state, let, revenue, next or by"

    mutating func scenarioEntry() throws -> ScenarioEntry {
        let start = current.span
        switch current.kind {
        case .keyword(.for):
            advance()
            let variable = try expectName("the account's name, as in for a in accounts")
            try expect(.keyword(.in), "'in' and the population, as in for \(variable.text) in accounts")
            let source = try expectName("the population, as in for \(variable.text) in accounts")
            return .population(variable: variable, source: source, span: start.to(source.span))
        case .keyword(.let):
            return .letValue(try letDecl())
        case .keyword(.by):
            advance()
            // Named when a plain name and '=' follow `by`: decided on the tokens, as the grammar does.
            if current.kind == .name, index + 1 < tokens.count, tokens[index + 1].kind == .assign {
                let name = try expectName()
                advance()
                return .segment(name: name, key: try expression())
            }
            let key = try expression()
            if current.kind == .assign {
                try fail("a breakdown is named with a plain name before '='",
                         hint: "write by band = \(file.text(of: key.span)), or by \(file.text(of: key.span)) alone to name it for its field")
            }
            return .segment(name: nil, key: key)
        case .name where at("from"):
            advance()
            let from = try expression()
            guard at("to") else { try fail("expected 'to' and the last period's start, as in from 2021-01-01 to 2021-12-01 by month, found \(current.kind.describe)") }
            advance()
            let to = try expression()
            try expect(.keyword(.by), "'by' and the step (day or month), as in by month")
            let step = try expectName("the step: day or month")
            return .horizon(from: from, to: to, step: step, span: start.to(step.span))
        case .name where at("state"):
            advance()
            let name = try expectName("the state's name, as in state balance: money<CNY> = a.balance")
            if current.kind == .assign {
                try fail("a state needs its type", hint: "write state \(name.text): money<CNY> = … (the type it keeps from step to step)")
            }
            try expect(.colon, "':' and the state's type, as in state \(name.text): money<CNY> = …")
            let type = try typeSyntax()
            try expect(.assign, "'=' and its value in the first step")
            return .state(name: name, type: type, initial: try expression())
        case .name where at("revenue"):
            advance()
            var name = try expectName("the revenue line's name, as in revenue interest = …")
            var product: Name?
            if current.kind == .dot {
                advance()
                product = name
                name = try expectName("the line's name after its product, as in revenue \(name.text).merchant_fee = …")
            }
            if current.kind == .colon {
                try fail("a revenue line is money in the scenario's currency; it takes no type", hint: "write revenue \(name.text) = …")
            }
            try expect(.assign, "'=' and the money it earns each step")
            return .revenue(name: name, product: product, value: try expression())
        case .name where at("next"):
            advance()
            let name = try expectName("the state that changes, as in next balance = balance + interest")
            try expect(.assign, "'=' and the state's value in the following step")
            return .next(name: name, value: try expression())
        default:
            try fail("expected a scenario entry (\(Parser.scenarioEntries)) or '}', found \(current.kind.describe)")
        }
    }

    /// The cursor is at the `=` of `scenario B = A with P { … } …`.
    mutating func scenarioVariant(_ name: Name, _ title: String?, _ start: Span) throws -> ScenarioDecl {
        advance()
        let example = "scenario \(name.text) = Base with Huabei { merchant_rate = 0.6% }"
        let base = try expectName("the scenario it changes, as in \(example)")
        var changes: [(product: Name, assignments: [OverrideAssignment])] = []
        var end = base.span
        while try accept(.keyword(.with)) {
            let product = try expectName("the product whose parameters change, as in \(example)")
            try expect(.lbrace, "'{' and the changes, as in \(example)")
            var assignments: [OverrideAssignment] = []
            while current.kind != .rbrace { assignments.append(try overrideAssignment()) }
            if assignments.isEmpty {
                try fail("'with \(product.text) { }' changes nothing", hint: "give at least one change: with \(product.text) { param = value }")
            }
            end = advance().span
            changes.append((product, assignments))
        }
        if changes.isEmpty { try fail("expected 'with' and the changes, as in \(example), found \(current.kind.describe)") }
        return ScenarioDecl(name: name, title: title, entries: [], variant: .init(base: base, changes: changes), span: start.to(end))
    }
}
