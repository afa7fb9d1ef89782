import SuanpanSyntax
import SuanpanValues

/// The core language's functions. Rate conversions are rewritten into plain
/// arithmetic here, so the runtime only ever sees multiplications and divisions.
extension Checker {
    func intrinsic(_ f: Intrinsic, _ argSyntax: [Expr], _ span: Span, _ scope: Scope) -> BExpr {
        // `2 places` is a step, and only round's: it reads as its step, 0.01.
        var places: Int?
        let args = argSyntax.enumerated().map { i, a -> BExpr in
            guard f == .round, case .literal(.places, let text) = a.kind, i >= 1 else { return expression(a, scope) }
            guard i == 1 else {
                error("the step \(quoted(text)) comes before the rounding mode", a.span, hint: "round(x, \(text), half_up)")
                return invalid(a.span)
            }
            guard let (count, step) = placesLiteral(text, a.span) else { return invalid(a.span) }
            places = count
            return constant(.decimal(step), .number, a.span)
        }
        if args.contains(where: { $0.type.containsInvalid }) { return invalid(span) }
        switch f {
        case .round: return round(args, places: places, span)
        case .min, .max: return extremum(f, args, span)
        case .sum, .average, .count: return aggregate(f, args, span)
        case .prod:
            guard args.count == 1 else { return arity(f, "prod(list)", span) }
            guard case .list(let element) = args[0].type, element.isScalar || element == .anything else {
                return argumentError(f, 1, "a list of numbers", args[0])
            }
            return BExpr(.intrinsic(.prod, args), .number, span, file)
        case .range:
            guard args.count == 2 else { return arity(f, "range(1, 12)", span) }
            let ends = args.map { $0.requiring(.int, self, "an end of range(…)") }
            return BExpr(.intrinsic(.range, ends), .list(.int), span, file)
        case .abs:
            guard args.count == 1 else { return arity(f, "abs(x)", span) }
            guard args[0].type.isNumeric else { return argumentError(f, 1, "a number, percentage, rate or money", args[0]) }
            return BExpr(.intrinsic(.abs, args), args[0].type, span, file)
        case .convertRate(let period):
            return convertRate(f, to: period, args, span)
        case .first, .last, .take, .drop, .reverse, .distinct, .flatten, .contains, .any, .all, .indexed, .zip:
            return listFunction(f, args, span)
        case .text:
            guard args.count == 1 else { return arity(f, "text(x), e.g. \"fee: \" + text(fee)", span) }
            if let stops = stopsFirst(args, span) { return stops }
            return BExpr(.intrinsic(.text, args), .string, span, file)
        case .format:
            return format(args, span)
        case .fail:
            guard args.count == 1 else { return arity(f, "fail(\"message\")", span) }
            return BExpr(.intrinsic(.fail, [args[0].requiring(.string, self, "the message of fail(…)")]), .never, span, file)
        }
    }

    func arity(_ f: Intrinsic, _ usage: String, _ span: Span, hint: String? = nil) -> BExpr {
        error("wrong number of arguments to \(quoted(f.name))", span, hint: hint ?? "usage: \(usage)")
        return invalid(span)
    }

    /// "argument 2 of 'round' must be …, found …": the one shape of argument errors.
    func argumentError(_ f: Intrinsic, _ position: Int, _ wanted: String, _ given: BExpr, hint: String? = nil) -> BExpr {
        error("argument \(position) of \(quoted(f.name)) must be \(wanted), found \(given.type)", given.span, hint: hint)
        return invalid(given.span)
    }

    /// round(x), round(x, mode), round(x, quantum), round(x, quantum, mode).
    /// Money defaults to its currency's minor unit, numbers to whole units;
    /// the mode defaults to half_even. A step is a decimal (`0.01`), a count of
    /// places (`2 places`, given as `places`), or in the value's own unit
    /// (`1 CNY`, `0.01%`, `0.01%/day`); a whole-number step is refused, because a
    /// spreadsheet's ROUND(x, 2) means 2 decimal places, not multiples of 2.
    func round(_ args: [BExpr], places: Int?, _ span: Span) -> BExpr {
        // `round(1,234.50 CNY, 0.01)`: a displayed amount's comma made two arguments of it.
        // Both hints are spelled only for an error.
        let comma = { args.count > 1 ? self.groupingCommaHint(args, at: 1, separating: "arguments") : nil }
        guard (1...3).contains(args.count) else {
            let usage = "round(x, 0.01, half_up) or round(x, 2 places, half_up); modes: \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", "))"
            return arity(.round, usage, span, hint: comma())
        }
        let x = args[0]
        var quantum: BExpr?
        var mode: BExpr?
        for (i, a) in args.enumerated().dropFirst() {
            if a.type == .roundingMode, mode == nil {
                mode = a
            } else if quantum == nil, mode == nil, i == 1 {
                quantum = a
            } else {
                return argumentError(.round, i + 1, "a rounding mode (\(RoundingMode.allCases.map(\.rawValue).joined(separator: ", ")))", a,
                                     hint: comma())
            }
        }
        switch x.type {
        case .int, .number, .money, .percent, .rate, .flow: break
        case .bool, .string, .date, .duration, .list, .record, .roundingMode, .anything, .never, .invalid:
            return argumentError(.round, 1, "a number, percentage, rate or money", x)
        }
        if let q = quantum, let count = places {
            switch x.type {
            case .int, .number, .money, .flow: break
            case .percent:
                error("decimal places of a percentage are ambiguous: of 12.345% or of its fraction 0.12345?", q.span,
                      hint: "write the step as a percentage: round(y, \(PlacesWord.stepText(count))%)")
                return invalid(q.span)
            case .rate(let p):
                error("decimal places of a rate are ambiguous: of 0.045%/\(p.rawValue) or of its fraction 0.00045?", q.span,
                      hint: "write the step as a rate: round(r, \(PlacesWord.stepText(count))%/\(p.rawValue))")
                return invalid(q.span)
            case .bool, .string, .date, .duration, .list, .record, .roundingMode, .anything, .never, .invalid:
                return invalid(q.span)
            }
        } else if let q = quantum {
            switch (x.type, q.type) {
            case (.int, .number), (.number, .number), (.money, .number), (.flow, .number), (.percent, .percent):
                break
            case (.rate(let p), .rate(let s)) where p == s:
                break
            case (.money(let a), .money(let b)) where a == nil || b == nil || a == b:
                break
            case (.int, .int), (.number, .int), (.money, .int), (.flow, .int):
                return wholeNumberStep(x, q)
            case (.percent, _):
                let shown = wholeConstant(q).flatMap { n in PlacesWord.step(n + 2).map { _ in n } }
                error("argument 2 of 'round' must be a percentage when rounding a percentage, found \(q.type)", q.span,
                      hint: shown.map { "write the step as a percentage: round(y, \(PlacesWord.stepText($0))%) keeps \(PlacesWord.spelled($0)) of the percentage" }
                        ?? "write the step as a percentage: round(y, 0.001%, half_up)")
                return invalid(q.span)
            case (.rate(let p), _):
                error("argument 2 of 'round' must be a rate/\(p.rawValue) when rounding a rate/\(p.rawValue), found \(q.type)", q.span,
                      hint: "write the step as a rate: round(r, 0.01%/\(p.rawValue), half_up)")
                return invalid(q.span)
            default:
                return argumentError(.round, 2, "a step such as 0.01", q)
            }
        } else if case .percent = x.type {
            error("rounding a percentage needs a step", span, hint: "round(y, 0.001%, half_up)")
            return invalid(span)
        } else if case .rate = x.type {
            error("rounding a rate needs a step", span, hint: "round(r, 0.0001%/day, half_up)")
            return invalid(span)
        }
        let modeArg = mode ?? constant(.roundingMode(.halfEven), .roundingMode, span)
        // An int stays an int when rounded to whole units (`0 places`); a decimal step makes a number.
        let type: SType = x.type == .int && quantum?.type == .number && places != 0 ? .number : x.type
        // [x, mode] rounds to the default step; [x, mode, step] to the one given.
        return BExpr(.intrinsic(.round, [x, modeArg] + (quantum.map { [$0] } ?? [])), type, span, file)
    }

    /// `round(x, 2)`: refused, with both readings written out unmistakably.
    func wholeNumberStep(_ x: BExpr, _ q: BExpr) -> BExpr {
        guard let n = wholeConstant(q) else {
            error("a whole-number step is ambiguous: a count of decimal places, or multiples of it?", q.span,
                  hint: "give the step as a decimal (round(x, 0.01)), as places (round(x, 2 places))"
                    + (x.type.currency.map { " or in \($0) (round(x, 1 \($0)))" } ?? "")
                    + "; a step held in a name must be a number, not an int")
            return invalid(q.span)
        }
        var ways: [String] = []
        if n == 0 {
            ways.append("for whole units write round(x, 0 places)")
        } else if PlacesWord.step(n) != nil {
            ways.append("for \(PlacesWord.spelled(n)) write round(x, \(PlacesWord.stepText(n))) or round(x, \(PlacesWord.written(n)))")
        }
        if n > 0 {
            if case .money(let code?) = x.type {
                ways.append("for multiples of \(n) \(code) write round(x, \(n) \(code))")
            } else if n == 1 {
                ways.append("for whole units write round(x) or round(x, 0 places)")
            } else {
                ways.append("for multiples of \(n) write round(x, \(n).0)")
            }
        }
        let message = n == 0
            ? "a step of 0 rounds to nothing; did you mean 0 decimal places?"
            : "the step \(n) is ambiguous: \(PlacesWord.spelled(n)), or multiples of \(n)?"
        error(message, q.span, hint: ways.joined(separator: "; "))
        return invalid(q.span)
    }

    /// The value of a whole-number constant such as the `2` of `round(x, 2)`.
    func wholeConstant(_ e: BExpr) -> Int? {
        guard case .constant(.decimal(let d)) = e.kind, d.isInteger, d.signum >= 0 else { return nil }
        return Int(d.description)
    }

    /// `2 places`: the count and the step it makes, 0.01.
    func placesLiteral(_ text: String, _ span: Span) -> (count: Int, step: FixedDecimal)? {
        let written = text.prefix { $0 != " " && $0 != "\t" }.filter { $0 != "_" }
        guard let count = Int(written), let step = PlacesWord.step(count) else {
            error("\(quoted(text)) is more decimal places than a number has", span,
                  hint: "a step has at most \(PlacesWord.written(PlacesWord.maximum)) (\(PlacesWord.stepText(PlacesWord.maximum)))")
            return nil
        }
        return (count, step)
    }

    /// min(a, b, …) or min(list).
    func extremum(_ f: Intrinsic, _ args: [BExpr], _ span: Span) -> BExpr {
        guard !args.isEmpty else { return arity(f, "\(f.name)(a, b, …) or \(f.name)(list)", span) }
        var items = args
        var fromList = false
        if args.count == 1, case .list(let element) = args[0].type {
            fromList = true
            items = [BExpr(.constant(.bool(false)), element, args[0].span, file)]
        }
        var type = items[0].type
        for (i, a) in items.enumerated().dropFirst() {
            guard let joined = join(type, a.type) else { return argumentError(f, i + 1, "\(type) like the first", a) }
            type = joined
        }
        switch type {
        case .int, .number, .percent, .money, .rate, .flow, .duration, .date, .string: break
        case .anything: type = .int
        case .bool, .list, .record, .roundingMode, .never, .invalid:
            return argumentError(f, 1, "values that can be ordered", args[0])
        }
        let values = fromList ? args : args.map { coerce($0, to: type, context: "an argument of \(quoted(f.name))") }
        return BExpr(.intrinsic(f, values), type, span, file)
    }

    /// sum(list), average(list), count(list).
    func aggregate(_ f: Intrinsic, _ args: [BExpr], _ span: Span) -> BExpr {
        guard args.count == 1 else { return arity(f, "\(f.name)(list), e.g. \(f.name)([b.amount for b in bills])", span) }
        guard case .list(let element) = args[0].type else { return argumentError(f, 1, "a list", args[0]) }
        if f == .count { return BExpr(.intrinsic(.count, args), .int, span, file) }
        switch element {
        case .int, .number, .percent, .money, .rate, .flow, .duration: break
        case .anything: return BExpr(.intrinsic(f, args), f == .sum ? .int : .number, span, file)
        case .bool, .string, .date, .list, .record, .roundingMode, .never, .invalid:
            return argumentError(f, 1, "a list of numbers, percentages, rates, durations or money", args[0])
        }
        let type: SType = f == .average && element == .int ? .number : element
        return BExpr(.intrinsic(f, args), type, span, file)
    }

    /// annualize(r [, basis]), daily(r [, basis]), monthly(r [, days]): a rate
    /// per one period as a rate per another, times the ratio of their lengths.
    /// Lengths counted in the same unit convert exactly (12 months a year);
    /// between days and months the side counted in months is worth its days:
    /// the basis given, else its conventional days (365 a year, 30 a month).
    func convertRate(_ f: Intrinsic, to: Period, _ args: [BExpr], _ span: Span) -> BExpr {
        guard (1...2).contains(args.count) else { return arity(f, "\(f.name)(rate) or \(f.name)(rate, basis)", span) }
        guard case .rate(let from) = args[0].type else { return argumentError(f, 1, "a rate such as 0.04%/day", args[0]) }
        if from == to { return args[0] }
        var basis: BExpr?
        if args.count == 2 {
            guard args[1].type == .int || args[1].type == .number else { return argumentError(f, 2, "a number of days", args[1]) }
            basis = args[1]
        }
        let number = { (n: Int) in self.constant(.decimal(FixedDecimal(n)), .int, span) }
        let days = { (p: Period) in basis ?? number(p.conventionalDays) }
        let (times, over): (BExpr, BExpr)
        switch (from.length.unit, to.length.unit) {
        case (.day, .day), (.month, .month):
            if let basis { error(exactConversion(from, to), basis.span) }
            (times, over) = (number(to.length.count), number(from.length.count))
        case (.day, .month):
            (times, over) = (days(to), number(from.length.count))
        case (.month, .day):
            (times, over) = (number(to.length.count), days(from))
        }
        return scaled(args[0], times: times, over: over, .rate(to), span)
    }

    /// "months and years convert exactly (12 months a year); no basis is needed".
    func exactConversion(_ a: Period, _ b: Period) -> String {
        let (short, long) = a.length.count <= b.length.count ? (a, b) : (b, a)
        return "\(short.rawValue)s and \(long.rawValue)s convert exactly "
            + "(\(long.length.count) \(long.length.unit.plural) a \(long.rawValue)); no basis is needed"
    }

    /// `x × times ÷ over`, leaving out a factor that is the constant 1.
    func scaled(_ x: BExpr, times: BExpr, over: BExpr, _ type: SType, _ span: Span) -> BExpr {
        var result = x
        if !isOne(times) { result = BExpr(.operation(.multiplyDecimal, result, times), type, span, file) }
        if !isOne(over) { result = BExpr(.operation(.divideDecimal, result, over), type, span, file) }
        return result
    }

    func isOne(_ e: BExpr) -> Bool {
        if case .constant(.decimal(let d)) = e.kind { return d == .one }
        return false
    }
}
