import SuanpanSyntax
import SuanpanValues

/// The unit algebra. Each operator looks at both operand types and picks the
/// one operation that is meaningful, or explains why none is:
///
///   money<C> ± money<C> → money<C>          date ± days/months → date
///   money × scalar → money                  date − date → days
///   money × rate/P → money/P                rate/P × duration → percent
///   money/P × duration → money              percent / duration → rate
///   money / money → number                  scalar ± percent → number
///
/// A rate's period must match the duration's unit (a yearly rate also fits
/// months, a year being 12 of them); anything else needs an explicit
/// conversion such as daily(…) or annualize(…).
extension Checker {
    func negate(_ v: BExpr, _ span: Span) -> BExpr {
        switch v.type {
        case .int, .number, .percent, .rate, .duration:
            return BExpr(.negate(v, money: false), v.type, span, file)
        case .money, .flow:
            return BExpr(.negate(v, money: true), v.type, span, file)
        case .never:
            return v
        case .invalid:
            return invalid(span)
        case .bool, .string, .date, .list, .record, .roundingMode, .anything:
            error("cannot negate \(v.type)", span)
            return invalid(span)
        }
    }

    func binary(_ op: BinaryOperator, _ l: BExpr, _ r: BExpr, _ span: Span) -> BExpr {
        if let stops = stopsFirst([l, r], span) { return stops }
        if l.type.isPoison || r.type.isPoison || l.type.containsInvalid || r.type.containsInvalid {
            return poisoned(op, span)
        }
        switch op {
        case .and:
            let (a, b) = logicalOperands(op, l, r)
            return BExpr(.and(a, b), .bool, span, file)
        case .or:
            let (a, b) = logicalOperands(op, l, r)
            return BExpr(.or(a, b), .bool, span, file)
        case .add: return additive(l, r, span, subtract: false)
        case .subtract: return additive(l, r, span, subtract: true)
        case .multiply: return multiply(l, r, span)
        case .divide: return divide(l, r, span)
        case .power: return power(l, r, span)
        case .equal: return compare(.equal, l, r, span)
        case .notEqual: return compare(.notEqual, l, r, span)
        case .less: return compare(.less, l, r, span)
        case .lessEqual: return compare(.lessEqual, l, r, span)
        case .greater: return compare(.greater, l, r, span)
        case .greaterEqual: return compare(.greaterEqual, l, r, span)
        }
    }

    /// An operand that never returns (`fail(…)`, `first([])`) stops the whole
    /// expression when it runs: the operands before it are evaluated first, in
    /// order, then it. Nil when every operand returns.
    func stopsFirst(_ operands: [BExpr], _ span: Span) -> BExpr? {
        guard let i = operands.firstIndex(where: { $0.type == .never }) else { return nil }
        if operands[..<i].contains(where: { $0.type == .invalid }) { return nil }
        var result = operands[i]
        for before in operands[..<i].reversed() {
            result = BExpr(.sequence(slot: allocateSlot(), value: before, then: result), .never, span, file)
        }
        return result
    }

    /// A mistake already reported in an operand: a poison value of the type the
    /// operator would give (a bool for tests, so no second message follows).
    func poisoned(_ op: BinaryOperator, _ span: Span) -> BExpr {
        switch op {
        case .and, .or, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return BExpr(.constant(.bool(false)), .invalid, span, file)
        case .add, .subtract, .multiply, .divide, .power:
            return invalid(span)
        }
    }

    func logicalOperands(_ op: BinaryOperator, _ l: BExpr, _ r: BExpr) -> (BExpr, BExpr) {
        (l.requiring(.bool, self, "the left side of \(quoted(op.rawValue))"), r.requiring(.bool, self, "the right side of \(quoted(op.rawValue))"))
    }

    func make(_ op: Operation, _ l: BExpr, _ r: BExpr, _ type: SType, _ span: Span) -> BExpr {
        BExpr(.operation(op, l, r), type, span, file)
    }

    func operandError(_ op: BinaryOperator, _ l: BExpr, _ r: BExpr, _ span: Span, hint: String? = nil) -> BExpr {
        let message = switch op {
        case .add: "cannot add \(l.type) and \(r.type)"
        case .subtract: "cannot subtract \(r.type) from \(l.type)"
        case .multiply: "cannot multiply \(l.type) by \(r.type)"
        case .divide: "cannot divide \(l.type) by \(r.type)"
        case .power, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or:
            "cannot combine \(l.type) by \(r.type)"
        }
        error(message, span, hint: hint)
        return invalid(span)
    }

    // MARK: + and -

    func additive(_ l: BExpr, _ r: BExpr, _ span: Span, subtract: Bool) -> BExpr {
        let op: BinaryOperator = subtract ? .subtract : .add
        let add = !subtract
        let decimalOp: Operation = add ? .addDecimal : .subtractDecimal
        switch (l.type, r.type) {
        case (.int, .int):
            return make(decimalOp, l, r, .int, span)
        case (.percent, .percent):
            return make(decimalOp, l, r, .percent, span)
        case (let a, let b) where a.isScalar && b.isScalar:
            return make(decimalOp, l, r, .number, span)
        case (.money(let a), .money(let b)):
            if let a, let b, a != b {
                return operandError(op, l, r, span, hint: "\(a) and \(b) are different currencies; convert one explicitly")
            }
            return make(add ? .addMoney : .subtractMoney, l, r, .money(a ?? b), span)
        case (.flow(let a, let p), .flow(let b, let q)) where p == q:
            if let a, let b, a != b { return operandError(op, l, r, span, hint: "\(a) and \(b) are different currencies") }
            return make(add ? .addMoney : .subtractMoney, l, r, .flow(a ?? b, p), span)
        case (.rate(let p), .rate(let q)):
            if p != q { return operandError(op, l, r, span, hint: "convert one first: \(Period.allCases.map { "\($0.converter)(…)" }.spelledOut())") }
            return make(decimalOp, l, r, l.type, span)
        case (.duration(let a), .duration(let b)):
            if a != b { return operandError(op, l, r, span, hint: "\(a.plural) and \(b.plural) differ in length; keep one unit") }
            return make(decimalOp, l, r, l.type, span)
        case (.date, .duration(let u)):
            return make(.shiftDate(u, subtract: subtract), l, r, .date, span)
        case (.duration(let u), .date) where add:
            return make(.shiftDate(u, subtract: false), r, l, .date, span)
        case (.date, .date) where !add:
            return make(.daysBetween, r, l, .duration(.day), span)
        case (.string, .string) where add:
            return make(.concatenate, l, r, .string, span)
        case (.list, .list) where add:
            return concatenation(l, r, span) ?? operandError(op, l, r, span)
        case (.list, _) where add, (_, .list) where add:
            return operandError(op, l, r, span, hint: "to add one item to a list, write xs + [x]")
        case (.money, let s) where s.isScalar, (let s, .money) where s.isScalar:
            return operandError(op, l, r, span, hint: s == .percent
                ? "to add a percentage of an amount, write amount * (1 + p)"
                : "give the number a currency: 100 CNY")
        default:
            return operandError(op, l, r, span)
        }
    }

    // MARK: *

    func multiply(_ l: BExpr, _ r: BExpr, _ span: Span) -> BExpr {
        if let result = product(l, r, span) ?? product(r, l, span, swapped: true) { return result }
        var hint: String?
        switch (l.type, r.type) {
        case (.rate(let p), .duration(let u)), (.duration(let u), .rate(let p)):
            hint = durationHint(p, u)
        case (.flow(_, let p), .duration(let u)):
            hint = flowDurationHint(p, u, flow: l, duration: r)
        case (.duration(let u), .flow(_, let p)):
            hint = flowDurationHint(p, u, flow: r, duration: l)
        case (.money, .duration), (.duration, .money):
            hint = "multiply by a rate first: amount * 0.05%/day * days"
        default:
            break
        }
        error("cannot multiply \(l.type) by \(r.type)", span, hint: hint)
        return invalid(span)
    }

    /// Why a rate (or flow) per `p` does not multiply a duration in `u`, and what to write.
    func durationHint(_ p: Period, _ u: DurationUnit) -> String {
        switch u {
        case .day:
            // p is counted in months: a day count needs the days in one period.
            return "a \(p.adjective) rate needs a day-count basis: \(u.period.converter)(rate, \(p.conventionalDays)) * \(u.plural)"
        case .month:
            return "a rate per \(p.rawValue) needs a duration in \(p.length.unit.plural); convert it first: \(u.period.converter)(rate) * \(u.plural)"
        }
    }

    /// Why a flow per `p` does not multiply a duration in `u`, and what does: the flow
    /// written per `u` first (`daily` and `monthly` convert rates, not flows), from the
    /// flow's worth over one period and the conventional days in it.
    func flowDurationHint(_ p: Period, _ u: DurationUnit, flow: BExpr, duration: BExpr) -> String {
        let f = operand(flow)
        let d = operand(duration)
        // amount × rate: the rate can be converted before it multiplies.
        var converted = ""
        if case .operation(.scaleMoney, let amount, let rate) = flow.kind, case .rate = rate.type {
            let conversion = switch u {
            case .day: "\(u.period.converter)(\(rate.file.text(of: rate.span)), \(p.conventionalDays))"
            case .month: "\(u.period.converter)(\(rate.file.text(of: rate.span)))"
            }
            converted = "; or convert the rate before it multiplies: \(operand(amount)) * \(conversion) * \(d)"
        }
        let (count, unit) = p.length
        let one = "\(count) \(unit.word(singular: count == 1))"
        switch u {
        case .day:
            return "a \(p.adjective) flow needs the days in a \(p.rawValue): write it per day first, then multiply: "
                + "\(f) * \(one) / \(p.conventionalDays) \(u.plural) * \(d)" + converted
        case .month:
            let month = Period.month.length
            return "a \(p.adjective) flow needs a duration in \(unit.plural): write it per \(u.rawValue) first, then multiply: "
                + "\(f) * \(one) * \(Period.month.conventionalDays) / \(month.count) \(month.unit.word(singular: month.count == 1)) * \(d)"
                + converted
        }
    }

    /// `a × b` for the operand order given, or nil if this order has no rule.
    func product(_ a: BExpr, _ b: BExpr, _ span: Span, swapped: Bool = false) -> BExpr? {
        switch (a.type, b.type) {
        case (.int, .int):
            return swapped ? nil : make(.multiplyDecimal, a, b, .int, span)
        case (.number, .number), (.int, .number):
            return make(.multiplyDecimal, a, b, .number, span)
        case (.percent, let s) where s.isScalar:
            return make(.multiplyDecimal, a, b, .percent, span)
        case (.money(let c), let s) where s.isScalar:
            return make(.scaleMoney, a, b, .money(c), span)
        case (.flow(let c, let p), let s) where s.isScalar:
            return make(.scaleMoney, a, b, .flow(c, p), span)
        case (.rate(let p), let s) where s.isScalar:
            return make(.multiplyDecimal, a, b, .rate(p), span)
        case (.duration(let u), .int):
            return make(.multiplyDecimal, a, b, .duration(u), span)
        case (.money(let c), .rate(let p)):
            return make(.scaleMoney, a, b, .flow(c, p), span)
        case (.rate(let p), .duration(let u)):
            guard p.length.unit == u else { return nil }
            return perPeriod(make(.multiplyDecimal, a, b, .percent, span), p, .divideDecimal)
        case (.flow(let c, let p), .duration(let u)):
            guard p.length.unit == u else { return nil }
            return perPeriod(make(.scaleMoney, a, b, .money(c), span), p, .divideMoneyByDecimal)
        default:
            return nil
        }
    }

    /// `rate/P × duration` counts units of P's length; a period longer than
    /// one unit (a year is 12 months) divides the product by its count.
    func perPeriod(_ product: BExpr, _ p: Period, _ divide: Operation) -> BExpr {
        let count = p.length.count
        if count == 1 { return product }
        return make(divide, product, constant(.decimal(FixedDecimal(count)), .int, product.span), product.type, product.span)
    }

    // MARK: /

    func divide(_ l: BExpr, _ r: BExpr, _ span: Span) -> BExpr {
        switch (l.type, r.type) {
        case (.percent, .int), (.percent, .number):
            return make(.divideDecimal, l, r, .percent, span)
        case (let a, let b) where a.isScalar && b.isScalar:
            return make(.divideDecimal, l, r, .number, span)
        case (.money(let c), let s) where s.isScalar:
            return make(.divideMoneyByDecimal, l, r, .money(c), span)
        case (.flow(let c, let p), let s) where s.isScalar:
            return make(.divideMoneyByDecimal, l, r, .flow(c, p), span)
        case (.rate(let p), let s) where s.isScalar:
            return make(.divideDecimal, l, r, .rate(p), span)
        case (.money(let a), .money(let b)), (.flow(let a, _), .flow(let b, _)):
            if let a, let b, a != b { return operandError(.divide, l, r, span, hint: "\(a) and \(b) are different currencies") }
            if case .flow(_, let p) = l.type, case .flow(_, let q) = r.type, p != q { return operandError(.divide, l, r, span) }
            return make(.divideMoneyByMoney, l, r, .number, span)
        case (.rate(let p), .rate(let q)) where p == q:
            return make(.divideDecimal, l, r, .number, span)
        case (.duration(let a), .duration(let b)) where a == b:
            return make(.divideDecimal, l, r, .number, span)
        case (.percent, .duration(let u)):
            return make(.divideDecimal, l, r, .rate(u.period), span)
        case (.money(let c), .duration(let u)):
            return make(.divideMoneyByDecimal, l, r, .flow(c, u.period), span)
        default:
            return operandError(.divide, l, r, span)
        }
    }

    // MARK: ^

    func power(_ l: BExpr, _ r: BExpr, _ span: Span) -> BExpr {
        guard l.type.isScalar, r.type.isScalar else {
            error("'^' works on plain numbers, not \(l.type) ^ \(r.type)", span,
                  hint: l.type.isScalar ? "the exponent must be a number" : "raise a number, e.g. (1 + rate * 1 day)^365")
            return invalid(span)
        }
        return make(.power, l, r, .number, span)
    }

    // MARK: Comparisons

    func compare(_ comparison: Comparison, _ l: BExpr, _ r: BExpr, _ span: Span) -> BExpr {
        let ordered = comparison.isOrdering
        var valueClass: ValueClass?
        switch (l.type, r.type) {
        case (let a, let b) where a.isScalar && b.isScalar: valueClass = .decimal
        case (.flow(_, let p), .flow(_, let q)) where p != q:
            error("cannot compare \(l.type) with \(r.type)", span, hint: "the periods differ")
            return BExpr(.constant(.bool(false)), .invalid, span, file)
        case (.money(let a), .money(let b)), (.flow(let a, _), .flow(let b, _)):
            if let a, let b, a != b {
                error("cannot compare \(l.type) with \(r.type)", span, hint: "\(a) and \(b) are different currencies")
                return BExpr(.constant(.bool(false)), .invalid, span, file)
            }
            valueClass = .money
        case (.rate(let p), .rate(let q)) where p == q: valueClass = .decimal
        case (.duration(let a), .duration(let b)) where a == b: valueClass = .decimal
        case (.date, .date): valueClass = .date
        case (.string, .string): valueClass = .string
        case (.bool, .bool) where !ordered: valueClass = .bool
        case (.roundingMode, .roundingMode) where !ordered: valueClass = .structural
        case (.list, .list), (.record, .record):
            if !ordered, join(l.type, r.type) != nil { valueClass = .structural }
        default: break
        }
        guard let valueClass else {
            error("cannot compare \(l.type) with \(r.type)", span, hint: mismatchHint(r.type, l.type))
            return BExpr(.constant(.bool(false)), .invalid, span, file)
        }
        return BExpr(.compare(comparison, valueClass, l, r), .bool, span, file)
    }
}
