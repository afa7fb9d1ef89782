import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// Finding the rate r > −100% at which a function of the rate is zero: Newton's method from the
/// guess (as spreadsheets do, so the guess picks the root when there are several), then, if
/// Newton fails (no convergence, a zero slope, an overflow), bisection inside the sign change
/// nearest the guess on a fixed grid of rates from −99.9999% to 100,000%. Both have a fixed
/// budget, so a solve always ends: with a rate, or with an error that says why there is none.
struct RateSolver {
    typealias Objective = (FixedDecimal) throws(ArithmeticError) -> (value: FixedDecimal, slope: FixedDecimal)

    static let newtonSteps = 60
    static let bisectionSteps = 200
    /// Newton stops when a step is at most 1e-16; bisection when the interval is at most 1e-17.
    static let newtonTolerance = FixedDecimal(units: 100)
    static let bisectionTolerance = FixedDecimal(units: 10)
    /// Where to look for a sign change when Newton fails: −99.9999% … 100,000%.
    static let grid: [FixedDecimal] = [
        "-0.999999", "-0.9999", "-0.999", "-0.99", "-0.9", "-0.75", "-0.5", "-0.3", "-0.2", "-0.1", "-0.05",
        "-0.02", "-0.01", "-0.001", "0", "0.0001", "0.001", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.3", "0.5", "0.75", "1", "2", "5",
        "10", "100", "1000",
    ].compactMap { try? FixedDecimal.parse($0) }

    /// The function's name and what it solves for, for messages: "irr".
    let function: String

    func solve(guess: FixedDecimal, _ f: Objective) throws(ExternalError) -> FixedDecimal {
        if let r = newton(guess, f) { return r }
        return try bisection(guess, f)
    }

    /// Newton's method, kept above −100% by halving the way to it; nil when it does not settle.
    /// A step that had to be shortened never counts as converged (halving toward −100% makes
    /// tiny steps too), and a converged step must not have made the value larger.
    func newton(_ guess: FixedDecimal, _ f: Objective) -> FixedDecimal? {
        var x = guess
        for _ in 0..<RateSolver.newtonSteps {
            do {
                let (value, slope) = try f(x)
                if value == .zero { return x }
                if slope == .zero { return nil }
                let step = try value.divided(by: slope)
                let next = try x.subtracting(step)
                if next <= FixedDecimal.minusOne {
                    x = try x.adding(FixedDecimal.minusOne).divided(by: .two)
                    continue
                }
                if try next.subtracting(x).magnitude <= RateSolver.newtonTolerance {
                    return try f(next).value.magnitude <= value.magnitude ? next : nil
                }
                x = next
            } catch {
                return nil
            }
        }
        return nil
    }

    /// Bisection between the two grid rates, nearest the guess, where the value changes sign.
    func bisection(_ guess: FixedDecimal, _ f: Objective) throws(ExternalError) -> FixedDecimal {
        var points: [(rate: FixedDecimal, value: FixedDecimal)] = []
        for r in (RateSolver.grid + [guess]).sorted() where points.last?.rate != r {
            // A rate where the value overflows is simply not a candidate.
            if let (value, _) = try? f(r) { points.append((r, value)) }
        }
        // Sign changes between neighbouring grid rates, the one nearest the guess first.
        var best: (lo: FixedDecimal, hi: FixedDecimal, flo: FixedDecimal, distance: FixedDecimal)?
        for (a, b) in zip(points, points.dropFirst()) {
            if a.value == .zero { return a.rate }
            guard (a.value > .zero) != (b.value > .zero) else { continue }
            let gap = guess < a.rate ? try? a.rate.subtracting(guess) : guess > b.rate ? try? guess.subtracting(b.rate) : .zero
            guard let distance = gap else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (a.rate, b.rate, a.value, distance)
        }
        if let last = points.last, last.value == .zero { return last.rate }
        guard var (lo, hi, flo, _) = best else {
            throw ExternalError("\(function) found no rate: Newton's method from the guess \(percentText(guess)) did not "
                                + "settle within \(RateSolver.newtonSteps) steps, and the value does not change sign "
                                + "between -99.9999% and 100,000%, so no rate balances these cash flows")
        }
        for _ in 0..<RateSolver.bisectionSteps {
            do {
                let mid = try lo.adding(hi).divided(by: .two)
                if try hi.subtracting(lo) <= RateSolver.bisectionTolerance || mid == lo || mid == hi { return mid }
                let (value, _) = try f(mid)
                if value == .zero { return mid }
                if (value > .zero) == (flo > .zero) {
                    lo = mid
                    flo = value
                } else {
                    hi = mid
                }
            } catch {
                throw ExternalError("\(function) found no rate: \(error.description) while narrowing down the rate "
                                    + "between \(percentText(lo)) and \(percentText(hi))")
            }
        }
        throw ExternalError("\(function) found no rate within \(RateSolver.bisectionSteps) bisection steps "
                            + "(last interval \(percentText(lo)) to \(percentText(hi)))")
    }
}

extension StandardLibrary {
    static func addSolvers(_ p: inout Plugin) {
        // RATE(nper, pmt, pv, [fv], [type], [guess]). Named rate: a plugin function name
        // cannot be reused by a program, and `rate` is too common a parameter name to take.
        p.function("rate",
                   "(periods: number, payment: number, pv: number, [fv: number, type: int, guess: percent]) -> percent",
                   "(periods: number, payment: money, pv: money, [fv: money, type: int, guess: percent]) -> percent",
                   summary: "the periodic rate at which level payments pay off pv and leave fv (RATE)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let n = try positivePeriods(args, 0), pmt = try args.amount(1), pv = try args.amount(2)
            let fv = try args.amount(3, default: .zero), t = try args.paymentType(4), guess = try args.guess(5)
            let signs = [pmt, pv, fv].filter { $0 != .zero }.map { $0 > .zero }
            guard signs.contains(true), signs.contains(false) else {
                throw args.error("the payment, pv and fv must not all have the same sign (money paid out is negative, "
                              + "money received positive), so no rate balances them")
            }
            return .decimal(try RateSolver(function: args.callee.function).solve(guess: guess) { r throws(ArithmeticError) in
                try Annuity.balance(r, n, pmt, pv, fv, t)
            })
        }

        // IRR(values, [guess])
        p.function("irr",
                   "(values: list<number>, [guess: percent]) -> percent",
                   "(values: list<money>, [guess: percent]) -> percent",
                   summary: "the internal rate of return of cash flows one period apart (IRR)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let flows = try args.amounts(0), guess = try args.guess(1)
            return .decimal(try internalRate(args, flows, guess: guess))
        }

        // XIRR(values, dates, [guess]): actual/365 from the first date.
        p.function("xirr",
                   "(values: list<number>, dates: list<date>, [guess: percent]) -> percent",
                   "(values: list<money>, dates: list<date>, [guess: percent]) -> percent",
                   summary: "the annual internal rate of return of cash flows on given dates, actual/365 (XIRR)") { args throws(ExternalError) in
            try args.requireOneCurrency()
            let flows = try args.amounts(0), guess = try args.guess(2)
            var dates: [CivilDate] = []
            for v in try args.list(1) {
                guard case .date(let d) = v else { throw args.argumentError(1, "must be a list of dates") }
                dates.append(d)
            }
            guard flows.count == dates.count else {
                throw args.error("the values and the dates must pair up, but there are \(flows.count) values and \(dates.count) dates")
            }
            try requireSignChange(args, flows)
            guard let first = dates.first else { throw args.error("no cash flows") }
            var years: [FixedDecimal] = []
            for (i, d) in dates.enumerated() {
                let days = first.days(to: d)
                guard days >= 0 else { throw args.error("date \(i + 1) (\(d)) is before the first date (\(first))") }
                years.append(try args.compute { () throws(ArithmeticError) in try FixedDecimal(days).divided(by: FixedDecimal(365)) })
            }
            return .decimal(try RateSolver(function: args.callee.function).solve(guess: guess) { r throws(ArithmeticError) in
                try datedValue(flows, years, r)
            })
        }
    }

    /// The IRR of cash flows one period apart, shared with apr_irr and ear_irr.
    static func internalRate(_ args: Arguments, _ flows: [FixedDecimal], guess: FixedDecimal) throws(ExternalError) -> FixedDecimal {
        try requireSignChange(args, flows)
        return try RateSolver(function: args.callee.function).solve(guess: guess) { r throws(ArithmeticError) in
            try Discounting.presentValue(flows, r)
        }
    }

    /// A rate of return needs money both ways.
    static func requireSignChange(_ args: Arguments, _ flows: [FixedDecimal]) throws(ExternalError) {
        guard flows.contains(where: { $0 > .zero }), flows.contains(where: { $0 < .zero }) else {
            throw args.error("the cash flows need at least one positive and one negative value to have a rate of return"
                          + (flows.isEmpty ? " (the list is empty)" : ""))
        }
    }

    /// Σ v_i (1 + r)^(−y_i) and its derivative −Σ y_i v_i (1 + r)^(−y_i − 1), y_i in years.
    static func datedValue(_ flows: [FixedDecimal], _ years: [FixedDecimal], _ r: FixedDecimal) throws(ArithmeticError)
        -> (FixedDecimal, FixedDecimal) {
        let base = try FixedDecimal.one.adding(r)
        let logBase = try base.ln()
        var value = FixedDecimal.zero, weighted = FixedDecimal.zero
        for (v, y) in zip(flows, years) {
            let term = try v.multiplied(by: try y.multiplied(by: logBase).negated().exp())
            value = try value.adding(term)
            weighted = try weighted.adding(try y.multiplied(by: term))
        }
        return (value, try weighted.divided(by: base).negated())
    }
}
