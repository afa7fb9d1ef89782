import SuanpanSyntax
import SuanpanValues

/// Calls to plugin functions: the overloads are tried in order and the first
/// whose parameters fit the arguments is chosen. A mismatch is reported the
/// same way for every function: which argument, what was expected, what was given.
extension Checker {
    /// What `money` and `rate` parameters have fixed so far in one call.
    struct Binding {
        var currency: String?
        var period: Period?
    }

    func externalCall(_ f: Int, _ args: [BExpr], _ span: Span) -> BExpr {
        let function = program.externals[f]
        if args.contains(where: { $0.type.containsInvalid }) { return invalid(span) }
        var mismatch: (index: Int, overload: Overload, binding: Binding)?
        for (o, overload) in function.overloads.enumerated()
        where args.count >= overload.required && args.count <= overload.parameters.count {
            var binding = Binding()
            var fitted: [BExpr] = []
            for (i, a) in args.enumerated() {
                guard let value = fit(a, overload.parameters[i].pattern, &binding) else { break }
                fitted.append(value)
            }
            if fitted.count == args.count {
                let result = instantiate(overload.result, binding)
                return BExpr(.external(function: f, overload: o, fitted), result, span, file)
            }
            // Report the overload that got furthest: its first misfit is the likeliest mistake.
            if mismatch.map({ fitted.count > $0.index }) ?? true { mismatch = (fitted.count, overload, binding) }
        }
        let usage = function.overloads.map { "\(function.name)\($0)" }.joined(separator: "; ")
        guard let (i, overload, binding) = mismatch else {
            error("wrong number of arguments to \(quoted(function.qualifiedName)): \(args.count) given", span, hint: usage)
            return invalid(span)
        }
        let parameter = overload.parameters[i]
        let others = function.overloads.count > 1 ? usage : nil
        var wanted = parameter.pattern.description
        if case .anyMoney = parameter.pattern, let c = binding.currency { wanted = "money<\(c)> (the call's currency)" }
        if case .anyRate = parameter.pattern, let p = binding.period { wanted = "rate/\(p.rawValue) (the call's period)" }
        error("argument \(i + 1) (\(quoted(parameter.name))) of \(quoted(function.qualifiedName)) must be \(wanted), found \(args[i].type)",
              args[i].span, hint: others)
        return invalid(span)
    }

    /// The argument fitted to a parameter, or nil if it does not fit.
    func fit(_ a: BExpr, _ pattern: TypePattern, _ binding: inout Binding) -> BExpr? {
        switch pattern {
        case .exact(let t):
            guard fits(a.type, t) else { return nil }
            return coerce(a, to: t, context: "an argument")
        case .anyMoney, .anyRate, .list:
            return matches(a.type, pattern, &binding) ? a : nil
        }
    }

    func matches(_ type: SType, _ pattern: TypePattern, _ binding: inout Binding) -> Bool {
        switch (type, pattern) {
        case (_, .exact(let t)):
            return fits(type, t)
        case (.money(let c), .anyMoney):
            if let c {
                if let bound = binding.currency, bound != c { return false }
                binding.currency = c
            }
            return true
        case (.rate(let p), .anyRate):
            if let bound = binding.period, bound != p { return false }
            binding.period = p
            return true
        case (.list(let e), .list(let p)):
            return e == .anything || matches(e, p, &binding)
        default:
            return false
        }
    }

    /// Whether a value of type `have` can be passed where `want` is declared.
    func fits(_ have: SType, _ want: SType) -> Bool {
        if have == want || have.isPoison { return true }
        switch (have, want) {
        case (.int, .number): return true
        case (.money(let a), .money(let b)): return b == nil || a == nil || a == b
        case (.record(let a), .record(let b)):
            return a.root === b.root && (b.currency == nil || a.currency == nil || a.currency == b.currency)
        case (.list(.anything), .list): return true
        case (.list(let a), .list(let b)): return fits(a, b)
        default: return false
        }
    }

    /// The result type of a call: `money` in the call's currency, `rate` of its
    /// period, and a record's money fields (`list<InstallmentLine>`) in the call's
    /// currency too, as the view `list<InstallmentLine<CNY>>`.
    func instantiate(_ pattern: TypePattern, _ binding: Binding) -> SType {
        switch pattern {
        case .exact(let t): return binding.currency.map { t.inCurrency($0) } ?? t
        case .anyMoney: return .money(binding.currency)
        case .anyRate: return binding.period.map { .rate($0) } ?? .invalid
        case .list(let e): return .list(instantiate(e, binding))
        }
    }
}
