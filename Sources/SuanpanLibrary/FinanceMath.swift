import SuanpanValues

/// The growth of one unit over `n` periods at rate `r`, the building block of every annuity
/// formula: g = (1 + r)^n, s = ((1 + r)^n − 1) / r (the future value of n unit payments; n when
/// r = 0), and their derivatives in r for Newton's method.
///
/// For small |n·r| the difference g − 1 would cancel most of its digits, so s is summed from its
/// binomial series instead: s = Σ_{k≥1} C(n, k) r^(k−1). It is finite for whole n and converges
/// fast (each term at most a tenth of the one before) for any n.
struct Growth {
    /// (1 + r)^n.
    let g: FixedDecimal
    /// ((1 + r)^n − 1) / r, or n when r = 0.
    let s: FixedDecimal
    /// d g / d r = n (1 + r)^(n − 1).
    let dg: FixedDecimal
    /// d s / d r.
    let ds: FixedDecimal

    /// The series is used when |n·r| is at most this: 0.1.
    static let seriesLimit = FixedDecimal(units: 100_000_000_000_000_000)
    /// More terms than the series ever needs at 18 digits (about 20 when |n·r| ≤ 0.1).
    static let seriesTerms = 100

    /// - Requires: r > −1 (checked by the callers; a violation throws, never traps). A negative n
    ///   discounts: g = (1 + r)^−|n| and −s = (1 − (1 + r)^−|n|) / r, the present value of |n|
    ///   unit payments.
    init(rate r: FixedDecimal, periods n: FixedDecimal) throws(ArithmeticError) {
        guard r > FixedDecimal.minusOne else { throw .invalidArgument("the rate must be above -100%") }
        let base = try FixedDecimal.one.adding(r)
        if try n.multiplied(by: r).magnitude <= Growth.seriesLimit {
            let (sum, slope) = try Growth.series(r, n)
            s = sum
            ds = slope
            g = try FixedDecimal.one.adding(try r.multiplied(by: sum))
            dg = try n.multiplied(by: g).divided(by: base)
        } else {
            g = try base.power(n)
            s = try g.subtracting(.one).divided(by: r)
            dg = try n.multiplied(by: g).divided(by: base)
            ds = try dg.subtracting(s).divided(by: r)          // s' = (g' − s) / r
        }
    }

    /// s and s' from the binomial series: s = Σ_{k≥1} c_k r^(k−1) and s' = Σ_{k≥2} (k−1) c_k r^(k−2),
    /// with c_1 = n and c_{k+1} = c_k (n − k) / (k + 1).
    static func series(_ r: FixedDecimal, _ n: FixedDecimal) throws(ArithmeticError) -> (FixedDecimal, FixedDecimal) {
        var s = n                                   // k = 1: c_1 r^0
        var u = try n.multiplied(by: n.subtracting(.one)).divided(by: .two)   // c_2 r^0
        var ds = FixedDecimal.zero
        var k = 2
        while k <= seriesTerms {
            // term_k = c_k r^(k−1) = u_k · r, where u_k = c_k r^(k−2).
            let term = try u.multiplied(by: r)
            let dterm = try u.multiplied(by: FixedDecimal(k - 1))
            if term == .zero && dterm == .zero { break }
            s = try s.adding(term)
            ds = try ds.adding(dterm)
            // u_{k+1} = c_{k+1} r^(k−1) = u_k · r · (n − k) / (k + 1).
            u = try u.multiplied(by: r).multiplied(by: n.subtracting(FixedDecimal(k))).divided(by: FixedDecimal(k + 1))
            k += 1
        }
        return (s, ds)
    }
}

/// Spreadsheet annuity formulas (Excel, LibreOffice), for r > −1, with t = 0 or 1 (payments at
/// the end or at the beginning of each period). They all balance
/// pv·(1+r)^n + pmt·(1+r·t)·((1+r)^n − 1)/r + fv = 0.
enum Annuity {
    /// PMT(r, n, pv, fv, t) = −(fv + pv·g) / ((1 + r·t)·s).
    static func payment(_ r: FixedDecimal, _ n: FixedDecimal, _ pv: FixedDecimal, _ fv: FixedDecimal,
                        _ t: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let growth = try Growth(rate: r, periods: n)
        let numerator = try fv.adding(try pv.multiplied(by: growth.g))
        let denominator = try timing(r, t).multiplied(by: growth.s)
        return try numerator.divided(by: denominator).negated()
    }

    /// FV(r, n, pmt, pv, t) = −(pv·g + pmt·(1 + r·t)·s).
    static func futureValue(_ r: FixedDecimal, _ n: FixedDecimal, _ pmt: FixedDecimal, _ pv: FixedDecimal,
                            _ t: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let growth = try Growth(rate: r, periods: n)
        let payments = try pmt.multiplied(by: timing(r, t)).multiplied(by: growth.s)
        return try pv.multiplied(by: growth.g).adding(payments).negated()
    }

    /// PV(r, n, pmt, fv, t) = −(fv + pmt·(1 + r·t)·s) / g.
    static func presentValue(_ r: FixedDecimal, _ n: FixedDecimal, _ pmt: FixedDecimal, _ fv: FixedDecimal,
                             _ t: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let growth = try Growth(rate: r, periods: n)
        let payments = try pmt.multiplied(by: timing(r, t)).multiplied(by: growth.s)
        return try fv.adding(payments).divided(by: growth.g).negated()
    }

    /// IPMT as LibreOffice computes it: the interest part of payment `per` (1-based).
    /// Period 1 with payments in advance has no interest; otherwise it is r times the balance
    /// before the payment, which is FV after per − 1 periods (per − 2 and less the payment in advance).
    static func interest(_ r: FixedDecimal, _ per: Int, _ n: FixedDecimal, _ pv: FixedDecimal, _ fv: FixedDecimal,
                         _ t: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        let pmt = try payment(r, n, pv, fv, t)
        let balance: FixedDecimal
        if per == 1 {
            balance = t == .one ? .zero : try pv.negated()
        } else if t == .one {
            balance = try futureValue(r, FixedDecimal(per - 2), pmt, pv, .one).subtracting(pmt)
        } else {
            balance = try futureValue(r, FixedDecimal(per - 1), pmt, pv, .zero)
        }
        return try balance.multiplied(by: r)
    }

    /// 1 + r·t.
    static func timing(_ r: FixedDecimal, _ t: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        try FixedDecimal.one.adding(try r.multiplied(by: t))
    }

    /// The balance the annuity leaves, as a function of the rate, and its derivative:
    /// pv·g + pmt·(1 + r·t)·s + fv. Its root in r is RATE. For a positive rate it is divided by
    /// g > 0 (same sign, same roots): pv + pmt·(1 + r·t)·a + fv·v with v = (1 + r)^−n and
    /// a = (1 − v) / r, which cannot overflow however many periods there are.
    static func balance(_ r: FixedDecimal, _ n: FixedDecimal, _ pmt: FixedDecimal, _ pv: FixedDecimal,
                        _ fv: FixedDecimal, _ t: FixedDecimal) throws(ArithmeticError) -> (FixedDecimal, FixedDecimal) {
        let w = try timing(r, t)
        if r > .zero {
            // Growth over −n periods: g = v, s = −a, so the value is pv − pmt·w·s + fv·g.
            let discount = try Growth(rate: r, periods: n.negated())
            let value = try pv.subtracting(try pmt.multiplied(by: w).multiplied(by: discount.s))
                .adding(try fv.multiplied(by: discount.g))
            let slope = try fv.multiplied(by: discount.dg).subtracting(
                try pmt.multiplied(by: try t.multiplied(by: discount.s).adding(try w.multiplied(by: discount.ds))))
            return (value, slope)
        }
        let growth = try Growth(rate: r, periods: n)
        let value = try pv.multiplied(by: growth.g)
            .adding(try pmt.multiplied(by: w).multiplied(by: growth.s)).adding(fv)
        // d/dr [pmt·(1 + r·t)·s] = pmt·(t·s + (1 + r·t)·s').
        let slope = try pv.multiplied(by: growth.dg)
            .adding(try pmt.multiplied(by: try t.multiplied(by: growth.s).adding(try w.multiplied(by: growth.ds))))
        return (value, slope)
    }
}

/// Discounting a series of cash flows one period apart, by Horner's scheme (one division per
/// flow, no powers): Σ v_i / (1 + r)^i for i = 0, 1, …, and its derivative in r. The derivative
/// is larger than the value near −100%; where only it overflows it is reported as zero (unknown),
/// which stops Newton's method and leaves the value to bisection.
enum Discounting {
    static func presentValue(_ flows: [FixedDecimal], _ r: FixedDecimal) throws(ArithmeticError) -> (FixedDecimal, FixedDecimal) {
        let base = try FixedDecimal.one.adding(r)
        var value = FixedDecimal.zero
        for v in flows.reversed() { value = try value.divided(by: base).adding(v) }
        return (value, (try? slope(flows, base)) ?? .zero)
    }

    /// d/dr Σ v_i (1 + r)^−i = −Σ i·v_i (1 + r)^−(i+1), by the same scheme.
    static func slope(_ flows: [FixedDecimal], _ base: FixedDecimal) throws(ArithmeticError) -> FixedDecimal {
        var weighted = FixedDecimal.zero
        for (i, v) in flows.enumerated().reversed() {
            weighted = try weighted.divided(by: base).adding(try v.multiplied(by: FixedDecimal(i)))
        }
        return try weighted.divided(by: base).negated()
    }
}
