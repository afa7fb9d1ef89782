@testable import SuanpanLibrary
import SuanpanRuntime
import SuanpanValues
import XCTest

/// rate (RATE), irr and xirr, and the solver under them. Expected values: mpmath.findroot
/// at 40 digits on the functions in FinanceSupportTests, rounded to 18 fraction digits.
final class FinanceSolverTests: FinanceTestCase {
    func testAnnuityRate() {
        // the Jiebei payment rounded to the cent costs a little under 1.2%: mpmath findroot
        assertNear("rate(12, -899.75, 10000)", "0.01199923350127904")
        assertNear("rate(60, -1500, 70000)", "0.008640005256538431")
        // no payments: (2000 / 1000)^(1/10) − 1
        assertNear("rate(10, 0, -1000, 2000)", "0.071773462536293164")
        // payments in advance: mpmath findroot
        assertNear("rate(48, -200, 8000, 0, 1)", "0.008052981923906034")
        assertNear("rate(12, -899.75 CNY, 10000 CNY)", "0.01199923350127904")
    }

    func testAnnuityRateInvertsPmt() {
        assertNear("rate(12, pmt(1.2%, 12, 10000), 10000)", "0.012")
        assertNear("rate(36, pmt(0.5%, 36, 20000, -5000, 1), 20000, -5000, 1)", "0.005")
        // no interest at all: the rate is zero
        assertNear("rate(12, -100, 1200)", "0")
    }

    func testAnnuityRateWhereNewtonFromTheDefaultGuessOverflows() {
        // From 10%, 1.1^360 × 300,000 leaves the decimal range; the bracketing fallback still finds
        // the rate, and so does Newton from a guess nearby. mpmath findroot from 0.5%.
        assertNear("rate(360, -1798.65, 300000)", "0.004999993193119217")
        assertNear("rate(360, -1798.65, 300000, 0, 0, 0.5%)", "0.004999993193119217")
    }

    func testAnnuityRateOverManyPeriods() {
        // 50 years monthly and 30 years daily: from the 10% guess Newton first overshoots below
        // zero, where halving toward −100% must not pass for convergence. mpmath findroot (anderson)
        // on pv + pmt·(1 − (1 + r)^−n)/r.
        assertNear("rate(600, -1000, 100000)", "0.009974066170012856")
        assertNear("rate(10950, -63.2, 100000)", "0.000631370250575374")
        // a million periods: the discounted form does not overflow; (1.01)^−1000000 is 0, so 1% exactly
        assertNear("rate(1000000, -1, 100)", "0.01")
    }

    func testIrrCloseToMinusOneHundredPercent() {
        // −10^18 + x + x² + x³ = 0 with x = 1/(1 + r): r = 1/x − 1, mpmath findroot at 50 digits
        assertNear("irr([-1000000000000000000, 1, 1, 1])", "-0.999998999999666666")
    }

    func testAnnuityRateWithoutASolutionFailsClearly() {
        // +10,000 now, −1,000 × 12, +5,000 at the end: the balance stays above 619 for every rate
        // (mpmath scan from −99.9% to 500%), so there is no rate to find.
        assertRuntimeError("rate(12, -1000, 10000, 5000)",
                           "rate found no rate: Newton's method from the guess 10% did not settle within 60 steps")
        assertRuntimeError("rate(12, -1000, 10000, 5000)", "no rate balances these cash flows")
        assertRuntimeError("rate(12, 100, 10000)", "the payment, pv and fv must not all have the same sign")
        assertRuntimeError("rate(12, -100, 1200, 0, 0, -100%)", "argument 6 ('guess') must be above -100%")
        assertRuntimeError("rate(0, -100, 1200)", "argument 1 ('periods') must be above 0")
    }

    func testIrr() {
        // Excel's documented IRR examples (8.7%, -2.1%, -44.4% with guess -10%); mpmath findroot
        assertNear("irr([-70000, 12000, 15000, 18000, 21000, 26000])", "0.086630948036531614")
        assertNear("irr([-70000, 12000, 15000, 18000, 21000])", "-0.021244848273410991")
        assertNear("irr([-70000, 12000, 15000], -10%)", "-0.44350694133474054")
        // Huabei 10,000 CNY over 12 periods at 8.8% (906.74, then 906.66 × 11): monthly 1.32203%
        assertNear("irr([if k == 0 then 10000 CNY else if k == 1 then -906.74 CNY else -906.66 CNY for k in range(0, 12)])", "0.013220358474181551")
        assertShows("irr([-100, 110])", "10% : percent")
    }

    func testIrrGuessPicksAmongSeveralRoots() {
        // −100 + 230/(1+r) − 132/(1+r)^2 = 0 has the roots 10% and 20% exactly.
        assertNear("irr([-100, 230, -132], 5%)", "0.1")
        assertNear("irr([-100, 230, -132], 30%)", "0.2")
    }

    func testIrrNeedsASignChange() {
        assertRuntimeError("irr([100, 200, 300])", "irr: the cash flows need at least one positive and one negative value")
        assertRuntimeError("irr([-1, -2])", "at least one positive and one negative value")
        assertRuntimeError("irr([0, 0])", "at least one positive and one negative value")
        assertRuntimeError("irr([])", "(the list is empty)")
        assertCheckError("irr([1, \"2\"])", "a list holds one type: found int and string")
        assertCheckError("irr(100)", "argument 1 ('values') of 'finance.irr' must be list<number>, found int")
    }

    func testXirr() {
        // Microsoft's XIRR example (0.373362535 = 37.34%); mpmath findroot, actual/365
        assertNear("xirr([-10000, 2750, 4250, 3250, 2750], [2008-01-01, 2008-03-01, 2008-10-30, 2009-02-15, 2009-04-01])",
                   "0.37336253351883151")
        assertNear("xirr([-1000 CNY, -500 CNY, 1800 CNY], [2020-01-01, 2020-07-01, 2021-06-30])", "0.146520151400420374")
        assertNear("xirr([-1000, -500, 1800], [2020-01-01, 2020-07-01, 2021-06-30], 50%)", "0.146520151400420374")
        // later dates need not be in order, only not before the first: mpmath findroot
        assertNear("xirr([-1000, 300, 800], [2020-01-01, 2021-01-01, 2020-07-01])", "0.162672668307338616")
        // one year apart: the plain rate of return
        assertNear("xirr([-100, 110], [2021-03-01, 2022-03-01])", "0.1")
    }

    func testXirrErrors() {
        assertRuntimeError("xirr([-1000, 300, 800], [2020-01-01, 2021-01-01])",
                           "xirr: the values and the dates must pair up, but there are 3 values and 2 dates")
        assertRuntimeError("xirr([-1000, 1100], [2020-01-01, 2019-12-31])", "date 2 (2019-12-31) is before the first date (2020-01-01)")
        assertRuntimeError("xirr([1000, 1100], [2020-01-01, 2021-01-01])", "at least one positive and one negative value")
        assertCheckError("xirr([-1, 2], [1, 2])", "argument 2 ('dates') of 'finance.xirr' must be list<date>, found list<int>")
    }

    // MARK: The solver itself

    func testBisectionFallbackFindsTheSignChangeNearestTheGuess() throws {
        let solver = RateSolver(function: "test")
        let target = try FixedDecimal.parse("0.0123")
        // A flat function away from the root stalls Newton (zero slope): bisection takes over.
        let r = try solver.solve(guess: try FixedDecimal.parse("0.5")) { x throws(ArithmeticError) in
            (x < target ? FixedDecimal.minusOne : x > target ? .one : .zero, .zero)
        }
        XCTAssertLessThanOrEqual(try r.subtracting(target).magnitude, FixedDecimal(units: 100))
    }

    func testSolverWithoutARootEndsWithAnError() {
        let solver = RateSolver(function: "test")
        XCTAssertThrowsError(try solver.solve(guess: .zero) { x throws(ArithmeticError) in
            (try x.multiplied(by: x).adding(.one), try x.multiplied(by: .two))   // x² + 1 > 0
        }) { error in
            XCTAssertTrue((error as? ExternalError)?.message.contains("test found no rate") == true, "\(error)")
        }
    }

    func testSolverSkipsRatesWhereTheValueOverflows() throws {
        let solver = RateSolver(function: "test")
        let r = try solver.solve(guess: try FixedDecimal.parse("1000")) { x throws(ArithmeticError) in
            guard x < FixedDecimal(5) else { throw .overflow }
            return (try x.subtracting(try FixedDecimal.parse("0.25")), .one)
        }
        XCTAssertLessThanOrEqual(try r.subtracting(try FixedDecimal.parse("0.25")).magnitude, FixedDecimal(units: 100))
    }
}
