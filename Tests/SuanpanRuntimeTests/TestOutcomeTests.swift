import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import XCTest

/// What `Machine.run(test)` reports for each kind of test statement.
final class TestOutcomeTests: XCTestCase {
    func outcomes(_ source: String) -> [TestOutcome] {
        let run = Run(source, path: "x.suan")
        return run.checked.tests.map { run.machine.run($0) }
    }

    func testPassingStatements() {
        let result = outcomes("""
        test "all good" {
          let fee = 1200.00 CNY * 8.8%
          expect fee == 105.60 CNY
          expect fee > 100 CNY and fee < 106 CNY
          expect error 1 / 0
          expect error 1 / 0 with "division by zero"
          expect error fail("boom: 中文") with "中文"
        }
        """)
        XCTAssertEqual(result.map(\.name), ["all good"])
        XCTAssertEqual(result.first?.failures, [])
        XCTAssertEqual(result.first?.passed, true)
    }

    func testAFailingComparisonReportsBothSides() {
        let result = outcomes("test \"t\" {\n  expect 1200.00 CNY * 8.8% == 105.00 CNY\n  expect \"a\" + \"b\" != \"ab\"\n}")
        XCTAssertEqual(result.first?.passed, false)
        XCTAssertEqual(result.first?.failures, [
            "x.suan:2:3: expected 1200.00 CNY * 8.8% == 105.00 CNY\n      left:  105.60 CNY\n      right: 105.00 CNY",
            "x.suan:3:3: expected \"a\" + \"b\" != \"ab\"\n      left:  \"ab\"\n      right: \"ab\"",
        ])
    }

    func testEveryExpectationIsTriedAfterAFailure() {
        let result = outcomes("test \"t\" {\n  expect false\n  expect 1 < 2\n  expect 2 < 1\n}")
        XCTAssertEqual(result.first?.failures.count, 2)
        XCTAssertEqual(result.first?.failures.first, "x.suan:2:3: expected false to be true")
        XCTAssertTrue(result.first?.failures.last?.hasPrefix("x.suan:4:3: expected 2 < 1") ?? false)
    }

    func testExpectErrorFailures() {
        let result = outcomes("""
        test "t" {
          expect error 1 / 1
          expect error 1 / 0 with "overflow"
          expect error "x"
        }
        """)
        XCTAssertEqual(result.first?.failures, [
            "x.suan:2:3: expected an error, got 1",
            "x.suan:3:3: expected an error containing \"overflow\", got: division by zero",
            "x.suan:4:3: expected an error, got \"x\"",
        ])
    }

    func testAnErrorInsideAnExpectationIsAFailureWithItsPosition() {
        let result = outcomes("test \"t\" {\n  expect 1 / 0 == 1\n  expect [1][5] == 1\n}")
        XCTAssertEqual(result.first?.failures.count, 2)
        XCTAssertEqual(result.first?.failures.first, "x.suan:2:10: error: division by zero")
        XCTAssertTrue(result.first?.failures.last?.hasPrefix("x.suan:3:10: error: index 5 is out of range") ?? false)
    }

    func testAFailingLetStopsTheTest() {
        let result = outcomes("test \"t\" {\n  let x = 1 / 0\n  expect x == 1\n  expect false\n}")
        XCTAssertEqual(result.first?.failures, ["x.suan:2:11: error: division by zero"])
    }

    func testPrintInsideATestIsCollected() {
        let result = outcomes("test \"t\" {\n  let r = 14.6%/year\n  print \"rate\", r, daily(r)\n  print [\"a\"]\n}")
        XCTAssertEqual(result.first?.output, ["rate 14.6%/year 0.04%/day", "[\"a\"]"])
        XCTAssertEqual(result.first?.passed, true)
    }

    func testTestsAreIndependentAndKeepTheirOrder() {
        let result = outcomes("""
        test "first" { expect 1 == 1 }
        test "second" { expect 1 == 2 }
        test "third" { expect error [1][1] with "out of range" }
        """)
        XCTAssertEqual(result.map(\.name), ["first", "second", "third"])
        XCTAssertEqual(result.map(\.passed), [true, false, true])
    }
}
