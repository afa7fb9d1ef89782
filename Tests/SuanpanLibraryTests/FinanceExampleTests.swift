import Foundation
import Suanpan
import SuanpanRuntime
import XCTest

/// The example products that use the finance plugin: their test blocks reproduce the figures of
/// PRODUCTS.md §2 (Huabei) and §3 (Jiebei, MYbank) through the plugin.
final class FinanceExampleTests: FinanceTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    func runExample(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [TestOutcome] {
        let path = Self.examples.appendingPathComponent(name).path
        switch Program.load(paths: [path]) {
        case .success(let (program, _)):
            let outcomes = program.runTests()
            for o in outcomes { XCTAssertTrue(o.passed, "\(name): \(o.name): \(o.failures)", file: file, line: line) }
            return outcomes
        case .failure(let failure):
            XCTFail(failure.diagnostics.map { $0.rendered() }.joined(separator: "\n"), file: file, line: line)
            return []
        }
    }

    func testJiebeiExamplePasses() {
        let names = runExample("jiebei.suan").map(\.name)
        XCTAssertEqual(names.count, 9)
        XCTAssertTrue(names.contains("a what-if: Jiebei at MYbank's daily rate costs what MYbank does, and Jiebei itself is unchanged"))
        XCTAssertTrue(names.contains("the balance after each period of 10,000 CNY over 12 months at 1.2%, carried period by period"))
        XCTAssertTrue(names.contains("MYbank at 0.03% a day (0.9% a month): 1,719.56 over 6 months, 882.88 over 12"))
    }

    func testHuabeiExamplePasses() {
        XCTAssertEqual(runExample("huabei.suan").count, 5)
    }

    func testJiebeiPrints() throws {
        let path = Self.examples.appendingPathComponent("jiebei.suan").path
        guard case .success(let (program, _)) = Program.load(paths: [path]) else { return XCTFail("jiebei.suan did not load") }
        var lines: [String] = []
        try program.runPrints { lines.append($0) }
        XCTAssertEqual(lines, [
            "Jiebei 10,000 CNY: 30 days cost 120.00 CNY ; 12 monthly installments of 899.75 CNY",
            "Jiebei 0.04%/day is 14.6%/year simple, 15.716% compounded daily, APR of 12 installments 14.4%",
            "MYbank 0.03%/day on the average 31,000.00 CNY balance: a month costs 279.00 CNY",
        ])
    }

    func testJiebeiRateIsAParameter() throws {
        let path = Self.examples.appendingPathComponent("jiebei.suan").path
        guard case .success(let (program, _)) = Program.load(paths: [path]) else { return XCTFail("jiebei.suan did not load") }
        XCTAssertEqual(program.setParameter("Jiebei.daily_rate=0.03%/day").map(\.message), [])
        if case .value(let v, let t) = program.evaluate("Jiebei.monthly_payment(10000 CNY, 12)") {
            XCTAssertEqual(Format.display(v, t), "882.88 CNY")   // the MYbank figure at MYbank's rate
        } else {
            XCTFail("Jiebei.monthly_payment did not evaluate")
        }
    }

    /// MYbank is Jiebei with another daily rate: its own parameter, which `--set` changes
    /// for MYbank alone. 10,000 CNY over 12 months at 0.04% × 30 = 1.2% a month is 899.75.
    func testTheMYbankVariantHasAParameterOfItsOwn() throws {
        let path = Self.examples.appendingPathComponent("jiebei.suan").path
        guard case .success(let (program, _)) = Program.load(paths: [path]) else { return XCTFail("jiebei.suan did not load") }
        XCTAssertEqual(program.setParameter("MYbank.daily_rate=0.04%/day").map(\.message), [])
        for (expression, shown) in [("MYbank.monthly_payment(10000 CNY, 12)", "899.75 CNY"),
                                    ("Jiebei.monthly_payment(10000 CNY, 6)", "1,737.36 CNY"),
                                    ("MYbank.monthly_rate", "1.2%/month")] {
            guard case .value(let v, let t) = program.evaluate(expression) else { XCTFail(expression); continue }
            XCTAssertEqual(Format.display(v, t), shown, expression)
        }
        XCTAssertEqual(program.setParameter("MYbank.monthly_rate=1%/month").map(\.message),
                       ["'MYbank.monthly_rate' is a constant (let), computed from the parameters, so it cannot be set"])
    }
}
