@testable import SuanpanLibrary
import SuanpanPlugin
import SuanpanValues
import XCTest

/// The math plugin. Expected figures are worked out by hand or with Python, as noted: floored
/// division with `fractions.Fraction` and `math.floor`; roots and logarithms with `decimal` at
/// 60 digits, rounded half-even to 18 fraction digits; percentiles by hand and checked with
/// `numpy.percentile` (its default, linear, is PERCENTILE.INC); standard deviations from the
/// exact `Fraction` variance, square-rooted with `decimal` at 80 digits.
final class MathTests: XCTestCase {
    private let eval = LibraryEvaluator()

    /// Each expression with what it must show.
    func check(_ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (expression, expected) in cases {
            XCTAssertEqual(eval.show(expression), expected, expression, file: file, line: line)
        }
    }

    func testThePluginLoadsWithItsFunctions() throws {
        XCTAssertNoThrow(try PluginSet(StandardLibrary.plugins))
        XCTAssertEqual(StandardLibrary.math.functions.map(\.name),
                       ["mod", "div", "int", "sqrt", "exp", "ln", "median", "percentile", "stdev", "stdev_population"])
    }

    /// The value an expression shows, without its type.
    func value(_ expression: String) -> String {
        String(eval.show(expression).prefix { $0 != " " })
    }

    // MARK: mod and div

    func testModAndDivAreFloored() {
        check([
            // Python: 7 % 3, 7 // 3 …; the remainder has the divisor's sign
            ("mod(7, 3)", "1 : int"), ("div(7, 3)", "2 : int"),
            ("mod(-7, 3)", "2 : int"), ("div(-7, 3)", "-3 : int"),
            ("mod(7, -3)", "-2 : int"), ("div(7, -3)", "-3 : int"),
            ("mod(-7, -3)", "-1 : int"), ("div(-7, -3)", "2 : int"),
            ("mod(6, 3)", "0 : int"), ("mod(0, 5)", "0 : int"), ("div(0, -5)", "0 : int"),
            // Fraction: 5.5 − 2·⌊2.75⌋ = 1.5; −5.5 − 2·⌊−2.75⌋ = 0.5
            ("mod(5.5, 2)", "1.5 : number"), ("mod(-5.5, 2)", "0.5 : number"), ("div(-5.5, 2)", "-3 : int"),
            // exact decimals: binary floating point gives 0.3 % 0.1 = 0.09999999999999998
            ("mod(0.3, 0.1)", "0 : number"), ("div(0.3, 0.1)", "3 : int"),
            // 1 / 3e-18 = 333…333.33: q = 333333333333333333 (18 threes), r = 1 − 0.999999999999999999
            ("mod(1, 0.000000000000000003)", "0.000000000000000001 : number"),
            ("div(1, 0.000000000000000003)", "333333333333333333 : int"),
            ("mod(-0.000000000000000001, 7)", "6.999999999999999999 : number"),
            ("mod(170141183460469231731.687303715884105727, 1)", "0.687303715884105727 : number"),
        ])
    }

    func testModAndDivOnMoneyPercentagesAndDurations() {
        check([
            // 10.50 = 3 × 3 + 1.50; −10.50 = 3 × (−4) + 1.50
            ("mod(10.50 CNY, 3 CNY)", "1.50 CNY : money<CNY>"), ("div(10.50 CNY, 3 CNY)", "3 : int"),
            ("mod(-10.50 CNY, 3 CNY)", "1.50 CNY : money<CNY>"), ("div(-10.50 CNY, 3 CNY)", "-4 : int"),
            ("mod(1000 JPY, 300 JPY)", "100 JPY : money<JPY>"), ("math.div(1000 JPY, 300 JPY)", "3 : int"),
            ("mod(250%, 100%)", "50% : percent"), ("div(250%, 100%)", "2 : int"),
            // a position in a weekly cycle: the day before day 0 is day 6
            ("mod(-1 days, 7 days)", "6 days : days"), ("mod(40 days, 1 week)", "5 days : days"),
            ("div(40 days, 7 days)", "5 : int"),
            ("mod(14 months, 1 year)", "2 months : months"), ("div(30 months, 1 year)", "2 : int"),
        ])
    }

    func testModAndDivIdentityHoldsEverywhere() throws {
        // x = divisor × div(x, divisor) + mod(x, divisor), and the remainder lies between 0 and
        // the divisor (on the divisor's side), for a grid of signs and fractions.
        let xs = ["7", "-7", "5.5", "-5.5", "0", "0.000000000000000001", "123456789.123456789", "-98765432109.87654321"]
        let divisors = ["3", "-3", "0.1", "-0.07", "2.5", "0.000000007", "100000000000000000000"]
        for x in xs {
            for d in divisors {
                XCTAssertTrue(eval.show("div(\(x), \(d))").hasSuffix(" : int"), "div(\(x), \(d)) gives \(eval.show("div(\(x), \(d))"))")
                let q = try dec(value("div(\(x), \(d))"))
                let r = try dec(value("mod(\(x), \(d))"))
                let divisor = try dec(d)
                XCTAssertEqual(try divisor.multiplied(by: q).adding(r), try dec(x), "mod and div of \(x) by \(d)")
                XCTAssertTrue(r.magnitude < divisor.magnitude && (r.signum == 0 || r.signum == divisor.signum), "mod(\(x), \(d)) = \(r)")
            }
        }
    }

    func testModAndDivErrors() {
        check([
            ("mod(5, 0)", "runtime: mod: argument 2 ('divisor') must not be zero"),
            ("div(1.5, 0.0)", "runtime: div: argument 2 ('divisor') must not be zero"),
            ("div(1 CNY, 0 CNY)", "runtime: div: argument 2 ('divisor') must not be zero"),
            // a whole number of times beyond the range: 1e20 / 1e-6 = 1e26
            ("div(100000000000000000000, 0.000001)",
             "runtime: div: arithmetic overflow (decimal magnitude limit is about 1.7e20; dates span years 1-9999)"),
            ("mod(100000000000000000000, 0.000001)", "0 : number"),
            // money by money in another currency, or by a plain number
            ("mod(10 CNY, 3 USD)",
             "check: argument 2 ('divisor') of 'math.mod' must be money<CNY> (the call's currency), found money<USD>"),
            ("mod(10 CNY, 3)", "check: argument 2 ('divisor') of 'math.mod' must be money<CNY> (the call's currency), found int"),
            ("div(10 CNY, 3)", "check: argument 2 ('divisor') of 'math.div' must be money<CNY> (the call's currency), found int"),
            ("mod(10, 3 CNY)", "check: argument 2 ('divisor') of 'math.mod' must be int, found money<CNY>"),
            ("mod(40 days, 7)", "check: argument 2 ('divisor') of 'math.mod' must be days, found int"),
            ("mod(1, 30%)", "check: argument 2 ('divisor') of 'math.mod' must be int, found percent"),
            ("mod(7)", "check: wrong number of arguments to 'math.mod': 1 given"),
        ])
    }

    func testMoneyOfACurrencyKnownOnlyAtRunTimeMustAgree() {
        let program = LibraryEvaluator(source: "rule left(a: money, b: money) -> money = mod(a, b)\n"
                                           + "rule middle(a: money, b: money) -> money = median([a, b])")
        XCTAssertEqual(program.show("left(10 CNY, 3 CNY)"), "1.00 CNY : money")
        XCTAssertEqual(program.show("left(10 CNY, 3 USD)"), "runtime: mod: all amounts must be in one currency, found CNY and USD")
        XCTAssertEqual(program.show("middle(1 CNY, 2 CNY)"), "1.50 CNY : money")
        XCTAssertEqual(program.show("middle(1 CNY, 2 USD)"), "runtime: median: all amounts must be in one currency, found CNY and USD")
    }

    // MARK: int

    func testIntRoundsByTheModeItIsGiven() {
        check([
            // RoundingMode's definitions, by hand
            ("int(2.5, down)", "2 : int"), ("int(2.5, up)", "3 : int"), ("int(2.5, half_up)", "3 : int"),
            ("int(2.5, half_even)", "2 : int"), ("int(3.5, half_even)", "4 : int"),
            ("int(2.5, floor)", "2 : int"), ("int(2.5, ceiling)", "3 : int"),
            ("int(-2.5, down)", "-2 : int"), ("int(-2.5, up)", "-3 : int"), ("int(-2.5, half_up)", "-3 : int"),
            ("int(-2.5, half_even)", "-2 : int"), ("int(-2.5, floor)", "-3 : int"), ("int(-2.5, ceiling)", "-2 : int"),
            ("int(7, down)", "7 : int"), ("int(-0.4, half_up)", "0 : int"),
            ("int(99999999999999999999.5, up)", "100000000000000000000 : int"),
            // a percent is its fraction: 250% is 2.5, 12.5% is 0.125
            ("int(250%, down)", "2 : int"), ("int(12.5%, up)", "1 : int"), ("int(12.5% * 100, down)", "12 : int"),
            ("math.int(1.5, half_even)", "2 : int"),
            // the result is an int wherever an int goes
            ("range(1, int(3.9, down))", "[1, 2, 3] : list<int>"),
        ])
    }

    func testIntErrors() {
        check([
            // no default mode: whether 2.5 becomes 2 or 3 is the rule's choice
            ("int(2.5)", "check: wrong number of arguments to 'math.int': 1 given"),
            ("int(2.5, \"down\")", "check: argument 2 ('mode') of 'math.int' must be rounding, found string"),
            ("int(2.5, halfup)", "check: unknown name 'halfup'"),
            ("int(1 CNY, down)", "check: argument 1 ('x') of 'math.int' must be number, found money<CNY>"),
            ("int(2.5, down, 1)", "check: wrong number of arguments to 'math.int': 3 given"),
            // past the largest number: 170141183460469231731.69 rounds up to …732
            ("int(170141183460469231731.687303715884105727, up)",
             "runtime: int: arithmetic overflow (decimal magnitude limit is about 1.7e20; dates span years 1-9999)"),
        ])
        // What the checker can say: the signatures, with the mode's type.
        XCTAssertEqual(eval.hint("int(2.5)"), "int(x: number, mode: rounding) -> int; int(x: percent, mode: rounding) -> int")
        XCTAssertEqual(eval.hint("int(2.5, halfup)"), "did you mean 'half_up'?")
    }

    func testIntIsAlsoStillTheTypeName() {
        let program = LibraryEvaluator(source: """
            record Lot { shares: int }
            let n: int = int(2.5, half_up)
            rule lots(shares: int) -> list<int> = [div(shares, 100), int(shares / 100, half_up)]
            """)
        XCTAssertEqual(program.show("n"), "3 : int")
        XCTAssertEqual(program.show("lots(1250)"), "[12, 13] : list<int>")
        XCTAssertEqual(program.show("Lot { shares: int(3.2, ceiling) }.shares"), "4 : int")
    }

    // MARK: sqrt, exp, ln

    func testRootsExponentialsAndLogarithms() {
        check([
            // decimal, 60 digits: √2 = 1.41421356237309504880…, √1200 = 34.64101615137754587054…
            ("sqrt(2)", "1.414213562373095049 : number"), ("sqrt(1200)", "34.641016151377545871 : number"),
            ("sqrt(0.0004)", "0.02 : number"), ("sqrt(0)", "0 : number"), ("sqrt(0.000000000000000001)", "0.000000001 : number"),
            // √(largest number) = 13043817825.33278221234957180594…
            ("sqrt(170141183460469231731.687303715884105727)", "13043817825.332782212349571806 : number"),
            // e = 2.71828182845904523536…, e^-1 = 0.36787944117144232159…, e^10 = 22026.46579480671651695790…
            ("exp(1)", "2.718281828459045235 : number"), ("exp(0)", "1 : number"), ("exp(-1)", "0.367879441171442322 : number"),
            ("exp(10)", "22026.465794806716516958 : number"),
            // continuous compounding of 14.6% a year: e^0.146 = 1.15719618805079621786…
            ("exp(0.146)", "1.157196188050796218 : number"),
            // e^-40 = 4.2483…e-18; e^-43 = 2.1e-19 rounds to 0
            ("exp(-40)", "0.000000000000000004 : number"), ("exp(-43)", "0 : number"),
            // ln 2 = 0.69314718055994530942…, ln 10 = 2.30258509299404568401…
            ("ln(2)", "0.693147180559945309 : number"), ("ln(10)", "2.302585092994045684 : number"), ("ln(1)", "0 : number"),
            ("ln(0.5)", "-0.693147180559945309 : number"),
            // ln 1.0004 = 0.00039992002132693503…; ln 1e-18 = −41.44653167389282231232…
            ("ln(1.0004)", "0.000399920021326935 : number"), ("ln(0.000000000000000001)", "-41.446531673892822312 : number"),
            ("ln(170141183460469231731.687303715884105727)", "46.583160257220231984 : number"),
            // ints widen: math.sqrt(16) is a number
            ("math.sqrt(16)", "4 : number"),
        ])
    }

    func testLargeExponentialsKeep33SignificantDigits() throws {
        // decimal, 60 digits: e^46 = 94961194206024488745.13364911711832310237…
        let shown = value("exp(46)")
        let exact = try dec("94961194206024488745.133649117118323102")
        // 33 significant digits of 9.5e19: off by less than 1e-13 (about 1.6e-16 in practice)
        XCTAssertTrue(try dec(shown).subtracting(exact).magnitude < dec("0.0000000000001"), shown)
    }

    func testRootsExponentialsAndLogarithmsErrors() {
        check([
            ("sqrt(-1)", "runtime: sqrt: argument 1 ('x') must not be negative, not -1"),
            ("sqrt(-0.000000000000000001)", "runtime: sqrt: argument 1 ('x') must not be negative, not -0.000000000000000001"),
            ("ln(0)", "runtime: ln: argument 1 ('x') must be above 0, not 0"),
            ("ln(-2.5)", "runtime: ln: argument 1 ('x') must be above 0, not -2.5"),
            // ln(1.7e20) = 46.5831…: e^46.5832 is out of range, e^46.583 = 1.7011e20 is not
            ("exp(46.5832)",
             "runtime: exp: argument 1 ('x') is too large: e^46.5832 is beyond the largest number (about 1.7e20); x must be at most 46.58"),
            ("exp(47)", "runtime: exp: argument 1 ('x') is too large: e^47 is beyond the largest number (about 1.7e20); x must be at most 46.58"),
            ("sqrt(4 CNY)", "check: argument 1 ('x') of 'math.sqrt' must be number, found money<CNY>"),
            ("sqrt(4%)", "check: argument 1 ('x') of 'math.sqrt' must be number, found percent"),
            ("ln(\"e\")", "check: argument 1 ('x') of 'math.ln' must be number, found string"),
        ])
        XCTAssertTrue(eval.show("exp(46.583)").hasPrefix("170113919292059148365.905230618716"))  // decimal: …716134852…
    }
}

/// Parses a decimal literal in a test.
private func dec(_ text: String) throws(ArithmeticError) -> FixedDecimal {
    try FixedDecimal.parse(text)
}
