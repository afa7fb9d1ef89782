import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import XCTest

/// Every value's display form reads back as a value of the same type: typed
/// into `--set Product.param=VALUE` or the REPL's `:set` (where an amount's
/// digits may be grouped by commas, as displayed), and into source, where a
/// comma separates and digits group with `_` instead.
final class DisplayRoundTripTests: XCTestCase {
    static let source = """
    record Bill { amount: money<CNY>, periods: int, note: string, due: date }
    product P {
      param n: int = 0
      param x: number = 0
      param pct: percent = 0%
      param cny: money<CNY> = 0 CNY
      param jpy: money<JPY> = 0 JPY
      param any: money = 0 CNY
      param per_month: money<CNY>/month = 0 CNY/month
      param per_day: money<USD>/day = 0 USD/day
      param day_rate: rate/day = 0%/day
      param month_rate: rate/month = 0%/month
      param year_rate: rate/year = 0%/year
      param d: days = 0 days
      param m: months = 0 months
      param on: date = 2020-01-01
      param flag: bool = false
      param text: string = ""
      param mode: rounding = half_up
      param amounts: list<money<CNY>> = []
      param words: list<string> = []
      param grid: list<list<int>> = []
      param bill: Bill = Bill { amount: 0 CNY, periods: 0, note: "", due: 2020-01-01 }
      param bills: list<Bill> = []
      param line: InstallmentLine<CNY> = installment_plan(1 CNY, 1, 0%)[0]
    }
    """

    /// A parameter, an expression computing a value of its type (not a literal,
    /// so the display is of a computed value), and the type the display reads
    /// back as in source when that is not the parameter's own: a whole number
    /// reads as an int, `[]` as a list of anything, money<CNY> fits `money`, and
    /// a record literal has the record's type (the plugin's InstallmentLine<CNY>
    /// view comes from a call in CNY).
    static let cases: [(param: String, value: String, sourceType: String?)] = [
        ("n", "1200 * 1000", nil),
        ("n", "-7 * 3", nil),
        ("x", "1 / 8", nil),
        ("x", "100 / 3", nil),
        ("x", "3.0 * 2", "int"),
        ("x", "-170141183460469231731.687303715884105727 * 1", nil),
        ("pct", "100% / 3", nil),
        ("pct", "-2.5% * 1", nil),
        ("pct", "10000% * 10000000000000000", nil),
        ("cny", "1200000000 CNY * 1", nil),
        ("cny", "-1234.5 CNY * 1", nil),
        ("cny", "100 CNY / 3", nil),
        ("cny", "999.99 CNY + 0.01 CNY", nil),
        ("jpy", "1234567 JPY * 1", nil),
        ("any", "1500 USD * 1", "money<USD>"),
        ("per_month", "1200000000 CNY * 1%/month * 100", nil),
        ("per_month", "-5 CNY * 1%/month", nil),
        ("per_day", "1000 USD * 0.05%/day", nil),
        ("day_rate", "daily(10%/year)", nil),
        ("day_rate", "0.04%/day * 1", nil),
        ("month_rate", "monthly(0.04%/day)", nil),
        ("year_rate", "annualize(0.04%/day)", nil),
        ("year_rate", "-14.65%/year * 1", nil),
        ("d", "2020-12-31 - 2020-01-01", nil),
        ("d", "9999-12-31 - 0001-01-01", nil),
        ("d", "2020-01-02 - 2020-01-01", nil),
        ("d", "2020-01-01 - 2020-01-04", nil),
        ("m", "1 year + 1 month", nil),
        ("m", "1 month * 1", nil),
        ("on", "2020-01-31 + 1 month", nil),
        ("on", "0001-01-01 + 0 days", nil),
        ("flag", "1 < 2", nil),
        ("text", "\"花呗 \\\"1,200\\\" \\\\ \\t\\n\\u{1}\\u{7F}\"", nil),
        ("text", "\"\"", nil),
        ("mode", "[half_up, half_even, down][2]", nil),
        ("amounts", "[1200 CNY * 1000, 5 CNY, -0.5 CNY]", nil),
        ("amounts", "[x * 1 CNY for x in [1] where false]", "list<any>"),
        ("words", "[\"a, b\", \"[c]\"]", nil),
        ("grid", "[[1, 2], [], [1000 * 1000]]", nil),
        ("bill", "Bill { amount: 1234.5 CNY * 1000, periods: 3, note: \"a, b\", due: 2020-06-30 }", nil),
        ("bills", "[Bill { amount: 1 CNY, periods: 1, note: \"x\", due: 2020-06-30 }, Bill { amount: 2000 CNY, periods: 2, note: \"\", due: 2021-01-01 }]", nil),
        ("line", "installment_plan(1200.88 CNY, 3, 2.3%)[0]", "InstallmentLine"),
    ]

    func load() throws -> Program {
        switch Program.load(paths: [], extraSources: [SourceFile(path: "p.suan", text: Self.source)]) {
        case .success(let (program, _)): return program
        case .failure(let failure):
            XCTFail("the test program must load: \(failure.diagnostics.map { $0.rendered() })")
            throw CocoaError(.featureUnsupported)
        }
    }

    /// The value and its type.
    func evaluated(_ program: Program, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> (value: Value, type: SType)? {
        switch program.evaluate(text) {
        case .value(let v, let t): return (v, t)
        case .checkFailed(let d): XCTFail("\(text): \(d.map(\.message))", file: file, line: line)
        case .runtimeFailed(let e): XCTFail("\(text): \(e.message)", file: file, line: line)
        }
        return nil
    }

    /// Whether an evaluation gave `true`.
    func isTrue(_ e: Program.Evaluation) -> Bool {
        if case .value(.bool(true), _) = e { return true }
        return false
    }

    /// A displayed value as source writes it: each grouping comma outside strings
    /// (between a digit and exactly three more) becomes '_', what the grouping
    /// hint tells a person to write.
    func sourceForm(_ shown: String) -> String {
        let characters = Array(shown)
        var out = ""
        var inString = false, escaped = false
        for (i, c) in characters.enumerated() {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == ",", i > 0, characters[i - 1].isASCII, characters[i - 1].isNumber, i + 3 < characters.count,
                      characters[(i + 1)...(i + 3)].allSatisfy({ $0.isASCII && $0.isNumber }),
                      !(i + 4 < characters.count && characters[i + 4].isASCII && characters[i + 4].isNumber) {
                out.append("_")
                continue
            }
            out.append(c)
        }
        return out
    }

    func testEveryDisplayedValueReadsBackThroughSetAndSource() throws {
        let program = try load()
        var kinds = Set<String>()
        for (param, text, sourceType) in Self.cases {
            guard let (value, type) = evaluated(program, text) else { continue }
            let shown = Format.display(value, type, quoteStrings: true)
            // Equal values of one type: the same exact digits, currency and unit, as `eval --json` gives them.
            let original = Format.json(value, type)
            kinds.insert(type.description)

            // --set and :set read the display exactly as shown, commas and all.
            XCTAssertEqual(program.setParameter("P.\(param)=\(shown)").map(\.message), [], "--set P.\(param)=\(shown)")
            let set = evaluated(program, "P.\(param)")
            XCTAssertEqual(set.map { Format.json($0.value, $0.type) }, original, "--set P.\(param)=\(shown)")
            XCTAssertEqual(program.setParameter("P.\(param) = \(shown)", sourceName: "<input>").map(\.message), [],
                           ":set P.\(param) = \(shown)")
            XCTAssertEqual(evaluated(program, "P.\(param)").map { Format.json($0.value, $0.type) }, original, ":set P.\(param) = \(shown)")

            // In source, with '_' for the grouping commas.
            let written = sourceForm(shown)
            let read = evaluated(program, written)
            XCTAssertEqual(read.map { Format.json($0.value, type) }, original, "\(shown) written in source as \(written)")
            XCTAssertEqual(read?.type.description, sourceType ?? type.description, "the type of \(written)")
        }
        // Every kind of value the display knows was tried.
        for kind in ["int", "number", "percent", "money<CNY>", "money<JPY>", "money<USD>", "money<CNY>/month", "money<USD>/day",
                     "rate/day", "rate/month", "rate/year", "days", "months", "date", "bool", "string", "rounding",
                     "list<money<CNY>>", "list<string>", "list<list<int>>", "Bill", "list<Bill>"] {
            XCTAssertTrue(kinds.contains(kind), "no round trip of a \(kind)")
        }
    }

    /// The displays the round trip goes through, written out by hand: so that a
    /// change of display form shows here first.
    func testDisplaysThatNeedTheStandaloneForm() throws {
        let program = try load()
        let cases: [(param: String, value: String, display: String)] = [
            ("per_month", "1200000000 CNY * 1%/month * 100", "1,200,000,000.00 CNY/month"),
            ("amounts", "[1200 CNY * 1000, 5 CNY]", "[1,200,000.00 CNY, 5.00 CNY]"),
            ("d", "9999-12-31 - 0001-01-01", "3,652,058 days"),
            ("cny", "-1234.5 CNY * 1", "-1,234.50 CNY"),
        ]
        for (param, text, display) in cases {
            guard case .value(let v, let t) = program.evaluate(text) else { XCTFail(text); continue }
            XCTAssertEqual(Format.display(v, t, quoteStrings: true), display)
            XCTAssertEqual(program.setParameter("P.\(param)=\(display)").map(\.message), [], display)
            XCTAssertTrue(isTrue(program.evaluate("P.\(param) == \(text)")), display)
        }
    }

    /// Typed into source, a displayed amount is refused with the form to write instead.
    func testADisplayedAmountInSourceSaysToGroupWithUnderscores() throws {
        let program = try load()
        guard case .checkFailed(let list) = program.evaluate("[1,200.00 CNY, 5.00 CNY]") else { return XCTFail("a list of int and money") }
        XCTAssertEqual(list.map(\.message), ["a list holds one type: found int and money<CNY>"])
        XCTAssertEqual(list.first?.hint, "',' separates list elements; group digits with '_' or not at all: 1_200.00 CNY or 1200.00 CNY")
        guard case .checkFailed(let alone) = program.evaluate("1,200.00 CNY") else { return XCTFail("a stray comma") }
        XCTAssertEqual(alone.first?.hint, "',' separates values here; group digits with '_' or not at all: 1_200.00 CNY or 1200.00 CNY")
        // Standing alone, a plain number does not group with commas: it is said how to write it.
        let number = program.setParameter("P.n=1,000")
        XCTAssertEqual(number.map(\.message), ["expected the end of the value, found ','"])
        XCTAssertEqual(number.first?.hint, "',' groups the digits of an amount with its unit (1,200.00 CNY, 1,000 days); "
                       + "group a plain number with '_' or not at all: 1_000")
        XCTAssertEqual(program.setParameter("P.n=1_000").map(\.message), [])
    }

    /// A plain number for a parameter with a unit: the error writes the value with the unit.
    func testAPlainNumberForAParameterWithAUnitIsWrittenWithTheUnit() throws {
        let program = try load()
        let fraction = " (the digits before '%' are the percentage: 5% is the fraction 0.05)"
        let cases: [(String, String, String)] = [
            ("P.per_month=1500000000", "P.per_month=1500000000 CNY/month", ""),
            ("P.cny=1200", "P.cny=1200 CNY", ""),
            ("P.d=30", "P.d=30 days", ""),
            ("P.day_rate=0.05", "P.day_rate=0.05%/day", fraction),
            ("P.pct=3", "P.pct=3%", fraction),
        ]
        for (assignment, written, note) in cases {
            let errors = program.setParameter(assignment)
            XCTAssertEqual(errors.count, 1, assignment)
            XCTAssertEqual(errors.first?.hint, "write it with its unit: \(written)" + note, assignment)
            XCTAssertEqual(program.setParameter(written).map(\.message), [], written)
        }
        // The REPL's `:set P.x = value` gets the hint written its way.
        XCTAssertEqual(program.setParameter("P.d = 30", sourceName: "<input>").first?.hint, "write it with its unit: P.d = 30 days")
    }
}
