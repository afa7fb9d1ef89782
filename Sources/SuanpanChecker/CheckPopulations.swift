import SuanpanSyntax
import SuanpanValues

/// `population` declarations and dated parameter values.
extension Checker {
    /// A population is a record type read from a file. Its name is also a constant:
    /// the whole list of its rows, for expressions that use it at once.
    func declarePopulation(_ p: PopulationDecl) {
        let example = "population \(p.name.text): Account from \"\(p.path)\""
        let record: RecordType
        switch globalScope.lookup(p.record.text) {
        case .record(let r)? where !r.isRow:
            record = r
        case nil:
            let records = program.records.keys.sorted()
            error("unknown record type '\(p.record.text)'", p.record.span,
                  hint: suggestion(for: p.record.text, among: records).map { "did you mean '\($0)'?" }
                    ?? "declare the type of its rows first: record \(p.record.text) { id: string, balance: money<CNY> }, then \(example)")
            return
        default:
            error("'\(p.record.text)' is not a record type", p.record.span,
                  hint: "a population's rows are a declared record type: \(example)")
            return
        }
        let columns = p.columns.compactMap { populationColumn($0, of: record) }
        var seen = Set<String>()
        for c in p.columns where !seen.insert(c.field.text).inserted {
            error("field '\(c.field.text)' is mapped twice", c.field.span, hint: "keep one column line for it")
        }
        var options: [PopulationDef.Option] = []
        for o in p.options {
            if options.contains(where: { $0.name == o.name.text }) {
                error("option '\(o.name.text)' is given twice", o.name.span, hint: "keep one of the two")
                continue
            }
            if o.name.text == "bad_rows", !["stop", "skip"].contains(o.value) {
                error("bad_rows is \"stop\" or \"skip\", not \"\(o.value)\"", o.span,
                      hint: "bad_rows = \"skip\" leaves bad rows out and reports them; \"stop\" (the default) stops at the first")
            }
            options.append(.init(name: o.name.text, value: o.value, span: o.span, nameSpan: o.name.span))
        }
        let index = program.populations.count
        let global = program.globals.count
        let def = GlobalDef(name: p.name.text, qualifiedName: p.name.text, kind: .constant, span: p.name.span, file: file)
        def.type = .list(.record(record))
        def.initializer = BExpr(.source(.population(index)), def.type, p.name.span, file)
        program.globals.append(def)
        program.populations.append(PopulationDef(name: p.name.text, record: record, path: p.path, pathSpan: p.pathSpan,
                                                 global: global, columns: columns, options: options, span: p.span, file: file))
        define(p.name, .global(global), in: globalScope, what: "population")
    }

    /// `column f = "name" in unit`: the field must exist, and the unit must be a
    /// constant of the field's type (`0.01 CNY` for a money<CNY> field in fen).
    func populationColumn(_ c: ColumnDecl, of record: RecordType) -> PopulationDef.Column? {
        guard let field = record.fields.first(where: { $0.name == c.field.text }) else {
            error("record \(record.name) has no field '\(c.field.text)'", c.field.span,
                  hint: suggestion(for: c.field.text, among: record.fields.map(\.name)).map { "did you mean '\($0)'?" }
                    ?? "its fields are \(record.fields.map(\.name).joined(separator: ", "))")
            return nil
        }
        var scale: FixedDecimal?
        if let unit = c.unit {
            let value = expression(unit, globalScope, expected: field.type)
            switch value.kind {
            case .constant(.decimal(let d)) where fits(value.type, field.type):
                scale = d
            case .constant(.money(let d, let currency)) where fits(value.type, field.type):
                _ = currency
                scale = d
            default:
                if !value.type.isPoison {
                    error("the unit of '\(c.field.text)' must be a literal \(field.type), such as \(unitExample(field.type))",
                          unit.span, hint: "write what one unit in the file is worth: column \(c.field.text) in \(unitExample(field.type))")
                }
            }
            if let s = scale, s.signum <= 0 {
                error("a column's unit must be positive", unit.span, hint: "write column \(c.field.text) in \(unitExample(field.type))")
                scale = nil
            }
        }
        return .init(field: c.field.text, column: c.column, scale: scale, span: c.span)
    }

    func unitExample(_ type: SType) -> String {
        switch type {
        case .money(let c): return "0.01 \(c ?? "CNY")"
        case .percent: return "1%"
        case .rate(let p): return "1%/\(p.rawValue)"
        case .duration(let u): return "1 \(u.rawValue)"
        default: return "1000"
        }
    }

    /// `param p = v from 2021-07-01 = w …`: each dated value is a hidden constant
    /// typed as the parameter, on a literal date, the dates in order.
    func declareSchedule(_ d: ParamDecl, parameter g: Int, qualified: String, scope: Scope) {
        var schedule: [(CivilDate, Int)] = []
        for dated in d.schedule {
            guard case .literal(.date, let text) = dated.date.kind, let date = CivilDate.parse(Substring(text)) else {
                error("a parameter's value changes on a literal date", dated.date.span,
                      hint: "write the date as yyyy-mm-dd: from 2021-07-01 = …")
                continue
            }
            if let last = schedule.last?.0, date <= last {
                error("the dates of '\(qualified)' must be in order, each after the one before", dated.date.span,
                      hint: "list the changes from the earliest: from \(last) = … comes before from \(date) = …")
                continue
            }
            let name = Name("\(d.name.text) from \(date)", dated.value.span)
            let h = newGlobal(name, qualified: "\(qualified) from \(date)", .constant, type: nil, value: dated.value, scope: scope)
            pendingGlobals[h]?.replaces = g
            schedule.append((date, h))
        }
        program.globals[g].schedule = schedule.map { (date: $0.0, global: $0.1) }
    }
}
