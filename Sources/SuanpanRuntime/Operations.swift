import SuanpanChecker
import SuanpanValues

extension Compiler {
    /// One closure per resolved operation; no type tests beyond unwrapping.
    func operation(_ op: Operation, _ a: @escaping Code, _ b: @escaping Code, _ e: BExpr) -> Code {
        // The common operations are written out, so each closure does its arithmetic
        // directly instead of calling another closure for it.
        switch op {
        case .addDecimal:
            return { frame throws(RuntimeError) in
                let x = try decimal(try a(frame), e), y = try decimal(try b(frame), e)
                let (sum, overflow) = x.units.addingReportingOverflow(y.units)
                guard !overflow, sum != .min else { throw arithmeticError(.overflow, e) }
                return .decimal(FixedDecimal(units: sum))
            }
        case .subtractDecimal:
            return { frame throws(RuntimeError) in
                let x = try decimal(try a(frame), e), y = try decimal(try b(frame), e)
                let (difference, overflow) = x.units.subtractingReportingOverflow(y.units)
                guard !overflow, difference != .min else { throw arithmeticError(.overflow, e) }
                return .decimal(FixedDecimal(units: difference))
            }
        case .multiplyDecimal:
            return { frame throws(RuntimeError) in
                let x = try decimal(try a(frame), e), y = try decimal(try b(frame), e)
                do throws(ArithmeticError) { return .decimal(try x.multiplied(by: y)) } catch { throw arithmeticError(error, e) }
            }
        case .addMoney:
            return { frame throws(RuntimeError) in
                let (x, c) = try moneyParts(try a(frame), e)
                let (y, d) = try moneyParts(try b(frame), e)
                try sameCurrency(c, d, e, verb: "add")
                let (sum, overflow) = x.units.addingReportingOverflow(y.units)
                guard !overflow, sum != .min else { throw arithmeticError(.overflow, e) }
                return .money(FixedDecimal(units: sum), c)
            }
        case .subtractMoney:
            return { frame throws(RuntimeError) in
                let (x, c) = try moneyParts(try a(frame), e)
                let (y, d) = try moneyParts(try b(frame), e)
                try sameCurrency(c, d, e, verb: "subtract")
                let (difference, overflow) = x.units.subtractingReportingOverflow(y.units)
                guard !overflow, difference != .min else { throw arithmeticError(.overflow, e) }
                return .money(FixedDecimal(units: difference), c)
            }
        case .scaleMoney:
            return { frame throws(RuntimeError) in
                let (x, c) = try moneyParts(try a(frame), e)
                let y = try decimal(try b(frame), e)
                do throws(ArithmeticError) { return .money(try x.multiplied(by: y), c) } catch { throw arithmeticError(error, e) }
            }
        case .divideDecimal: return decimalOp(a, b, e) { x, y throws(ArithmeticError) in try x.divided(by: y) }
        case .power: return decimalOp(a, b, e) { x, y throws(ArithmeticError) in try x.power(y) }
        case .divideMoneyByMoney:
            return { frame throws(RuntimeError) in
                let (x, c) = try moneyParts(try a(frame), e)
                let (y, d) = try moneyParts(try b(frame), e)
                try sameCurrency(c, d, e, verb: "divide")
                return .decimal(try arithmetic(e) { () throws(ArithmeticError) in try x.divided(by: y) })
            }
        case .divideMoneyByDecimal: return scaleMoney(a, b, e) { x, y throws(ArithmeticError) in try x.divided(by: y) }
        case .shiftDate(let unit, let subtract):
            return dateShift(unit, subtract: subtract, a, b, e)
        case .daysBetween:
            return { frame throws(RuntimeError) in
                guard case .date(let from) = try a(frame), case .date(let to) = try b(frame) else { throw internalError("dates", e) }
                return .decimal(FixedDecimal(from.days(to: to)))
            }
        case .concatenate:
            return { frame throws(RuntimeError) in
                guard case .string(let x) = try a(frame), case .string(let y) = try b(frame) else { throw internalError("strings", e) }
                // A string doubled in a fold grows without bound: long ones are paid for by their bytes.
                let length = x.utf8.count + y.utf8.count
                if length > Machine.inlineStringBytes { try frame.machine.spend(values: 0, bytes: length, at: e) }
                return .string(x + y)
            }
        case .concatenateLists:
            return { frame throws(RuntimeError) in
                guard case .list(let x) = try a(frame), case .list(let y) = try b(frame) else { throw internalError("lists", e) }
                try frame.machine.spend(values: x.count + y.count, at: e)
                return .list(x + y)
            }
        }
    }

    func decimalOp(_ a: @escaping Code, _ b: @escaping Code, _ e: BExpr,
                   _ f: @escaping (FixedDecimal, FixedDecimal) throws(ArithmeticError) -> FixedDecimal) -> Code {
        return { frame throws(RuntimeError) in
            let x = try decimal(try a(frame), e)
            let y = try decimal(try b(frame), e)
            return .decimal(try arithmetic(e) { () throws(ArithmeticError) in try f(x, y) })
        }
    }

    func moneyOp(_ a: @escaping Code, _ b: @escaping Code, _ e: BExpr, verb: String,
                 _ f: @escaping (FixedDecimal, FixedDecimal) throws(ArithmeticError) -> FixedDecimal) -> Code {
        return { frame throws(RuntimeError) in
            let (x, c) = try moneyParts(try a(frame), e)
            let (y, d) = try moneyParts(try b(frame), e)
            try sameCurrency(c, d, e, verb: verb)
            return .money(try arithmetic(e) { () throws(ArithmeticError) in try f(x, y) }, c)
        }
    }

    /// Money on the left, a plain decimal on the right.
    func scaleMoney(_ a: @escaping Code, _ b: @escaping Code, _ e: BExpr,
                    _ f: @escaping (FixedDecimal, FixedDecimal) throws(ArithmeticError) -> FixedDecimal) -> Code {
        return { frame throws(RuntimeError) in
            let (x, c) = try moneyParts(try a(frame), e)
            let y = try decimal(try b(frame), e)
            return .money(try arithmetic(e) { () throws(ArithmeticError) in try f(x, y) }, c)
        }
    }

    func dateShift(_ unit: DurationUnit, subtract: Bool, _ a: @escaping Code, _ b: @escaping Code, _ e: BExpr) -> Code {
        return { frame throws(RuntimeError) in
            guard case .date(let date) = try a(frame) else { throw internalError("a date", e) }
            let amount = try decimal(try b(frame), e)
            guard amount.isInteger else {
                throw RuntimeError("a date moves by whole \(DurationUnit.allCases.map(\.plural).spelledOut()), not \(amount)",
                                   file: e.file, span: e.span)
            }
            // Far beyond the calendar (years 1-9999) either way: report it as the overflow it is.
            guard let n = amount.intValue, n > Int.min, abs(n) < 10_000_000 else {
                throw RuntimeError("arithmetic overflow: the date would leave the calendar (years 1-9999)", file: e.file, span: e.span)
            }
            let signed = subtract ? -n : n
            return .date(try arithmetic(e) { () throws(ArithmeticError) in
                switch unit {
                case .day: try date.adding(days: signed)
                case .month: try date.adding(months: signed)
                }
            })
        }
    }
}

func sameCurrency(_ c: Currency, _ d: Currency, _ e: BExpr, verb: String) throws(RuntimeError) {
    if c != d {
        throw RuntimeError("cannot \(verb) \(c.code) and \(d.code)", file: e.file, span: e.span,
                           hint: "convert one amount explicitly with an exchange rate")
    }
}

func compareValues(_ comparison: Comparison, _ valueClass: ValueClass, _ a: Value, _ b: Value, _ e: BExpr) throws(RuntimeError) -> Bool {
    let order: Int
    switch valueClass {
    case .decimal:
        let x = try decimal(a, e), y = try decimal(b, e)
        order = x < y ? -1 : x == y ? 0 : 1
    case .money:
        let (x, c) = try moneyParts(a, e), (y, d) = try moneyParts(b, e)
        try sameCurrency(c, d, e, verb: "compare")
        order = x < y ? -1 : x == y ? 0 : 1
    case .date:
        guard case .date(let x) = a, case .date(let y) = b else { throw internalError("dates", e) }
        order = x < y ? -1 : x == y ? 0 : 1
    case .string:
        guard case .string(let x) = a, case .string(let y) = b else { throw internalError("strings", e) }
        order = x < y ? -1 : x == y ? 0 : 1
    case .bool, .structural:
        order = a.equals(b) ? 0 : 1
    }
    switch comparison {
    case .equal: return order == 0
    case .notEqual: return order != 0
    case .less: return order < 0
    case .lessEqual: return order <= 0
    case .greater: return order > 0
    case .greaterEqual: return order >= 0
    }
}
