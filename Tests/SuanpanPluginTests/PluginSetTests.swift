import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues
import XCTest

/// The extension API on its own: declaring plugins, checking what they declare,
/// and calls typed and run through the checker and runtime.
final class PluginSetTests: XCTestCase {
    /// A small plugin exercising overloads, optional parameters, money binding and constants.
    static var sample: Plugin {
        var p = Plugin(name: "sample", version: "0.1", summary: "for tests")
        p.function("twice", "(x: number) -> number", "(x: money) -> money", summary: "x + x") { _, values throws(ExternalError) in
            let args = Arguments(values)
            let x = try args.amount(0)
            return args.amountResult(try exact { () throws(ArithmeticError) in try x.adding(x) })
        }
        p.function("total", "(a: money, b: money, [c: money]) -> money", summary: "sum of two or three amounts") { _, values throws(ExternalError) in
            let args = Arguments(values)
            var sum = FixedDecimal.zero
            for i in 0..<args.count { let (d, _) = try args.money(i); sum = try exact { () throws(ArithmeticError) in try sum.adding(d) } }
            return args.amountResult(sum)
        }
        p.function("fails", "() -> int", summary: "always fails") { _, _ throws(ExternalError) in throw ExternalError("no such luck") }
        p.function("liar", "() -> percent", summary: "returns a string") { _, _ throws(ExternalError) in .string("oops") }
        p.constant("answer", "int", .decimal(FixedDecimal(42)), summary: "a constant")
        return p
    }

    func evaluate(_ text: String, plugins: [Plugin] = [sample]) throws -> String {
        let set = try PluginSet(plugins)
        let (checked, diagnostics) = Checker.check([], library: set.library)
        XCTAssertTrue(diagnostics.isEmpty)
        let file = SourceFile(path: "<t>", text: text)
        let (expr, parseErrors, _) = Parser.parseExpression(file)
        guard let expr, parseErrors.isEmpty else { return "syntax" }
        let (bound, size, errors) = Checker.checkExpression(expr, file: file, in: checked)
        if let e = errors.first { return "check: \(e.message)" }
        let machine = Machine(CompiledProgram(checked, externals: set.implementations))
        do {
            return Format.display(try machine.evaluate(bound, frameSize: size), bound.type) + " : \(bound.type)"
        } catch {
            return "runtime: \(error.message)"
        }
    }

    func testCallsAreTypedFromTheDeclaredSignatures() throws {
        XCTAssertEqual(try evaluate("twice(21)"), "42 : number")
        XCTAssertEqual(try evaluate("sample.twice(1.50 CNY)"), "3.00 CNY : money<CNY>")
        XCTAssertEqual(try evaluate("total(1 CNY, 2 CNY)"), "3.00 CNY : money<CNY>")
        XCTAssertEqual(try evaluate("total(1 CNY, 2 CNY, 3 CNY)"), "6.00 CNY : money<CNY>")
        XCTAssertEqual(try evaluate("answer + sample.answer"), "84 : int")
    }

    func testArgumentErrorsReadTheSameForEveryFunction() throws {
        XCTAssertEqual(try evaluate("twice(5%)"), "check: argument 1 ('x') of 'sample.twice' must be number, found percent")
        XCTAssertEqual(try evaluate("total(1 CNY, 2 USD)"),
                       "check: argument 2 ('b') of 'sample.total' must be money<CNY> (the call's currency), found money<USD>")
        XCTAssertEqual(try evaluate("total(1 CNY)"), "check: wrong number of arguments to 'sample.total': 1 given")
        XCTAssertEqual(try evaluate("sample.twise(1)"), "check: plugin 'sample' has no function 'twise'")
        XCTAssertEqual(try evaluate("twice"), "check: 'twice' is a function")
    }

    func testFailuresAndLiesAreRuntimeErrors() throws {
        XCTAssertEqual(try evaluate("fails()"), "runtime: no such luck")
        XCTAssertEqual(try evaluate("liar()"), "runtime: plugin function 'sample.liar' returned a value that is not percent")
    }

    func testWhatAPluginDeclaresIsChecked() {
        func problem(_ build: (inout Plugin) -> Void) -> String {
            var p = Plugin(name: "p", version: "1", summary: "")
            build(&p)
            do {
                _ = try PluginSet([p])
                return "ok"
            } catch {
                return error.message
            }
        }
        let noop: ExternalImplementation = { _, _ throws(ExternalError) in .bool(true) }
        XCTAssertEqual(problem { $0.function("f", "(x: int) -> bool", summary: "", noop) }, "ok")
        XCTAssertTrue(problem { $0.function("f", "(x: int -> bool", summary: "", noop) }.contains("malformed signature"))
        XCTAssertTrue(problem { $0.function("f", "(x: widget) -> bool", summary: "", noop) }.contains("unknown type 'widget'"))
        XCTAssertTrue(problem {
            $0.function("f", "() -> bool", summary: "", noop)
            $0.function("f", "() -> bool", summary: "", noop)
        }.contains("defined twice"))
        XCTAssertTrue(problem { $0.function("let", "() -> bool", summary: "", noop) }.contains("not a valid function name"))
        XCTAssertTrue(problem { $0.function("f", signatures: [], summary: "", noop) }.contains("no signature"))
        XCTAssertThrowsError(try PluginSet([Self.sample, Self.sample])) { error in
            XCTAssertTrue("\(error)".contains("already loaded"))
        }
    }

    func testTwoPluginsWithOneNameNeedQualification() throws {
        var other = Plugin(name: "other", version: "1", summary: "")
        other.function("twice", "(x: int) -> int", summary: "") { _, _ throws(ExternalError) in .decimal(FixedDecimal(0)) }
        let both = [Self.sample, other]
        XCTAssertTrue(try evaluate("twice(1)", plugins: both).contains("defined by several plugins"))
        XCTAssertEqual(try evaluate("other.twice(1)", plugins: both), "0 : int")
        XCTAssertEqual(try evaluate("sample.twice(1)", plugins: both), "2 : number")
    }

    func testSignaturesRoundTripThroughTheirDescription() throws {
        for text in ["(rate: percent, periods: number, pv: money, [fv: money, type: int]) -> money",
                     "(xs: list<money>, [r: rate]) -> rate", "() -> date"] {
            let overload = try Overload.parse(text, records: []).get()
            XCTAssertEqual(overload.description, String(text.drop { $0 != "(" }))
        }
    }
}

final class SignatureTemplateTests: XCTestCase {
    func testExpandGivesEveryCombinationInOrder() {
        XCTAssertEqual(Plugin.expand("(r: R, pv: A, [fv: A]) -> A", ["R": ["percent", "rate"], "A": ["number", "money"]]), [
            "(r: percent, pv: number, [fv: number]) -> number",
            "(r: percent, pv: money, [fv: money]) -> money",
            "(r: rate, pv: number, [fv: number]) -> number",
            "(r: rate, pv: money, [fv: money]) -> money",
        ])
        // Only whole words are placeholders: `Amount` and `A_b` stay.
        XCTAssertEqual(Plugin.expand("(Amount: A, A_b: int) -> A", ["A": ["number"]]), ["(Amount: number, A_b: int) -> number"])
    }
}
