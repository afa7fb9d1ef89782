import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues
import XCTest

/// Calls of small rules and of tables of literal rows are compiled in place (no frame):
/// what they count, the errors they give and the what-ifs they see are those of a call.
final class InPlaceCallTests: XCTestCase {
    let source = """
    product P {
      table fee(n: int) -> percent {
        3 => 2.5%
        6 => 4.5%
        else => 0%
      }
      table strict(n: int) -> int {
        1 => 10
      }
      rule inner(x: int) -> number = 10 / x
      rule outer(x: int) -> number = inner(x) + 1
      rule one(x: int) -> int = x + 1
      rule three(x: int) -> int = one(x) + one(x) + one(x)
      rule cost(n: int) -> percent = fee(n)
      rule checked(n: int) -> int = strict(n)
    }
    """

    func testAnErrorInARuleCalledInPlaceNamesEachCall() {
        let run = Run(source)
        guard case .failure(let error)? = run.evaluate("P.outer(0)") else { return XCTFail("P.outer(0) must fail") }
        XCTAssertEqual(error.message, "division by zero")
        guard error.trace.count == 2 else { return XCTFail("\(error.trace)") }
        XCTAssertTrue(error.trace[0].hasPrefix("in P.inner, called at t.suan:11:"), error.trace[0])
        XCTAssertTrue(error.trace[1].hasPrefix("in P.outer, called at <expr>:1:1"), error.trace[1])
        XCTAssertEqual(run.failure("P.checked(2)"), "t.suan:7:9: no row of table 'P.strict' matches n = 2")
    }

    func testCallsInPlaceAreStepsOfTheBudget() {
        let run = Run(source)
        run.machine.maxSteps = 4
        XCTAssertEqual(run.show("P.three(1)"), "6")
        run.machine.maxSteps = 3
        guard case .failure(let error)? = run.evaluate("P.three(1)") else { return XCTFail("3 steps must not be enough") }
        XCTAssertTrue(error.message.hasPrefix("this evaluation took more than 3 steps"), error.message)
        XCTAssertTrue(error.message.hasSuffix(", while running P.three"), error.message)
    }

    func testATableLookedUpInPlaceSeesWhatIfRows() throws {
        let run = Run(source)
        guard let fee = run.checked.functions.firstIndex(where: { $0.qualifiedName == "P.fee" }) else { return XCTFail("no P.fee") }
        XCTAssertEqual(run.show("P.cost(3)"), "2.5%")
        let changed = try run.machine.withChanges([.row(table: fee, keys: [.decimal(FixedDecimal(3))], .decimal(FixedDecimal(units: 90_000_000_000_000_000)))]) {
            () throws(RuntimeError) -> String in run.show("P.cost(3)") + " " + run.show("P.cost(6)") + " " + run.show("P.fee(3)")
        }
        XCTAssertEqual(changed, "9% 4.5% 9%")
        XCTAssertEqual(run.show("P.cost(3)"), "2.5%")
        XCTAssertEqual(run.show("P.cost(7)"), "0%")
    }
}
