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
        p.function("twice", "(x: number) -> number", "(x: money) -> money", summary: "x + x") { args throws(ExternalError) in
            let x = try args.amount(0)
            return args.amountResult(try exact { () throws(ArithmeticError) in try x.adding(x) })
        }
        p.function("total", "(a: money, b: money, [c: money]) -> money", summary: "sum of two or three amounts") { args throws(ExternalError) in
            var sum = FixedDecimal.zero
            for i in 0..<args.count { let (d, _) = try args.money(i); sum = try exact { () throws(ArithmeticError) in try sum.adding(d) } }
            return args.amountResult(sum)
        }
        p.function("fails", "() -> int", summary: "always fails") { _ throws(ExternalError) in throw ExternalError("no such luck") }
        p.function("liar", "() -> percent", summary: "returns a string") { _ throws(ExternalError) in .string("oops") }
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
        let noop: Plugin.Implementation = { _ throws(ExternalError) in .bool(true) }
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
        other.function("twice", "(x: int) -> int", summary: "") { _ throws(ExternalError) in .decimal(FixedDecimal(0)) }
        let both = [Self.sample, other]
        XCTAssertTrue(try evaluate("twice(1)", plugins: both).contains("defined by several plugins"))
        XCTAssertEqual(try evaluate("other.twice(1)", plugins: both), "0 : int")
        XCTAssertEqual(try evaluate("sample.twice(1)", plugins: both), "2 : number")
    }

    /// The parameter names a signature string writes, read here with plain string
    /// operations so that what the plugin machinery reports is checked against the
    /// declaration, not against its own parse: "(a: int, [b: list<int>]) -> int" → a, b.
    static func parameterNames(_ signature: String) -> [String] {
        let inside = signature.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
        return inside.split(separator: ",").compactMap { part in
            part.split(separator: ":").first.map { $0.filter { $0 != "[" && $0 != "]" && $0 != " " } }
        }
    }

    func testImplementationsAreToldTheirDeclaration() throws {
        let signatures = ["(total: money, periods: int) -> string", "(total: number, count: int, [step: number]) -> string"]
        var p = Plugin(name: "told", version: "1", summary: "")
        p.function("whoami", signatures: signatures, summary: "") { args throws(ExternalError) in
            .string("\(args.callee.qualifiedName) \(args.overload) \(args.callee.parameters.joined(separator: ","))")
        }
        for (i, signature) in signatures.enumerated() {
            let call = i == 0 ? "whoami(1 CNY, 2)" : "whoami(1.5, 2)"
            let names = Self.parameterNames(signature).joined(separator: ",")
            XCTAssertEqual(try evaluate(call, plugins: [p]), "told.whoami \(i) \(names) : string")
        }
    }

    func testArgumentErrorsNameTheFunctionAndTheParameterAsDeclared() throws {
        let signatures = ["(total: money, periods: int) -> money", "(total: number, count: int, [step: number]) -> number"]
        let dated = "(when: date) -> number"
        var p = Plugin(name: "spread", version: "1", summary: "")
        p.function("split", signatures: signatures, summary: "") { args throws(ExternalError) in
            let n = try args.int(1)
            guard n >= 1 else { throw args.argumentError(1, "must be at least 1, not \(n)") }
            return args.amountResult(try args.amount(0))
        }
        // A plugin bug: the implementation reads a number where its signature says date.
        p.function("confused", dated, summary: "") { args throws(ExternalError) in .decimal(try args.decimal(0)) }
        let first = Self.parameterNames(signatures[0]), second = Self.parameterNames(signatures[1])
        XCTAssertEqual(try evaluate("split(10 CNY, 0)", plugins: [p]), "runtime: split: argument 2 ('\(first[1])') must be at least 1, not 0")
        // The overload the checker chose names its own parameters.
        XCTAssertEqual(try evaluate("split(10, -1)", plugins: [p]), "runtime: split: argument 2 ('\(second[1])') must be at least 1, not -1")
        XCTAssertEqual(try evaluate("split(10, 100000000000000000000)", plugins: [p]),
                       "runtime: split: argument 2 ('\(second[1])') is too large: 100000000000000000000")
        XCTAssertEqual(try evaluate("confused(2020-01-01)", plugins: [p]),
                       "runtime: confused: internal error: argument 1 ('\(Self.parameterNames(dated)[0])') is not a number")
    }

    func testTheNameReaderReadsSignatures() {
        XCTAssertEqual(Self.parameterNames("(a: int, [b: list<int>, c: money<CNY>]) -> int"), ["a", "b", "c"])
        XCTAssertEqual(Self.parameterNames("() -> date"), [])
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
