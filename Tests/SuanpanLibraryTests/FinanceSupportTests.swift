import Suanpan
import SuanpanChecker
import SuanpanLibrary
import SuanpanPlugin
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues
import XCTest

/// Shared helpers for the finance plugin's tests: every expression is checked and evaluated
/// through the public API (`Program.load` + `evaluate`), exactly as a product file would use it.
///
/// Expected values come from independent computations, noted next to each: the spreadsheet
/// closed forms written out in Python with mpmath at 40 digits (`mp.dps = 40`), roots found with
/// `mpmath.findroot` at 40 digits, and published spreadsheet examples. They are written to
/// FixedDecimal's 18 fraction digits, and results must agree to 12 significant digits (relative
/// difference at most 1e-12, more than the 10 asked for), compared as FixedDecimal, never Double.
/// The Python reference formulas (t = 0 or 1, g = (1 + r)^n):
///
///     pmt  = -(fv + pv*g) * r / ((1 + r*t) * (g - 1))                 (r = 0: -(pv + fv) / n)
///     fv   = -(pv*g + pmt*(1 + r*t)*(g - 1)/r)                         (r = 0: -(pv + pmt*n))
///     pv   = -(fv + pmt*(1 + r*t)*(g - 1)/r) / g                       (r = 0: -(fv + pmt*n))
///     nper = log((pmt*(1+r*t) - fv*r) / (pmt*(1+r*t) + pv*r)) / log(1 + r)
///     ipmt = r * (per == 1 ? (t ? 0 : -pv) : t ? fv(r, per-2, pmt, pv, 1) - pmt : fv(r, per-1, pmt, pv, 0))
///            (LibreOffice ScGetIpmt); ppmt = pmt - ipmt
///     npv  = sum(v_i / (1 + r)^(i+1)); irr: findroot(sum(v_i / (1 + r)^i)); rate: findroot(pv*g + pmt*(1+r*t)*(g-1)/r + fv)
///     xirr = findroot(sum(v_i * (1 + r)^(-(d_i - d_0)/365)))
class FinanceTestCase: XCTestCase {
    var program: Program?

    override func setUp() {
        super.setUp()
        switch Program.load(paths: []) {
        case .success(let (p, _)): program = p
        case .failure(let failure): XCTFail(failure.diagnostics.map { $0.rendered() }.joined(separator: "\n"))
        }
    }

    /// Loads a program from source text, as if it were a file.
    func load(source: String, file: StaticString = #filePath, line: UInt = #line) -> Program? {
        switch Program.load(paths: [], extraSources: [SourceFile(path: "<test>.suan", text: source)]) {
        case .success(let (p, _)): return p
        case .failure(let failure):
            XCTFail(failure.diagnostics.map { $0.rendered() }.joined(separator: "\n"), file: file, line: line)
            return nil
        }
    }

    func evaluate(_ expr: String, in other: Program? = nil) -> Program.Evaluation? {
        (other ?? program)?.evaluate(expr)
    }

    /// The value and type, or nil (after failing the test) when the expression does not evaluate.
    func value(_ expr: String, file: StaticString = #filePath, line: UInt = #line) -> (Value, SType)? {
        switch evaluate(expr) {
        case .value(let v, let t)?: return (v, t)
        case .checkFailed(let d)?: XCTFail("\(expr): \(d.map(\.message).joined(separator: "; "))", file: file, line: line)
        case .runtimeFailed(let e)?: XCTFail("\(expr): \(e.message)", file: file, line: line)
        case nil: XCTFail("no program", file: file, line: line)
        }
        return nil
    }

    /// The displayed value and type, as `suanpan eval` shows them.
    func show(_ expr: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let (v, t) = value(expr, file: file, line: line) else { return "<failed>" }
        return "\(Format.display(v, t)) : \(t)"
    }

    /// Asserts that `expr` is within a relative 1e-12 (absolute 1e-16 near zero) of `expected`;
    /// with `currency`, that it is money in that currency, otherwise a plain number or percent.
    func assertNear(_ expr: String, _ expected: String, currency: String? = nil, relative: String = "0.000000000001",
                    file: StaticString = #filePath, line: UInt = #line) {
        guard let (v, t) = value(expr, file: file, line: line) else { return }
        let actual: FixedDecimal
        switch (v, currency) {
        case (.decimal(let d), nil): actual = d
        case (.money(let d, let c), let want?):
            XCTAssertEqual(c.code, want, "\(expr): currency", file: file, line: line)
            actual = d
        default:
            XCTFail("\(expr): unexpected value \(Format.display(v, t)) : \(t)", file: file, line: line)
            return
        }
        do {
            let e = try FixedDecimal.parse(expected)
            let tolerance = max(try e.magnitude.multiplied(by: try FixedDecimal.parse(relative)), FixedDecimal(units: 100))
            let difference = try actual.subtracting(e).magnitude
            XCTAssertLessThanOrEqual(difference, tolerance, "\(expr) = \(actual), expected \(expected)", file: file, line: line)
        } catch {
            XCTFail("\(expr): \(error)", file: file, line: line)
        }
    }

    /// Asserts the exact displayed value and type.
    func assertShows(_ expr: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(show(expr, file: file, line: line), expected, expr, file: file, line: line)
    }

    /// Asserts that the checker refuses `expr` with a message containing `text`.
    func assertCheckError(_ expr: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case .checkFailed(let d)? = evaluate(expr) else {
            XCTFail("\(expr): expected a check error containing \"\(text)\"", file: file, line: line)
            return
        }
        let messages = d.map(\.message).joined(separator: "; ")
        XCTAssertTrue(messages.contains(text), "\(expr): \"\(messages)\" lacks \"\(text)\"", file: file, line: line)
    }

    /// Asserts that `expr` checks but fails when run, with a message containing `text`.
    func assertRuntimeError(_ expr: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        switch evaluate(expr) {
        case .runtimeFailed(let e)?:
            XCTAssertTrue(e.message.contains(text), "\(expr): \"\(e.message)\" lacks \"\(text)\"", file: file, line: line)
        case .checkFailed(let d)?:
            XCTFail("\(expr): expected a runtime error, got: \(d.map(\.message).joined(separator: "; "))", file: file, line: line)
        default:
            XCTFail("\(expr): expected a runtime error containing \"\(text)\"", file: file, line: line)
        }
    }
}

final class FinanceSupportTests: FinanceTestCase {
    func testThePluginLoadsWithTheOtherStandardPlugins() throws {
        let set = try PluginSet(StandardLibrary.plugins)
        let names = Set(set.library.functions.filter { $0.plugin == "finance" }.map(\.name))
        for name in ["pmt", "ipmt", "ppmt", "pv", "fv", "nper", "rate", "npv", "irr", "xirr", "effect", "nominal",
                     "annual_compound", "apr_irr", "ear_irr", "apr_occupied", "equal_installment", "equal_principal",
                     "installment_plan"] {
            XCTAssertTrue(names.contains(name), "finance.\(name) is missing")
        }
        XCTAssertEqual(Set(set.library.records.map(\.name)).isSuperset(of: ["AmortizationLine", "InstallmentLine"]), true)
    }

    func testQualifiedNamesWork() {
        assertNear("finance.pmt(1.2%, 12, 10000)", "-899.754332793508008792")   // as pmt(…) below
    }

    func testProductParametersNamedLikeSpreadsheetArgumentsStillWork() {
        // `rate`, `periods`, `type` and `guess` are argument names, not plugin functions: products keep them.
        let p = load(source: """
            product Loan {
              param rate: percent = 1.2%
              param periods: int = 12
              rule payment(amount: money<CNY>) -> money<CNY> = round(-pmt(rate, periods, amount), 0.01, half_up)
            }
            """)
        if case .value(let v, let t)? = evaluate("Loan.payment(10000 CNY)", in: p) {
            XCTAssertEqual(Format.display(v, t), "899.75 CNY")
        } else {
            XCTFail("Loan.payment did not evaluate")
        }
    }
}
