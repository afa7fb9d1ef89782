import SuanpanLibrary
import XCTest

/// effect, nominal, annual_compound, apr_irr, ear_irr, apr_occupied. Expected values: mpmath at
/// 40 digits, rounded to 18 fraction digits, and PRODUCTS.md's figures.
final class FinanceRatesTests: FinanceTestCase {
    func testEffect() {
        // (1 + 0.12/12)^12 − 1 and Excel's example EFFECT(5.25%, 4) = 5.3543%; mpmath
        assertNear("effect(12%, 12)", "0.126825030131969721")
        assertNear("effect(5.25%, 4)", "0.053542667370758057")
        assertRuntimeError("effect(12%, 0)", "effect: argument 2 ('periods') must be at least 1, not 0")
    }

    func testNominal() {
        // Excel's example NOMINAL(5.3543%, 4) = 5.25%; 12·((1.1)^(1/12) − 1); mpmath
        assertNear("nominal(5.3543%, 4)", "0.052500319868355864")
        assertNear("nominal(10%, 12)", "0.095689685146844893")
        assertNear("nominal(effect(12%, 12), 12)", "0.12")
        assertShows("nominal(10%, 1)", "10% : percent")
        assertRuntimeError("nominal(10%, 0)", "nominal: argument 2 ('periods') must be at least 1, not 0")
        assertRuntimeError("nominal(-100%, 12)", "argument 1 ('effective') must be above -100%")
        assertCheckError("nominal(0.1, 12)", "argument 1 ('effective') of 'finance.nominal' must be percent, found number")
    }

    func testAnnualCompound() {
        // PRODUCTS.md §3: (1 + 0.04%)^365 − 1 = 15.716%; exact integer powers, mpmath
        assertNear("annual_compound(0.04%/day)", "0.157162407423171856")
        assertShows("round(annual_compound(0.04%/day), 0.001%, half_up)", "15.716% : percent")
        assertNear("annual_compound(0.04%/day, 360)", "0.154850857208131678")
        assertNear("annual_compound(0.03%/day)", "0.115701749047737466")
        assertNear("annual_compound(daily(10.95%/year))", "0.115701749047737466")
        // a monthly rate compounds 12 times: the same as effect(12 × m, 12)
        assertNear("annual_compound(1.2%/month)", "0.153894624182585988")
        assertNear("annual_compound(monthly(0.04%/day)) - effect(14.4%, 12)", "0")
        assertShows("annual_compound(0%/day)", "0% : percent")
        // the simple forms are the core's: annualize(r) and annualize(r, 360)
        assertShows("annualize(0.04%/day)", "14.6%/year : rate/year")
        assertShows("annualize(0.04%/day, 360)", "14.4%/year : rate/year")
        assertCheckError("annual_compound(0.04%)", "argument 1 ('rate') of 'finance.annual_compound' must be rate/day, found percent")
        assertCheckError("annual_compound(14.6%/year)", "must be rate/day, found rate/year")
        assertRuntimeError("annual_compound(0.04%/day, 0)", "argument 2 ('days_per_year') must be at least 1")
    }

    func testHuabeiEffectiveRates() {
        // PRODUCTS.md §2, 12 periods at 8.8% on 10,000 CNY by the cent rule:
        // monthly IRR 1.32203%, APR 15.864%, EAR 17.070%; mpmath findroot
        let plan = "[l.payment for l in installment_plan(10000 CNY, 12, 8.8%)]"
        assertNear("apr_irr(10000 CNY, \(plan))", "0.158644301690178614")
        assertNear("ear_irr(10000 CNY, \(plan))", "0.17070342516781987")
        assertShows("round(apr_irr(10000 CNY, \(plan)), 0.001%, half_up)", "15.864% : percent")
        assertShows("round(ear_irr(10000 CNY, \(plan)), 0.001%, half_up)", "17.07% : percent")
        assertShows("round(apr_irr(10000 CNY, \(plan)) / 12, 0.00001%, down)", "1.32203% : percent")   // 1.3220358…%
        // 1,200 CNY as 12 × 108.80: mpmath findroot
        assertNear("apr_irr(1200, [108.8 for k in range(1, 12)])", "0.158643261539463883")
        assertNear("ear_irr(1200, [108.8 for k in range(1, 12)])", "0.170702223348865787")
        // 3 periods at 2.5% (410.00 each): mpmath findroot
        assertNear("apr_irr(1200 CNY, [410.00 CNY, 410.00 CNY, 410.00 CNY])", "0.149383965390308275")
    }

    func testAprIrrTakesEitherSignConvention() {
        // payments as positive amounts or, as in a spreadsheet, opposite to the principal
        assertNear("apr_irr(1200, [-108.8 for k in range(1, 12)])", "0.158643261539463883")
        assertNear("apr_irr(-1200, [108.8 for k in range(1, 12)])", "0.158643261539463883")
    }

    func testAprIrrPeriodsPerYear() {
        // the same flows read as quarterly: IRR × 4; mpmath
        assertNear("apr_irr(1200, [108.8 for k in range(1, 12)], 4)", "0.052881087179821294")
        assertRuntimeError("apr_irr(1200, [108.8], 0)", "argument 3 ('periods_per_year') must be at least 1")
        assertRuntimeError("apr_irr(1200, [])", "argument 2 ('payments') must have at least one payment")
        assertRuntimeError("apr_irr(0, [1])", "argument 1 ('principal') must not be zero")
        // the checker reports the overload that fitted furthest (the money one), with every overload in the hint
        assertCheckError("apr_irr(1200 CNY, [108.8])", "argument 2 ('payments') of 'finance.apr_irr' must be list<money>, found list<number>")
    }

    func testJiebeiEqualInstallmentsCostTheirNominalRate() {
        // 10,000 CNY over 6 months at 1.2%: payments 1,737.36 × 5 and 1,737.37; mpmath findroot
        let payments = "[l.payment for l in equal_installment(10000 CNY, 1.2%, 6)]"
        assertNear("apr_irr(10000 CNY, \(payments))", "0.14399834278714534")
        assertShows("round(apr_irr(10000 CNY, \(payments)), 0.01%, half_up)", "14.4% : percent")
    }

    func testAprOccupied() {
        // PBoC Announcement No. 3 (2021): total × 24 / (n + 1); 8.8% × 24 / 13 = 16.246%
        assertNear("apr_occupied(8.8%, 12)", "0.162461538461538462")
        assertShows("round(apr_occupied(8.8%, 12), 0.001%, half_up)", "16.246% : percent")
        assertShows("apr_occupied(2.5%, 3)", "15% : percent")
        // quarterly repayments: total × 8 / (n + 1)
        assertNear("apr_occupied(4.5%, 6, 4)", "0.051428571428571429")
        assertRuntimeError("apr_occupied(8.8%, 0)", "argument 2 ('periods') must be at least 1, not 0")
        assertCheckError("apr_occupied(8.8, 12)", "argument 1 ('total_rate') of 'finance.apr_occupied' must be percent, found number")
    }
}
