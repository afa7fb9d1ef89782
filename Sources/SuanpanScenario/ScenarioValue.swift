import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

extension ScenarioTotals {
    /// The results as the scenario's name gives them in expressions: a row of
    /// `total`, `accounts`, `charged`, each line, `by_period` and `by_<segment>`.
    public func value(_ def: ScenarioDef, body: ScenarioDef.Body, plan: ScenarioPlan) throws(RuntimeError) -> Value {
        guard case .record(let type) = def.resultType else { throw RuntimeError("scenario \(def.name) has no result type", file: def.file, span: def.span) }
        guard let currency = Currency.named(body.currency) else {
            throw RuntimeError("unknown currency \(body.currency)", file: def.file, span: def.span)
        }
        func money(_ d: FixedDecimal) -> Value { .money(d, currency) }
        func total(_ s: LineSums) throws(RuntimeError) -> FixedDecimal {
            do throws(ArithmeticError) { return try s.total } catch {
                throw RuntimeError("scenario \(def.name)'s total overflowed (\(error))", file: def.file, span: def.span)
            }
        }
        func rowType(_ field: String) throws(RuntimeError) -> RecordType {
            guard let f = type.fields.first(where: { $0.name == field }), case .list(.record(let row)) = f.type else {
                throw RuntimeError("scenario \(def.name)'s results are not as checked", file: def.file, span: def.span)
            }
            return row
        }
        let lineCount = body.lines.count
        let periodRow = try rowType("by_period")
        var periodValues: [Value] = []
        for (s, sums) in periods.enumerated() where s < plan.steps.count {
            let fields: [Value] = [.date(plan.steps[s].start), money(try total(sums)), .decimal(FixedDecimal(sums.charged))]
                + sums.lines.map(money)
            periodValues.append(.record(RecordValue(type: periodRow, fields: fields)))
        }
        var breakdowns: [Value] = []
        for (b, segment) in segments.enumerated() {
            let row = try rowType("by_\(body.segments[b].name)")
            var rows: [Value] = []
            for key in segment.keys.sorted() {
                guard let sums = segment[key] else { continue }
                let fields: [Value] = [key.value, .decimal(FixedDecimal(sums.accounts)), .decimal(FixedDecimal(sums.charged)),
                                       money(try total(sums))] + sums.lines.map(money)
                rows.append(.record(RecordValue(type: row, fields: fields)))
            }
            breakdowns.append(.list(rows))
        }
        var byProduct: [Value] = []
        if body.lineProducts.contains(where: { $0 != nil }) {
            let row = try rowType("by_product")
            for (product, amount) in try productTotals(body.lineProducts, def) {
                byProduct.append(.record(RecordValue(type: row, fields: [.string(product), money(amount)])))
            }
        }
        let fields: [Value] = [money(try total(whole)), .decimal(FixedDecimal(whole.accounts)), .decimal(FixedDecimal(whole.charged))]
            + whole.lines.map(money) + [.list(periodValues)] + (byProduct.isEmpty ? [] : [.list(byProduct)]) + breakdowns
        return .record(RecordValue(type: type, fields: fields))
    }

    /// Each product's lines summed, in the order the products first appear; lines
    /// credited to no product are "other", last.
    public func productTotals(_ products: [String?], _ def: ScenarioDef) throws(RuntimeError) -> [(String, FixedDecimal)] {
        var order: [String] = []
        var sums: [String: FixedDecimal] = [:]
        for (i, product) in products.enumerated() where i < whole.lines.count {
            let name = product ?? "other"
            if sums[name] == nil { order.append(name) }
            do throws(ArithmeticError) { sums[name] = try (sums[name] ?? .zero).adding(whole.lines[i]) } catch {
                throw RuntimeError("scenario \(def.name)'s total by product overflowed (\(error))", file: def.file, span: def.span)
            }
        }
        if let other = order.firstIndex(of: "other") { order.append(order.remove(at: other)) }
        return order.map { ($0, sums[$0] ?? .zero) }
    }
}
