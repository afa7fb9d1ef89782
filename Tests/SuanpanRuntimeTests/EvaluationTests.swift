import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues
import XCTest

/// Values of rules and tables, computed by hand from the products' published figures.
final class EvaluationTests: XCTestCase {
    let huabei = """
    record Bill { amount: money<CNY>, paid: money<CNY> = 0 CNY, days_overdue: days }
    product Huabei {
      param overdue_rate: rate/day = 0.05%/day
      table installment_fee(periods: int) -> percent {
        3 => 2.5%
        6 => 4.5%
        9 => 6.5%
        12 => 8.8%
      }
      rule fee(amount: money<CNY>, periods: int) -> money<CNY> = round(amount * installment_fee(periods), 0.01, half_even)
      rule overdue(bill: Bill) -> money<CNY> =
        round((bill.amount - bill.paid) * overdue_rate * bill.days_overdue, 0.01, half_up)
    }
    """

    func testRulesComputeTheKnownFigures() {
        let run = Run(huabei)
        let cases: [(String, String)] = [
            ("Huabei.fee(1200.00 CNY, 12)", "105.60 CNY"),            // 1200 × 8.8%
            ("Huabei.fee(1200.00 CNY, 3)", "30.00 CNY"),              // 1200 × 2.5%
            ("Huabei.fee(100.88 CNY, 9)", "6.56 CNY"),                // 6.5572 → 6.56
            ("Huabei.installment_fee(6)", "4.5%"),
            ("Huabei.overdue(Bill { amount: 500 CNY, days_overdue: 5 days })", "1.25 CNY"),     // 500 × 0.0005 × 5
            ("Huabei.overdue(Bill { amount: 1000 CNY, paid: 100 CNY, days_overdue: 30 days })", "13.50 CNY"),
            ("Huabei.overdue_rate * 365 days", "18.25%"),
        ]
        for (expression, shown) in cases { XCTAssertEqual(run.show(expression), shown, expression) }
    }

    func testArithmeticAndUnits() {
        let run = Run("")
        let cases: [(String, String)] = [
            ("1200.00 CNY * 8.8%", "105.60 CNY"),
            ("10000 CNY * 0.04%/day * 30 days", "120.00 CNY"),
            ("0.04%/day * 30 days", "1.2%"),
            ("12%/year * 6 months", "6%"),
            ("annualize(0.04%/day)", "14.6%/year"),
            ("daily(14.6%/year)", "0.04%/day"),
            ("2020-06-30 - 2020-01-01", "181 days"),
            ("2020-01-31 + 1 month", "2020-02-29"),
            ("2020-06-30 + 40 days", "2020-08-09"),
            ("7 / 2", "3.5"),
            ("2 ^ 10", "1024"),
            ("-2 ^ 2", "-4"),
            ("2 ^ 3 ^ 2", "512"),
            ("1 + 2%", "1.02"),
            ("100 JPY * 3", "300 JPY"),
            ("round(2.5)", "2"),
            ("round(3.5)", "4"),
            ("round(2.345 CNY, 0.01, half_up)", "2.35 CNY"),
            ("sum([i for i in range(1, 100)])", "5050"),
            ("count([i for i in range(1, 10) where i > 7])", "3"),
            ("[1, 2, 3][2]", "3"),
            ("if 1 < 2 then \"yes\" else \"no\"", "\"yes\""),
            ("min(3, 1, 2)", "1"),
            ("max([2020-01-01, 2021-01-01])", "2021-01-01"),
            ("2020-03-01.weekday", "7"),
        ]
        for (expression, shown) in cases { XCTAssertEqual(run.show(expression), shown, expression) }
    }

    func testTableRowsAreTriedInOrderFirstMatchWins() {
        let run = Run("""
        product P {
          table band(x: int, name: string) -> string {
            5, _ => "five"
            ..5, "a" => "low a"
            ..<5, _ => "low"
            5..10, _ => "mid"
            10.., _ => "high"
          }
          table tier(d: date) -> int {
            ..<2020-01-01 => 1
            2020-01-01..2020-12-31 => 2
            else => 3
          }
        }
        """)
        let cases: [(String, String)] = [
            ("P.band(5, \"a\")", "\"five\""), ("P.band(4, \"a\")", "\"low a\""), ("P.band(4, \"b\")", "\"low\""),
            ("P.band(-100, \"b\")", "\"low\""), ("P.band(10, \"b\")", "\"mid\""), ("P.band(11, \"b\")", "\"high\""),
            ("P.tier(2019-12-31)", "1"), ("P.tier(2020-12-31)", "2"), ("P.tier(2021-01-01)", "3"),
        ]
        for (expression, shown) in cases { XCTAssertEqual(run.show(expression), shown, expression) }
    }

    func testRuntimeErrorsCarryMessageAndPosition() {
        let run = Run("""
        let zero = 0
        let ratio = 10 / zero
        product P {
          table t(k: int) -> int {
            1 => 10
          }
          rule deep(n: int) -> int = deep(n + 1)
        }
        """)
        XCTAssertEqual(run.failure("1 / 0"), "<expr>:1:1: division by zero")
        XCTAssertEqual(run.failure("1 CNY + 1 CNY / (2 - 2)"), "<expr>:1:9: division by zero")
        XCTAssertEqual(run.failure("ratio"), "t.suan:2:13: division by zero")
        XCTAssertEqual(run.failure("100000000000 * 100000000000"),
                       "<expr>:1:1: arithmetic overflow: a number or amount must lie within about ±1.7e20")
        XCTAssertEqual(run.failure("2 ^ 1000"), "<expr>:1:1: arithmetic overflow: a number or amount must lie within about ±1.7e20")
        XCTAssertEqual(run.failure("9999-12-31 + 1 day"),
                       "<expr>:1:1: arithmetic overflow: the date would leave the calendar (years 1-9999)")
        XCTAssertEqual(run.failure("P.t(2)"), "t.suan:4:9: no row of table 'P.t' matches k = 2")
        XCTAssertEqual(run.failure("[1, 2, 3][3]"), "<expr>:1:1: index 3 is out of range: the list has 3 elements")
        XCTAssertEqual(run.failure("[1][-1]"), "<expr>:1:1: index -1 is out of range: the list has 1 element")
        XCTAssertEqual(run.failure("average([])"), "<expr>:1:1: average of an empty list")
        XCTAssertEqual(run.failure("min([])"), "<expr>:1:1: min of an empty list")
        XCTAssertEqual(run.failure("fail(\"stop \" + \"here\")"), "<expr>:1:1: stop here")
        XCTAssertEqual(run.failure("P.deep(0)"), "t.suan:7:30: rules nested more than 1,000 calls deep")
        // The limit holds for a recursion that would stop too: the hint says so and names the state forms.
        guard case .failure(let deep)? = run.evaluate("P.deep(0)") else { return XCTFail("P.deep(0) must fail") }
        XCTAssertEqual(deep.hint, "calls may nest at most 1,000 deep, even when they would stop later; "
                       + "for a long sequence go through a list with fold or scan instead of recursing: "
                       + "fold total = 0 CNY for b in bills => total + b.amount")
    }

    func testCurrencyMismatchAtRunTime() {
        // A field typed `money` learns its currency only at run time.
        let run = Run("""
        record Wallet { cash: money }
        let usd = Wallet { cash: 5 USD }
        rule need_cny(w: Wallet) -> money<CNY> = w.cash
        """)
        XCTAssertEqual(run.failure("usd.cash + 1 CNY"), "<expr>:1:1: cannot add USD and CNY")
        XCTAssertEqual(run.failure("usd.cash < 1 CNY"), "<expr>:1:1: cannot compare USD and CNY")
        XCTAssertEqual(run.failure("need_cny(usd)"), "t.suan:3:42: expected money in CNY, found USD")
        XCTAssertEqual(run.show("usd.cash * 2"), "10.00 USD")
        XCTAssertEqual(run.show("need_cny(Wallet { cash: 3 CNY })"), "3.00 CNY")
    }

    func testRoundingPolicyOfAProductAppliesToMoneyResults() {
        let run = Run("""
        product P {
          rounding half_up
          rule third(x: money<CNY>) = x / 3
          rule ratio(x: money<CNY>) = x / 3 CNY
        }
        product Q { rounding floor 0 places  rule third(x: money<CNY>) = x / 3 }
        """)
        XCTAssertEqual(run.show("P.third(100 CNY)"), "33.33 CNY")
        XCTAssertEqual(run.show("P.third(0.05 CNY)"), "0.02 CNY")
        XCTAssertEqual(run.show("P.ratio(1 CNY)"), "0.333333333333333333")
        XCTAssertEqual(run.show("Q.third(100 CNY)"), "33.00 CNY")
    }

    func testOverrideChangesAParameterForLaterEvaluations() throws {
        let run = Run("""
        product P {
          param rate: percent = 10%
          rule fee(x: money<CNY>) -> money<CNY> = x * rate
        }
        """)
        let slot = try XCTUnwrap(run.checked.product(named: "P")?.parameters.first { $0.name == "rate" }?.global)
        XCTAssertEqual(run.show("P.fee(100 CNY)"), "10.00 CNY")
        try run.machine.override(global: slot, with: .decimal(decimal("0.25")))
        XCTAssertEqual(run.show("P.fee(100 CNY)"), "25.00 CNY")
        XCTAssertEqual(run.show("P.rate"), "25%")
        XCTAssertEqual(Run("product P { param rate: percent = 10% }").show("P.rate"), "10%", "each run starts from the defaults")
    }

    func testOverrideBeforeFirstUseFeedsDependentConstants() throws {
        let run = Run("product P { param base: money<CNY> = 100 CNY  let doubled = base * 2 }")
        let slot = try XCTUnwrap(run.checked.product(named: "P")?.parameters.first?.global)
        try run.machine.override(global: slot, with: money("7", "CNY"))
        XCTAssertEqual(run.show("P.doubled"), "14.00 CNY")
    }

    func testOverrideAfterFirstUseRecomputesDependentConstants() throws {
        let run = Run("product P { param base: money<CNY> = 100 CNY  let doubled = base * 2 }")
        let slot = try XCTUnwrap(run.checked.product(named: "P")?.parameters.first?.global)
        XCTAssertEqual(run.show("P.doubled"), "200.00 CNY")
        try run.machine.override(global: slot, with: money("7", "CNY"))
        XCTAssertEqual(run.show("P.doubled"), "14.00 CNY")
        run.machine.removeOverride(global: slot)
        XCTAssertEqual(run.show("P.doubled"), "200.00 CNY")
    }

    func testOverrideRejectsAValueOfTheWrongType() throws {
        let run = Run("product P { param rate: percent = 10%  param fee: money<CNY> = 1 CNY }")
        let params = try XCTUnwrap(run.checked.product(named: "P")?.parameters)
        XCTAssertThrowsError(try run.machine.override(global: params[0].global, with: .string("oops")))
        XCTAssertThrowsError(try run.machine.override(global: params[1].global, with: money("1", "USD")))
        XCTAssertEqual(run.show("P.rate"), "10%")
    }

    /// A failure inside a comprehension names the item it happened for: its place in the list and a short display.
    func testAFailureInAComprehensionNamesTheItem() {
        let run = Run("""
        record Bill { amount: money<CNY>, periods: int, note: string }
        product P {
          table fee(periods: int) -> percent { 3 => 2.5%  6 => 4.5% }
        }
        let bills = [Bill { amount: 100 CNY, periods: 3, note: "a" }, Bill { amount: 200 CNY, periods: 5, note: "b" }]
        let long = [Bill { amount: 1 CNY, periods: 7, note: "\(String(repeating: "x", count: 100))" }]
        """)
        guard case .failure(let miss)? = run.evaluate("[P.fee(b.periods) for b in bills]") else { return XCTFail("must fail") }
        XCTAssertEqual(miss.message, "no row of table 'P.fee' matches periods = 5")
        XCTAssertEqual(miss.trace.last, "at item 2 of 2 of bills (bills[1]): Bill { amount: 200.00 CNY, periods: 5, note: \"b\" }")
        // In the filter too, and a long item is cut short.
        guard case .failure(let filtered)? = run.evaluate("[b for b in long where P.fee(b.periods) > 1%]") else { return XCTFail("must fail") }
        let last = filtered.trace.last ?? ""
        XCTAssertTrue(last.hasPrefix("at item 1 of 1 of long (long[0]): Bill { amount: 1.00 CNY, periods: 7, note: \"xxx"), last)
        XCTAssertTrue(last.hasSuffix("…"), last)
        // Nested comprehensions name the item of each list, innermost first.
        guard case .failure(let nested)? = run.evaluate("[[P.fee(b.periods) for b in bills] for n in [1, 2]]") else { return XCTFail("must fail") }
        XCTAssertEqual(nested.trace.suffix(2), ["at item 2 of 2 of bills (bills[1]): Bill { amount: 200.00 CNY, periods: 5, note: \"b\" }",
                                               "at item 1 of 2 of [1, 2]: 1"])
        // A fold's or a scan's step too.
        guard case .failure(let folded)? = run.evaluate("fold s = 0% for b in bills => s + P.fee(b.periods)") else { return XCTFail("must fail") }
        XCTAssertEqual(folded.trace.last, "at item 2 of 2 of bills (bills[1]): Bill { amount: 200.00 CNY, periods: 5, note: \"b\" }")
        guard case .failure(let scanned)? = run.evaluate("scan s = 0% for b in bills => s + P.fee(b.periods)") else { return XCTFail("must fail") }
        XCTAssertEqual(scanned.trace.last, folded.trace.last)
        // And a sort's or a group's key.
        guard case .failure(let sorted)? = run.evaluate("sort b in bills by P.fee(b.periods)") else { return XCTFail("must fail") }
        XCTAssertEqual(sorted.trace.last, folded.trace.last)
        guard case .failure(let grouped)? = run.evaluate("group b in bills by P.fee(b.periods)") else { return XCTFail("must fail") }
        XCTAssertEqual(grouped.trace.last, folded.trace.last)
    }
}
