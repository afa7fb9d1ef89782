import SuanpanChecker
import SuanpanSyntax
import XCTest

/// The unit algebra of CheckOperators.swift: what each combination of units yields.
final class UnitAlgebraTests: XCTestCase {
    func testLiteralTypes() {
        let cases: [(String, String)] = [
            ("7", "int"), ("7.0", "number"), ("1_200.50", "number"), ("2.5%", "percent"),
            ("0.04%/day", "rate/day"), ("1.2%/month", "rate/month"), ("14.6%/year", "rate/year"),
            ("1200.00 CNY", "money<CNY>"), ("100 JPY", "money<JPY>"), ("40 days", "days"), ("2 weeks", "days"),
            ("3 months", "months"), ("1 year", "months"), ("2020-06-30", "date"), ("\"s\"", "string"),
            ("true", "bool"), ("[1, 2]", "list<int>"), ("[1, 2.5]", "list<number>"), ("[[1 CNY]]", "list<list<money<CNY>>>"),
            ("half_up", "rounding"),
        ]
        for (expression, type) in cases { XCTAssertEqual(typeOf(expression), type, expression) }
    }

    func testMultiplication() {
        let cases: [(String, String)] = [
            ("1200.00 CNY * 8.8%", "money<CNY>"),
            ("8.8% * 1200.00 CNY", "money<CNY>"),
            ("1200.00 CNY * 3", "money<CNY>"),
            ("2.5 * 100 JPY", "money<JPY>"),
            ("1000 CNY * 0.05%/day", "money<CNY>/day"),
            ("0.05%/day * 1000 CNY", "money<CNY>/day"),
            ("1000 CNY * 0.05%/day * 30 days", "money<CNY>"),
            ("30 days * (1000 CNY * 0.05%/day)", "money<CNY>"),
            ("1000 CNY * 1%/month * 3 months", "money<CNY>"),
            ("1000 CNY * 12%/year * 6 months", "money<CNY>"),
            ("0.05%/day * 30 days", "percent"),
            ("30 days * 0.05%/day", "percent"),
            ("1.5%/month * 2 months", "percent"),
            ("14.6%/year * 6 months", "percent"),
            ("0.05%/day * 2", "rate/day"),
            ("2 weeks * 2", "days"),
            ("2 * 2 weeks", "days"),
            ("7 * 2", "int"),
            ("7 * 2.5", "number"),
            ("2.5 * 7", "number"),
            ("2% * 3", "percent"),
            ("3 * 2%", "percent"),
            ("2% * 3%", "percent"),
        ]
        for (expression, type) in cases { XCTAssertEqual(typeOf(expression), type, expression) }
    }

    func testDivision() {
        let cases: [(String, String)] = [
            ("7 / 2", "number"),
            ("7.0 / 2", "number"),
            ("12% / 12", "percent"),
            ("12% / 12 months", "rate/month"),
            ("12% / 30 days", "rate/day"),
            ("100 CNY / 4", "money<CNY>"),
            ("100 CNY / 1 CNY", "number"),
            ("100 CNY / 30 days", "money<CNY>/day"),
            ("0.05%/day / 2", "rate/day"),
            ("0.05%/day / 0.01%/day", "number"),
            ("60 days / 30 days", "number"),
            ("2 / 4%", "number"),
        ]
        for (expression, type) in cases { XCTAssertEqual(typeOf(expression), type, expression) }
    }

    func testAdditionAndSubtraction() {
        let cases: [(String, String)] = [
            ("7 + 2", "int"),
            ("7 - 2.5", "number"),
            ("1% + 2%", "percent"),
            ("1 + 2%", "number"),
            ("1 CNY + 2.5 CNY", "money<CNY>"),
            ("0.04%/day + 0.01%/day", "rate/day"),
            ("40 days + 2 weeks", "days"),
            ("1 year + 1 month", "months"),
            ("2020-07-31 - 2020-07-01", "days"),
            ("2020-01-01 + 1 month", "date"),
            ("2020-01-01 - 40 days", "date"),
            ("1 day + 2020-01-01", "date"),
            ("\"a\" + \"b\"", "string"),
            ("-5 CNY", "money<CNY>"),
            ("-0.05%/day", "rate/day"),
            ("-(3 days)", "days"),
            ("2 ^ 3", "number"),
            ("(1 + 1%) ^ 12", "number"),
        ]
        for (expression, type) in cases { XCTAssertEqual(typeOf(expression), type, expression) }
    }

    func testComparisonsLogicAndConditionals() {
        let cases: [(String, String)] = [
            ("1 < 2.5", "bool"), ("1 CNY >= 2 CNY", "bool"), ("2020-01-01 < 2020-01-02", "bool"),
            ("\"a\" < \"b\"", "bool"), ("[1] == [1, 2]", "bool"), ("true == false", "bool"),
            ("1 days == 2 days", "bool"), ("not (1 < 2) or true and false", "bool"),
            ("if true then 1 else 2.5", "number"), ("if true then [] else [1 CNY]", "list<money<CNY>>"),
        ]
        for (expression, type) in cases { XCTAssertEqual(typeOf(expression), type, expression) }
    }

    func testIntrinsics() {
        let cases: [(String, String)] = [
            ("round(1.005 CNY, 0.01, half_up)", "money<CNY>"),
            ("round(2.5)", "number"),
            ("round(7, half_up)", "int"),
            ("round(2, 0.5)", "number"),
            ("round(6.7631%, 0.001%, half_up)", "percent"),
            ("sum([1 CNY, 2 CNY])", "money<CNY>"),
            ("sum([1, 2])", "int"),
            ("average([1, 2])", "number"),
            ("average([1%, 2%])", "percent"),
            ("count([\"a\"])", "int"),
            ("min(1, 2.5)", "number"),
            ("max([2020-01-01, 2020-02-01])", "date"),
            ("abs(-1 CNY)", "money<CNY>"),
            ("prod([1.01, 1.02])", "number"),
            ("range(1, 12)", "list<int>"),
            ("annualize(0.04%/day)", "rate/year"),
            ("annualize(0.04%/day, 360)", "rate/year"),
            ("daily(14.6%/year)", "rate/day"),
            ("monthly(0.04%/day)", "rate/month"),
            ("monthly(12%/year)", "rate/month"),
            ("2020-06-30.day", "int"),
            ("[i * 2 for i in range(1, 3) where i > 1]", "list<int>"),
            ("if true then 1 CNY else fail(\"no\")", "money<CNY>"),
        ]
        for (expression, type) in cases { XCTAssertEqual(typeOf(expression), type, expression) }
    }
}
