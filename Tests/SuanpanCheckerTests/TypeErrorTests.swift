import SuanpanChecker
import SuanpanSyntax
import XCTest

/// Every forbidden combination is one error, with the message a reader needs.
final class TypeErrorTests: XCTestCase {
    /// `let x = <expression>` must give exactly one error, with this message (and hint, if given).
    func assertOneError(_ expression: String, _ message: String, hint: String? = nil, prelude: String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
        let found = checkErrors(prelude + "\nlet x = " + expression)
        XCTAssertEqual(found.map(\.message), [message], expression, file: file, line: line)
        if let hint { XCTAssertEqual(found.first?.hint, hint, expression, file: file, line: line) }
        XCTAssertNotNil(found.first?.location, expression, file: file, line: line)
    }

    func testForbiddenArithmetic() {
        let cases: [(String, String)] = [
            ("1 CNY + 1 USD", "cannot add money<CNY> and money<USD>"),
            ("1 CNY - 1 USD", "cannot subtract money<USD> from money<CNY>"),
            ("100 CNY + 5%", "cannot add money<CNY> and percent"),
            ("100 CNY + 5", "cannot add money<CNY> and int"),
            ("5 - 100 CNY", "cannot subtract money<CNY> from int"),
            ("0.05%/day * 3 months", "cannot multiply rate/day by months"),
            ("14.6%/year * 30 days", "cannot multiply rate/year by days"),
            ("1.5%/month * 30 days", "cannot multiply rate/month by days"),
            ("1000 CNY * 0.05%/day * 3 months", "cannot multiply money<CNY>/day by months"),
            ("0.04%/day + 1.2%/month", "cannot add rate/day and rate/month"),
            ("0.04%/day + 1%", "cannot add rate/day and percent"),
            ("100 CNY * 100 CNY", "cannot multiply money<CNY> by money<CNY>"),
            ("100 CNY * 30 days", "cannot multiply money<CNY> by days"),
            ("40 days + 1 month", "cannot add days and months"),
            ("40 days + 1", "cannot add days and int"),
            ("2020-01-01 + 2020-01-02", "cannot add date and date"),
            ("2020-01-01 - 1", "cannot subtract int from date"),
            ("2020-01-01 * 2", "cannot multiply date by int"),
            ("5 / 2020-01-01", "cannot divide int by date"),
            ("1 CNY / 1 USD", "cannot divide money<CNY> by money<USD>"),
            ("1 / 1 CNY", "cannot divide int by money<CNY>"),
            ("\"a\" * 2", "cannot multiply string by int"),
            ("\"a\" + 1", "cannot add string and int"),
            ("true + 1", "cannot add bool and int"),
            ("-\"a\"", "cannot negate string"),
            ("-true", "cannot negate bool"),
        ]
        for (expression, message) in cases { assertOneError(expression, message) }
    }

    func testForbiddenPowersComparisonsAndLogic() {
        assertOneError("1 CNY ^ 2", "'^' works on plain numbers, not money<CNY> ^ int")
        assertOneError("2 ^ 3 days", "'^' works on plain numbers, not int ^ days", hint: "the exponent must be a number")
        assertOneError("1 CNY < 1 USD", "cannot compare money<CNY> with money<USD>")
        assertOneError("1 == \"a\"", "cannot compare int with string")
        assertOneError("true < false", "cannot compare bool with bool")
        assertOneError("0.04%/day < 1%/year", "cannot compare rate/day with rate/year")
        assertOneError("1 days == 1 month", "cannot compare days with months")
        assertOneError("not 1", "the operand of 'not' must be bool, found int")
        assertOneError("1 and true", "the left side of 'and' must be bool, found int")
        assertOneError("true or \"x\"", "the right side of 'or' must be bool, found string")
        assertOneError("if 1 then 2 else 3", "an 'if' condition must be bool, found int")
        assertOneError("if true then 1 else \"a\"", "the branches of 'if' differ: int and string")
        assertOneError("[1, \"a\"]", "a list holds one type: found int and string")
        assertOneError("[1, 2][\"0\"]", "a list index must be int, found string")
        assertOneError("5[0]", "only lists can be indexed, not int")
        assertOneError("[x for x in 5]", "'for … in' needs a list, found int")
    }

    func testHintsForCommonUnitMistakes() {
        assertOneError("100 CNY + 5", "cannot add money<CNY> and int", hint: "give the number a currency: 100 CNY")
        assertOneError("100 CNY + 5%", "cannot add money<CNY> and percent",
                       hint: "to add a percentage of an amount, write amount * (1 + p)")
        assertOneError("14.6%/year * 30 days", "cannot multiply rate/year by days",
                       hint: "a yearly rate needs a day-count basis: daily(rate, 365) * days")
        assertOneError("100 CNY * 30 days", "cannot multiply money<CNY> by days",
                       hint: "multiply by a rate first: amount * 0.05%/day * days")
        assertOneError("1 CNY + 1 USD", "cannot add money<CNY> and money<USD>",
                       hint: "CNY and USD are different currencies; convert one explicitly")
    }

    /// Each rate period against each duration unit it does not fit, and the
    /// conversion each message proposes (written out by hand, one per pair).
    func testHintsForEveryRatePeriodAndDurationThatDoNotFit() {
        assertOneError("0.05%/day * 3 months", "cannot multiply rate/day by months",
                       hint: "a rate per day needs a duration in days; convert it first: monthly(rate) * months")
        assertOneError("3 months * 0.05%/day", "cannot multiply months by rate/day",
                       hint: "a rate per day needs a duration in days; convert it first: monthly(rate) * months")
        assertOneError("1.5%/month * 30 days", "cannot multiply rate/month by days",
                       hint: "a monthly rate needs a day-count basis: daily(rate, 30) * days")
        // A flow is no rate: daily(…) refuses it. Its hints write it per unit of the duration, or convert its rate.
        assertOneError("100 CNY * 14.6%/year * 30 days", "cannot multiply money<CNY>/year by days",
                       hint: "a yearly flow needs the days in a year: write it per day first, then multiply: "
                           + "(100 CNY * 14.6%/year) * 12 months / 365 days * 30 days; "
                           + "or convert the rate before it multiplies: 100 CNY * daily(14.6%/year, 365) * 30 days")
        XCTAssertEqual(typeOf("(100 CNY * 14.6%/year) * 12 months / 365 days * 30 days"), "money<CNY>")
        XCTAssertEqual(typeOf("100 CNY * daily(14.6%/year, 365) * 30 days"), "money<CNY>")
        assertOneError("100 CNY * 0.05%/day * 1 year", "cannot multiply money<CNY>/day by months",
                       hint: "a daily flow needs a duration in days: write it per month first, then multiply: "
                           + "(100 CNY * 0.05%/day) * 1 day * 30 / 1 month * 1 year; "
                           + "or convert the rate before it multiplies: 100 CNY * monthly(0.05%/day) * 1 year")
        XCTAssertEqual(typeOf("(100 CNY * 0.05%/day) * 1 day * 30 / 1 month * 1 year"), "money<CNY>")
        XCTAssertEqual(typeOf("100 CNY * monthly(0.05%/day) * 1 year"), "money<CNY>")
        assertOneError("0.04%/day + 1.2%/month", "cannot add rate/day and rate/month",
                       hint: "convert one first: daily(…), monthly(…) or annualize(…)")
        assertOneError("40 days - 1 month", "cannot subtract months from days",
                       hint: "days and months differ in length; keep one unit")
    }

    /// `round(x, 2)` reads as 2 decimal places to a spreadsheet user and as
    /// multiples of 2 to others: refused, with both readings written out.
    func testRoundingStepsMustBeUnmistakable() {
        assertOneError("round(1234.5678 CNY, 2)", "the step 2 is ambiguous: 2 decimal places, or multiples of 2?",
                       hint: "for 2 decimal places write round(x, 0.01) or round(x, 2 places); for multiples of 2 CNY write round(x, 2 CNY)")
        assertOneError("round(1234.5678, 2, half_up)", "the step 2 is ambiguous: 2 decimal places, or multiples of 2?",
                       hint: "for 2 decimal places write round(x, 0.01) or round(x, 2 places); for multiples of 2 write round(x, 2.0)")
        assertOneError("round(2.46, 1)", "the step 1 is ambiguous: 1 decimal place, or multiples of 1?",
                       hint: "for 1 decimal place write round(x, 0.1) or round(x, 1 place); for whole units write round(x) or round(x, 0 places)")
        assertOneError("round(2.5 JPY, 1)", "the step 1 is ambiguous: 1 decimal place, or multiples of 1?",
                       hint: "for 1 decimal place write round(x, 0.1) or round(x, 1 place); for multiples of 1 JPY write round(x, 1 JPY)")
        assertOneError("round(1234.5 CNY, 100)", "the step 100 is ambiguous: 100 decimal places, or multiples of 100?",
                       hint: "for multiples of 100 CNY write round(x, 100 CNY)")
        assertOneError("round(7.5, 0)", "a step of 0 rounds to nothing; did you mean 0 decimal places?",
                       hint: "for whole units write round(x, 0 places)")
        assertOneError("round(1 CNY * 1%/day, 3)", "the step 3 is ambiguous: 3 decimal places, or multiples of 3?",
                       hint: "for 3 decimal places write round(x, 0.001) or round(x, 3 places); for multiples of 3 write round(x, 3.0)")
        assertOneError("round(1 CNY, n)", "a whole-number step is ambiguous: a count of decimal places, or multiples of it?",
                       hint: "give the step as a decimal (round(x, 0.01)), as places (round(x, 2 places)) or in CNY (round(x, 1 CNY)); "
                           + "a step held in a name must be a number, not an int", prelude: "let n = 2")
        assertOneError("round(12.345%, 2)", "argument 2 of 'round' must be a percentage when rounding a percentage, found int",
                       hint: "write the step as a percentage: round(y, 0.01%) keeps 2 decimal places of the percentage")
        assertOneError("round(12.345%, 2 places)", "decimal places of a percentage are ambiguous: of 12.345% or of its fraction 0.12345?",
                       hint: "write the step as a percentage: round(y, 0.01%)")
        assertOneError("round(0.045%/day, 2 places)", "decimal places of a rate are ambiguous: of 0.045%/day or of its fraction 0.00045?",
                       hint: "write the step as a rate: round(r, 0.01%/day)")
        assertOneError("round(0.045%/month, 2)", "argument 2 of 'round' must be a rate/month when rounding a rate/month, found int",
                       hint: "write the step as a rate: round(r, 0.01%/month, half_up)")
        assertOneError("round(1 CNY, 19 places)", "'19 places' is more decimal places than a number has",
                       hint: "a step has at most 18 places (0.000000000000000001)")
        assertOneError("2 places", "'2 places' is a rounding step, not a value",
                       hint: "write it as the step of round: round(x, 2 places), or after a product's rounding mode: rounding half_up 2 places")
        assertOneError("round(1 CNY, half_up, 2 places)", "the step '2 places' comes before the rounding mode",
                       hint: "round(x, 2 places, half_up)")
        let policy = checkErrors("product P { rounding half_even 2 }")
        XCTAssertEqual(policy.map(\.message), ["the step 2 is ambiguous: 2 decimal places, or multiples of 2?"])
        XCTAssertEqual(policy.first?.hint,
                       "for 2 decimal places write rounding half_even 0.01 or rounding half_even 2 places; for multiples of 2 write rounding half_even 2.0")
        // The unmistakable forms check, and keep their types.
        XCTAssertEqual(typeOf("round(1234.5678 CNY, 2 places)"), "money<CNY>")
        XCTAssertEqual(typeOf("round(7, 0 places)"), "int")
        XCTAssertEqual(typeOf("round(7, 1 place)"), "number")
        XCTAssertEqual(typeOf("round(1234, 10.0)"), "number")
        XCTAssertEqual(typeOf("round(1234.5 CNY, 100 CNY, half_up)"), "money<CNY>")
        XCTAssertEqual(typeOf("round(1 CNY * 1%/day, 4 places)"), "money<CNY>/day")
    }

    /// A displayed amount as an argument: its grouping comma makes two arguments.
    func testDisplayedGroupingInArgumentsSaysToUseUnderscores() {
        let found = checkErrors("rule f(a: money<CNY>) -> money<CNY> = a\nlet x = f(1,200 CNY)")
        XCTAssertEqual(found.map(\.message), ["rule 'f' takes 1 argument, given 2"])
        XCTAssertEqual(found.first?.hint, "',' separates arguments; group digits with '_' or not at all: 1_200 CNY or 1200 CNY")
        XCTAssertEqual(checkErrors("rule f(a: money<CNY>) -> money<CNY> = a\nlet x = f(1, 2)").first?.hint, "f(a: money<CNY>)")
        assertOneError("round(1,234.50 CNY, 0.01)",
                       "argument 3 of 'round' must be a rounding mode (half_up, half_even, down, up, floor, ceiling), found number",
                       hint: "',' separates arguments; group digits with '_' or not at all: 1_234.50 CNY or 1234.50 CNY")
        assertOneError("round(1,234.50 CNY, 0.01, half_up)", "wrong number of arguments to 'round'",
                       hint: "',' separates arguments; group digits with '_' or not at all: 1_234.50 CNY or 1234.50 CNY")
    }

    /// A displayed list of money typed into source: its grouping commas split the amounts.
    func testDisplayedGroupingInAListSaysToUseUnderscores() {
        assertOneError("[1,200.00 CNY, 5.00 CNY]", "a list holds one type: found int and money<CNY>",
                       hint: "',' separates list elements; group digits with '_' or not at all: 1_200.00 CNY or 1200.00 CNY")
        assertOneError("[1,200,000.00 CNY, 5.00 CNY]", "a list holds one type: found int and money<CNY>",
                       hint: "',' separates list elements; group digits with '_' or not at all: 1_200_000.00 CNY or 1200000.00 CNY")
        assertOneError("[5.00 CNY, 1,200 CNY]", "a list holds one type: found money<CNY> and int",
                       hint: "',' separates list elements; group digits with '_' or not at all: 1_200 CNY or 1200 CNY")
        assertOneError("[1,000 days, 2 days]", "a list holds one type: found int and days",
                       hint: "',' separates list elements; group digits with '_' or not at all: 1_000 days or 1000 days")
        // Written with blanks, or not in groups of three, the commas were meant.
        XCTAssertNil(checkErrors("let x = [1, 200 CNY]").first?.hint)
        XCTAssertNil(checkErrors("let x = [1,2000 CNY]").first?.hint)
    }

    func testDeclaredTypesMustFit() {
        let cases: [(String, String, String?)] = [
            ("let y: rate/day = 14.6%/year", "'y' must be rate/day, found rate/year",
             "convert it: daily(rate); a yearly rate is not a daily one"),
            ("let y: rate/month = 0.05%/day", "'y' must be rate/month, found rate/day",
             "convert it: monthly(rate); a daily rate is not a monthly one"),
            ("let y: rate/year = 1.2%/month", "'y' must be rate/year, found rate/month",
             "convert it: annualize(rate); a monthly rate is not a yearly one"),
            ("let y: money<CNY> = 1 USD", "'y' must be money<CNY>, found money<USD>", nil),
            ("let y: percent = 5", "'y' must be percent, found int", "a percentage is written with '%': 3% is 0.03"),
            ("let y: money<CNY> = 5", "'y' must be money<CNY>, found int", "give the currency: 100 CNY"),
            ("let y: days = 30", "'y' must be days, found int", "give the unit: 30 days"),
            ("let y: int = 2.5", "'y' must be int, found number", nil),
            ("let y: list<int> = [1.5]", "a list element must be int, found number", nil),
            ("rule f(a: int) -> int = a\nlet y = f(1 CNY)", "argument 1 ('a') of 'f' must be int, found money<CNY>", nil),
            ("rule f(a: int) -> string = a", "the result of 'f' must be string, found int", nil),
        ]
        for (source, message, hint) in cases {
            let found = checkErrors(source)
            XCTAssertEqual(found.map(\.message), [message], source)
            if let hint { XCTAssertEqual(found.first?.hint, hint, source) }
        }
    }

    /// A program's names may reuse built-in ones: a warning at top level, silence
    /// where the name is plainly local (a product member, a parameter, a let).
    func testBuiltInNamesCanBeReused() {
        let (_, top) = check("let round = 1")
        XCTAssertEqual(top.map(\.message), ["'round' hides the built-in function round"])
        XCTAssertEqual(top.first?.severity, .warning)
        XCTAssertEqual(top.first?.hint, "rename this constant to keep round(…) at hand")
        let (_, local) = check("rule f(sum: int, count: int) -> int = sum + count\nproduct P { param round: int = 2 }\nlet y = f(1, 2)")
        XCTAssertEqual(local.map(\.message), [])
        XCTAssertEqual(checkErrors("rule f(sum: int) -> int = sum\nlet y = sum([1, 2])").map(\.message), [], "a parameter hides the built-in only in its rule")
    }

    func testBadTypesLiteralsAndCalls() {
        let cases: [(String, String)] = [
            ("let y: rate = 1%/day", "a rate needs its period"),
            ("let y: list = []", "'list' needs an element type"),
            ("let y: int<CNY> = 1", "'int' takes no <…> argument"),
            ("let y: rate/week = 1%/day", "unknown period 'week'"),
            ("let y: int/day = 1", "'int/day' is not a type"),
            ("let y = 2021-02-29", "'2021-02-29' is not a calendar date"),
            ("let y = 2021-13-01", "'2021-13-01' is not a calendar date"),
            // over 60 characters, the literal is quoted by its first 40 and last 12 characters
            ("let y = 1" + String(repeating: "0", count: 100),
             "'1" + String(repeating: "0", count: 39) + "…" + String(repeating: "0", count: 12) + "' (101 characters) is too large"),
            ("let y = 0." + String(repeating: "1", count: 40), "'0." + String(repeating: "1", count: 40) + "' has more than 18 digits after the point"),
            ("rule f(a: int) = a\nlet y = f(1, 2)", "rule 'f' takes 1 argument, given 2"),
            ("rule f(a: int) = a\nlet y = f", "'f' takes arguments"),
            ("let y = round(\"a\")", "argument 1 of 'round' must be a number, percentage, rate or money, found string"),
            ("let y = round(5%)", "rounding a percentage needs a step"),
            ("let y = sum(1)", "argument 1 of 'sum' must be a list, found int"),
            ("let y = range(1)", "wrong number of arguments to 'range'"),
            ("let y = daily(5%)", "argument 1 of 'daily' must be a rate such as 0.04%/day, found percent"),
            ("let z = 1\nlet y = z(1)", "'z' is not a rule, table or function, so it cannot be called"),
            ("let y = round", "'round' is a function"),
            ("let a = 1\nlet a = 2", "'a' is already defined"),
            ("record R { a: int }\nlet y = R { a: 1, b: 2 }", "R has no field 'b'"),
            ("record R { a: int, b: int }\nlet y = R { a: 1 }", "R is missing 'b'"),
            ("record R { a: int }\nlet y = R { a: 1 }.c", "R has no field 'c'"),
            ("let y = 2020-01-01.hour", "a date has no field 'hour'"),
        ]
        for (source, message) in cases {
            let found = checkErrors(source)
            XCTAssertEqual(found.map(\.message), [message], source)
            XCTAssertNotNil(found.first?.location, source)
        }
    }

    /// A period written the way other tools write it: the hint writes Suanpan's literal, from the period table.
    func testAPeriodWrittenAsANameSaysHowRatesAndFlowsWriteTheirPeriod() {
        let periods = "the periods are /day, /month and /year"
        assertOneError("0.04%/days", "unknown name 'days'",
                       hint: "a rate writes its period right after the '%', with no blank: 0.04%/day; \(periods)")
        assertOneError("0.05%/d", "unknown name 'd'",
                       hint: "a rate writes its period right after the '%', with no blank: 0.05%/day; \(periods)")
        assertOneError("1.2% / month", "unknown name 'month'",
                       hint: "a rate writes its period right after the '%', with no blank: 1.2%/month; \(periods)")
        assertOneError("1200 CNY/months", "unknown name 'months'",
                       hint: "a flow of money writes its period right after the currency, with no blank: 1200 CNY/month; \(periods)")
        assertOneError("5%/week", "unknown name 'week'",
                       hint: "a week is not a period of rates or flows (they are /day, /month and /year): "
                           + "divide by its length for the daily rate: 5% / 7 days")
        assertOneError("70 CNY/week", "unknown name 'week'",
                       hint: "a week is not a period of rates or flows (they are /day, /month and /year): "
                           + "divide by its length for the daily flow: 70 CNY / 7 days")
        // What the hints write checks, with the period meant.
        XCTAssertEqual(typeOf("5% / 7 days"), "rate/day")
        XCTAssertEqual(typeOf("70 CNY / 7 days"), "money<CNY>/day")
        // An initial is a period only after a percentage or an amount: elsewhere it is just an unknown name.
        XCTAssertNil(checkErrors("let t = 12 / m").first?.hint)
        // A name that is defined is divided by as usual.
        XCTAssertEqual(typeOf("5% / d", prelude: "let d = 7 days"), "rate/day")
    }

    /// A value of the wrong kind where a rate or a percentage is declared: the hint writes the value that fits.
    func testAPercentageOrARatioWhereARateOrPercentageIsDeclared() {
        let errors = checkErrors("product P { param overdue_rate: rate/day = 0.05% }")
        XCTAssertEqual(errors.map(\.message), ["'overdue_rate' must be rate/day, found percent"])
        XCTAssertEqual(errors.first?.hint, "a rate is a percentage per period: write 0.05%/day")
        let yearly = checkErrors("rule r(x: percent) -> rate/year = x")
        XCTAssertEqual(yearly.first?.hint, "a rate is a percentage per period: divide it by the period, annualize(x / 12 months)")
        XCTAssertEqual(checkErrors("rule r(x: percent) -> rate/year = annualize(x / 12 months)").map(\.message), [])
        let monthly = checkErrors("rule r(x: percent) -> rate/month = x")
        XCTAssertEqual(monthly.first?.hint, "a rate is a percentage per period: divide it by the period, x / 1 month")
        XCTAssertEqual(checkErrors("rule r(x: percent) -> rate/month = x / 1 month").map(\.message), [])

        // A ratio or a bare number where a rate is declared.
        let perDay = checkErrors("rule r(a: money<CNY>, b: money<CNY>) -> rate/day = a / b")
        XCTAssertEqual(perDay.first?.hint, "a rate is a percentage per period: (a / b) * 100% / 1 day")
        XCTAssertEqual(checkErrors("rule r(a: money<CNY>, b: money<CNY>) -> rate/day = (a / b) * 100% / 1 day").map(\.message), [])
        let perYear = checkErrors("rule r(a: money<CNY>, b: money<CNY>) -> rate/year = a / b")
        XCTAssertEqual(perYear.first?.hint, "a rate is a percentage per period: annualize((a / b) * 100% / 12 months)")
        XCTAssertEqual(checkErrors("rule r(a: money<CNY>, b: money<CNY>) -> rate/year = annualize((a / b) * 100% / 12 months)")
            .map(\.message), [])
        XCTAssertEqual(checkErrors("product P { param r: rate/day = 0.0005 }").first?.hint,
                       "a rate is written with '%' and its period: 0.05%/day is the fraction 0.0005 per day")

        let ratio = checkErrors("rule r(a: money<CNY>, b: money<CNY>) -> percent = a / b")
        XCTAssertEqual(ratio.map(\.message), ["the result of 'r' must be percent, found number"])
        XCTAssertEqual(ratio.first?.hint, "money ÷ money is a number, the ratio (0.25 for a quarter): to give it as a percentage "
                       + "multiply by 100%, (a / b) * 100%, or declare the result number")
        XCTAssertEqual(checkErrors("rule r(a: money<CNY>, b: money<CNY>) -> percent = (a / b) * 100%").map(\.message), [])
        XCTAssertEqual(checkErrors("rule r(a: money<CNY>, b: money<CNY>) -> number = a / b").map(\.message), [])
        // A plain number literal still gets the '%' hint.
        XCTAssertEqual(checkErrors("rule r() -> percent = 3").first?.hint, "a percentage is written with '%': 3% is 0.03")
    }

    /// A flow times a duration in another unit: the hint writes an expression that checks, not a rate conversion.
    func testAFlowTimesADurationOfAnotherUnitGetsAWorkingHint() {
        assertOneError("1200 CNY / 1 month * 30 days", "cannot multiply money<CNY>/month by days",
                       hint: "a monthly flow needs the days in a month: write it per day first, then multiply: "
                           + "(1200 CNY / 1 month) * 1 month / 30 days * 30 days")
        XCTAssertEqual(typeOf("(1200 CNY / 1 month) * 1 month / 30 days * 30 days"), "money<CNY>")
        assertOneError("36500 CNY/year * 1 day", "cannot multiply money<CNY>/year by days",
                       hint: "a yearly flow needs the days in a year: write it per day first, then multiply: "
                           + "36500 CNY/year * 12 months / 365 days * 1 day")
        XCTAssertEqual(typeOf("36500 CNY/year * 12 months / 365 days * 1 day"), "money<CNY>")
        assertOneError("2 months * 1 CNY/day", "cannot multiply months by money<CNY>/day",
                       hint: "a daily flow needs a duration in days: write it per month first, then multiply: "
                           + "1 CNY/day * 1 day * 30 / 1 month * 2 months")
        XCTAssertEqual(typeOf("1 CNY/day * 1 day * 30 / 1 month * 2 months"), "money<CNY>")
        // The rates' hints check too.
        XCTAssertEqual(typeOf("daily(1%/month, 30) * 30 days"), "percent")
        XCTAssertEqual(typeOf("monthly(0.05%/day) * 3 months"), "percent")
    }

    /// Rounding functions of spreadsheets and other languages: the hint writes round or int with the mode.
    func testSpreadsheetRoundingFunctionsPointAtRoundWithAMode() {
        let modes = "the modes are half_up, half_even, down, up, floor and ceiling"
        let cases: [(String, String, String)] = [
            ("floor(1.5)", "'floor' is not a rule, table or function, so it cannot be called", "floor"),
            ("ceiling(1.5)", "'ceiling' is not a rule, table or function, so it cannot be called", "ceiling"),
            ("ceil(1.5)", "unknown name 'ceil'", "ceiling"),
            ("trunc(1.5)", "unknown name 'trunc'", "down"),
            ("roundup(1.5)", "unknown name 'roundup'", "up"),
            ("ROUNDDOWN(1.5)", "unknown name 'ROUNDDOWN'", "down"),
        ]
        for (expression, message, mode) in cases {
            assertOneError(expression, message, hint: "round with a mode: round(x, 0 places, \(mode)) to whole units, "
                           + "or int(x, \(mode)) for an int; \(modes)")
            XCTAssertEqual(typeOf("round(1.5, 0 places, \(mode))"), "number")
            XCTAssertEqual(typeOf("round(1.5 CNY, 0 places, \(mode))"), "money<CNY>")
        }
    }

    /// An unknown capitalised name where products are declared: the hint names them.
    func testAnUnknownProductNameListsTheProducts() {
        let one = checkErrors("product HB { param a: int = 1 }\nlet x = Huabei.a")
        XCTAssertEqual(one.map(\.message), ["unknown name 'Huabei'"])
        XCTAssertEqual(one.first?.hint, "the product is 'HB'")
        let two = checkErrors("product HB { param a: int = 1 }\nproduct Jiebei { param a: int = 1 }\nlet x = Jeibei.a")
        XCTAssertEqual(two.first?.hint, "did you mean 'Jiebei'? the products are 'HB' and 'Jiebei'")
        // A lower-case name gets no list of products.
        XCTAssertNil(checkErrors("product HB { param a: int = 1 }\nlet x = qq").first?.hint)
    }

    /// A period in a type written as a duration word: the singular, or for a week what to declare instead.
    func testAPeriodInATypeWrittenAsADurationWord() {
        let plural = checkErrors("let x: rate/days = 1%/day")
        XCTAssertEqual(plural.map(\.message), ["unknown period 'days'"])
        XCTAssertEqual(plural.first?.hint, "a period is written in the singular: day")
        let week = checkErrors("let y: money<CNY>/week = 1 CNY/day")
        XCTAssertEqual(week.map(\.message), ["unknown period 'week'"])
        XCTAssertEqual(week.first?.hint, "a week is not a period of rates or flows (use day, month or year): "
                       + "declare it per day and divide a weekly value by 7 days")
        XCTAssertEqual(checkErrors("let y: money<CNY>/day = 70 CNY / 7 days").map(\.message), [])
        XCTAssertEqual(checkErrors("let y: rate/quarter = 1%/day").first?.hint, "use day, month or year")
    }
}
