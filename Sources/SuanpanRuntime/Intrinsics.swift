import SuanpanChecker
import SuanpanValues

extension Compiler {
    func intrinsic(_ f: Intrinsic, _ args: [BExpr], _ e: BExpr) -> Code {
        if let fast = directIntrinsic(f, args, e) { return fast }
        return intrinsic(f, args.map(compile), args, e)
    }

    /// The shapes of the common intrinsics whose operands are compiled on their own,
    /// not taken out of an array (whose closures are called through a thunk).
    func directIntrinsic(_ f: Intrinsic, _ args: [BExpr], _ e: BExpr) -> Code? {
        switch f {
        case .min, .max:
            guard args.count == 2, orderClass(e.type) == .decimal else { return nil }
            let wantLess = f == .min
            // Plain numbers: compared as they are, and a literal operand read once, now.
            if case .constant(.decimal(let k)) = args[0].kind {
                let second = compile(args[1])
                return { frame throws(RuntimeError) in
                    let y = try decimal(try second(frame), e)
                    return .decimal(wantLess ? (y < k ? y : k) : (y > k ? y : k))
                }
            }
            let first = compile(args[0]), second = compile(args[1])
            return { frame throws(RuntimeError) in
                let x = try decimal(try first(frame), e), y = try decimal(try second(frame), e)
                return .decimal(wantLess ? (y < x ? y : x) : (y > x ? y : x))
            }
        case .round:
            guard !program.tracing, args.count == 3, case .operation(let op, let l, let r) = args[0].kind else { return nil }
            let divide: Bool
            switch op {
            case .multiplyDecimal, .scaleMoney: divide = false
            case .divideDecimal, .divideMoneyByDecimal: divide = true
            default: return nil
            }
            guard case .constant(.roundingMode) = args[1].kind, case .constant(.decimal(let quantum)) = args[2].kind,
                  quantum.signum > 0 else { return nil }
            return fixedRound(compile(l), compile(r), args: e, args[0], divide: divide)
        default:
            return nil
        }
    }

    func intrinsic(_ f: Intrinsic, _ codes: [Code], _ args: [BExpr], _ e: BExpr) -> Code {
        switch f {
        case .round:
            guard codes.count == 2 || codes.count == 3 else { return failing("round", e) }
            let (x, m, q) = (codes[0], codes[1], codes.count == 3 ? codes[2] : nil)
            let tracing = program.tracing
            if !tracing, let fused = fusedRound(args[0], mode: m, step: q, e) { return fused }
            return { frame throws(RuntimeError) in
                guard case .roundingMode(let mode) = try m(frame) else { throw internalError("a rounding mode", e) }
                let value = try x(frame)
                let step = try q?(frame)
                let result = try roundValue(value, step: step, mode: mode, e)
                if tracing {
                    let shownStep = step.map { Format.display($0, args[2].type) } ?? "default step"
                    tracedRounding(value, result, e.type, "round to \(shownStep), \(mode.rawValue)", frame)
                }
                return result
            }
        case .min, .max:
            let wantLess = f == .min
            let valueClass = orderClass(e.type)
            let fromList = args.count == 1 && { if case .list = args[0].type { return true } else { return false } }()
            if codes.count == 2, !fromList {
                // max(0 days, d − 40 days): two values, the common case, without a list.
                let first = codes[0], second = codes[1]
                return { frame throws(RuntimeError) in
                    let a = try first(frame), b = try second(frame)
                    return try compareValues(wantLess ? .less : .greater, valueClass, b, a, e) ? b : a
                }
            }
            return { frame throws(RuntimeError) in
                var items: [Value] = []
                if fromList {
                    guard case .list(let list) = try codes[0](frame) else { throw internalError("a list", e) }
                    items = list
                } else {
                    for c in codes { items.append(try c(frame)) }
                }
                guard var best = items.first else {
                    throw RuntimeError("\(f.name) of an empty list", file: e.file, span: e.span)
                }
                for v in items.dropFirst() where try compareValues(wantLess ? .less : .greater, valueClass, v, best, e) {
                    best = v
                }
                return best
            }
        case .sum, .average:
            let zero: Value? = e.type.currency.flatMap { Currency.named($0) }.map { .money(.zero, $0) }
                ?? (e.type.currency == nil && !isMoney(e.type) ? .decimal(.zero) : nil)
            let list = codes[0]
            let isAverage = f == .average
            return { frame throws(RuntimeError) in
                guard case .list(let items) = try list(frame) else { throw internalError("a list", e) }
                guard var total = items.first ?? zero else {
                    throw RuntimeError("\(f.name) of an empty list of money has no currency", file: e.file, span: e.span,
                                       hint: "declare the currency: list<money<CNY>>")
                }
                for v in items.dropFirst() { total = try add(total, v, e) }
                guard isAverage else { return total }
                if items.isEmpty { throw RuntimeError("average of an empty list", file: e.file, span: e.span) }
                return try divide(total, by: FixedDecimal(items.count), e)
            }
        case .prod:
            return { frame throws(RuntimeError) in
                guard case .list(let items) = try codes[0](frame) else { throw internalError("a list", e) }
                var total = FixedDecimal.one
                for v in items {
                    let d = try decimal(v, e)
                    total = try arithmetic(e) { () throws(ArithmeticError) in try total.multiplied(by: d) }
                }
                return .decimal(total)
            }
        case .range:
            return { frame throws(RuntimeError) in
                let low = try decimal(try codes[0](frame), e), high = try decimal(try codes[1](frame), e)
                guard let a = low.intValue, let b = high.intValue else {
                    throw RuntimeError("range(\(low), \(high)) is far too large", file: e.file, span: e.span)
                }
                if b < a { return .list([]) }
                let (span, overflow) = b.subtractingReportingOverflow(a)
                guard !overflow, span < 10_000_000 else {
                    throw RuntimeError("range(\(a), \(b)) would hold more than 10,000,000 numbers", file: e.file, span: e.span)
                }
                try frame.machine.spend(values: span + 1, at: e)
                var items: [Value] = []
                items.reserveCapacity(span + 1)
                for n in a...b {
                    try frame.machine.tick(at: e)
                    items.append(.decimal(FixedDecimal(n)))
                }
                return .list(items)
            }
        case .count:
            return { frame throws(RuntimeError) in
                guard case .list(let items) = try codes[0](frame) else { throw internalError("a list", e) }
                return .decimal(FixedDecimal(items.count))
            }
        case .abs:
            return { frame throws(RuntimeError) in
                switch try codes[0](frame) {
                case .decimal(let d): return .decimal(d.magnitude)
                case .money(let d, let c): return .money(d.magnitude, c)
                default: throw internalError("a number", e)
                }
            }
        case .fail:
            return { frame throws(RuntimeError) in
                guard case .string(let message) = try codes[0](frame) else { throw internalError("a string", e) }
                throw RuntimeError(message, file: e.file, span: e.span)
            }
        case .convertRate:
            // The checker rewrites conversions into arithmetic; none reach here.
            return failing(f.name, e)
        case .first, .last, .take, .drop, .reverse, .distinct, .flatten, .contains, .any, .all, .indexed, .zip:
            return listFunction(f, codes, e)
        case .text:
            guard let x = codes.first, let type = args.first?.type else { return failing(f.name, e) }
            return { frame throws(RuntimeError) in .string(try frame.machine.text(try x(frame), type, at: e)) }
        case .format:
            guard let template = codes.first else { return failing(f.name, e) }
            let values = Array(codes.dropFirst()), types = args.dropFirst().map(\.type)
            return { frame throws(RuntimeError) in
                guard case .string(let text) = try template(frame) else { throw internalError("a string", e) }
                var shown: [String] = []
                for (code, type) in zip(values, types) { shown.append(try frame.machine.text(try code(frame), type, at: e)) }
                switch Template.fill(text, shown) {
                case .success(let s):
                    try frame.machine.spend(values: 0, bytes: s.utf8.count > Machine.inlineStringBytes ? s.utf8.count : 0, at: e)
                    return .string(s)
                case .failure(let problem): throw RuntimeError(problem.message, file: e.file, span: e.span, hint: problem.hint)
                }
            }
        }
    }

    /// `round(a * b, …)` and `round(a / b, …)` rounded once from the exact product
    /// or quotient: faster, and free of the double rounding that rounding the
    /// 18-digit intermediate first could cause.
    func fusedRound(_ x: BExpr, mode m: @escaping Code, step q: Code?, _ e: BExpr) -> Code? {
        guard case .operation(let op, let l, let r) = x.kind else { return nil }
        let divide: Bool
        switch op {
        case .multiplyDecimal, .scaleMoney: divide = false
        case .divideDecimal, .divideMoneyByDecimal: divide = true
        case .addDecimal, .subtractDecimal, .power, .addMoney, .subtractMoney, .divideMoneyByMoney, .shiftDate, .daysBetween,
             .concatenate, .concatenateLists:
            return nil
        }
        let a = compile(l), b = compile(r)
        return { frame throws(RuntimeError) in
            guard case .roundingMode(let mode) = try m(frame) else { throw internalError("a rounding mode", e) }
            let left = try a(frame)
            let right = try decimal(try b(frame), x)
            let step = try q?(frame)
            var quantum: FixedDecimal?
            switch step {
            case .decimal(let d)?: quantum = d
            case .money(let d, _)?: quantum = d
            case nil: break
            default: throw internalError("a rounding step", e)
            }
            if let quantum, quantum.signum <= 0 {
                throw RuntimeError("the rounding step must be positive, not \(quantum)", file: e.file, span: e.span)
            }
            func fused(_ value: FixedDecimal, _ step: FixedDecimal) throws(RuntimeError) -> FixedDecimal {
                try arithmetic(x) { () throws(ArithmeticError) in
                    divide ? try value.divided(by: right, roundedToMultipleOf: step, mode: mode)
                        : try value.multiplied(by: right, roundedToMultipleOf: step, mode: mode)
                }
            }
            switch left {
            case .decimal(let d):
                return .decimal(try fused(d, quantum ?? .one))
            case .money(let d, let c):
                if case .money(_, let stepCurrency)? = step { try sameCurrency(c, stepCurrency, e, verb: "round") }
                return .money(try fused(d, quantum ?? c.minorUnit), c)
            default:
                throw internalError("a number or money", e)
            }
        }
    }

    /// `round(a * b, 0.01, half_even)`: a literal mode and a literal positive step of a
    /// plain number, known when compiling; the closure only multiplies (or divides) and rounds.
    /// Nil for any other shape, which the general closure handles.
    func fixedRound(_ a: @escaping Code, _ b: @escaping Code, args e: BExpr, _ x: BExpr, divide: Bool) -> Code? {
        guard case .intrinsic(_, let args) = e.kind, args.count == 3,
              case .constant(.roundingMode(let mode)) = args[1].kind,
              case .constant(.decimal(let quantum)) = args[2].kind, quantum.signum > 0 else { return nil }
        if divide {
            return { frame throws(RuntimeError) in
                let left = try a(frame)
                let right = try decimal(try b(frame), x)
                switch left {
                case .money(let d, let c):
                    do throws(ArithmeticError) { return .money(try d.divided(by: right, roundedToMultipleOf: quantum, mode: mode), c) } catch { throw arithmeticError(error, x) }
                case .decimal(let d):
                    do throws(ArithmeticError) { return .decimal(try d.divided(by: right, roundedToMultipleOf: quantum, mode: mode)) } catch { throw arithmeticError(error, x) }
                default:
                    throw internalError("a number or money", e)
                }
            }
        }
        return { frame throws(RuntimeError) in
            let left = try a(frame)
            let right = try decimal(try b(frame), x)
            switch left {
            case .money(let d, let c):
                do throws(ArithmeticError) { return .money(try d.multiplied(by: right, roundedToMultipleOf: quantum, mode: mode), c) } catch { throw arithmeticError(error, x) }
            case .decimal(let d):
                do throws(ArithmeticError) { return .decimal(try d.multiplied(by: right, roundedToMultipleOf: quantum, mode: mode)) } catch { throw arithmeticError(error, x) }
            default:
                throw internalError("a number or money", e)
            }
        }
    }

    func failing(_ name: String, _ e: BExpr) -> Code {
        failing(internalError("a checked call to \(name)", e))
    }

    func orderClass(_ t: SType) -> ValueClass {
        switch t {
        case .money, .flow: return .money
        case .date: return .date
        case .string: return .string
        case .int, .number, .percent, .rate, .duration: return .decimal
        case .bool: return .bool
        case .list, .record, .roundingMode, .anything, .never, .invalid: return .structural
        }
    }

    func isMoney(_ t: SType) -> Bool {
        switch t {
        case .money, .flow: return true
        case .int, .number, .percent, .bool, .string, .date, .rate, .duration, .list, .record, .roundingMode,
             .anything, .never, .invalid:
            return false
        }
    }
}

func add(_ a: Value, _ b: Value, _ e: BExpr) throws(RuntimeError) -> Value {
    switch (a, b) {
    case (.decimal(let x), .decimal(let y)):
        return .decimal(try arithmetic(e) { () throws(ArithmeticError) in try x.adding(y) })
    case (.money(let x, let c), .money(let y, let d)):
        try sameCurrency(c, d, e, verb: "add")
        return .money(try arithmetic(e) { () throws(ArithmeticError) in try x.adding(y) }, c)
    default:
        throw internalError("numbers or money", e)
    }
}

func divide(_ a: Value, by n: FixedDecimal, _ e: BExpr) throws(RuntimeError) -> Value {
    switch a {
    case .decimal(let x): return .decimal(try arithmetic(e) { () throws(ArithmeticError) in try x.divided(by: n) })
    case .money(let x, let c): return .money(try arithmetic(e) { () throws(ArithmeticError) in try x.divided(by: n) }, c)
    default: throw internalError("a number or money", e)
    }
}

/// Without a step: the currency's minor unit for money, whole units otherwise.
func roundValue(_ x: Value, step: Value?, mode: RoundingMode, _ e: BExpr) throws(RuntimeError) -> Value {
    var quantum = FixedDecimal.zero
    switch step {
    case .decimal(let d)?: quantum = d
    case .money(let d, _)?: quantum = d
    case nil: break
    default: throw internalError("a rounding step", e)
    }
    if step != nil, quantum.signum <= 0 {
        throw RuntimeError("the rounding step must be positive, not \(quantum)", file: e.file, span: e.span)
    }
    switch x {
    case .decimal(let d):
        if quantum.signum == 0 { quantum = .one }
        return .decimal(try arithmetic(e) { () throws(ArithmeticError) in try d.rounded(toMultipleOf: quantum, mode: mode) })
    case .money(let d, let c):
        if case .money(_, let stepCurrency)? = step { try sameCurrency(c, stepCurrency, e, verb: "round") }
        if quantum.signum == 0 { quantum = c.minorUnit }
        return .money(try arithmetic(e) { () throws(ArithmeticError) in try d.rounded(toMultipleOf: quantum, mode: mode) }, c)
    default:
        throw internalError("a number or money", e)
    }
}
