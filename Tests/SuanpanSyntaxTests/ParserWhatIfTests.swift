import SuanpanSyntax
import XCTest

/// `with Product { param = value … } in body`, and the `Product.param=value` that
/// `--set` and `:set` read: how they parse, and the wrong ways a person will try them.
final class ParserWhatIfTests: XCTestCase {
    func expr(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let result = parse("let x = " + text)
        XCTAssertFalse(result.hasErrors, "\(text): \(result.diagnostics)", file: file, line: line)
        guard result.syntax.items.count == 1, case .letDecl(let d) = result.syntax.items[0] else {
            XCTFail("\(text): expected one let", file: file, line: line)
            return nil
        }
        return render(d.value)
    }

    func testTheBodyReachesAsFarRightAsItCan() {
        XCTAssertEqual(expr("with P { a = 1 } in f(2) + 3"), "(with P { a = 1 } in (f(2) + 3))")
        XCTAssertEqual(expr("with P { a = 1, b = x * 2 } in y"), "(with P { a = 1, b = (x * 2) } in y)")
        XCTAssertEqual(expr("with P { a = 1 b = 2, } in y"), "(with P { a = 1, b = 2 } in y)")
        XCTAssertEqual(expr("(with P { a = 1 } in y) - y"), "((with P { a = 1 } in y) - y)")
        XCTAssertEqual(expr("with P { a = 1 } in with Q { b = 2 } in y"), "(with P { a = 1 } in (with Q { b = 2 } in y))")
        XCTAssertEqual(expr("[with P { a = r } in y for r in rs]"), "[(with P { a = r } in y) for r in rs]")
    }

    func testExpectErrorWithTextStillReadsAfterAWhatIf() {
        let result = parse("test \"t\" { expect error with P { a = 1 } in P.f with \"boom\" }")
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        guard case .test(let t) = result.syntax.items.first, case .expectError(let e, let message, _) = t.statements.first else {
            return XCTFail("expected an expect error")
        }
        XCTAssertEqual(render(e), "(with P { a = 1 } in P.f)")
        XCTAssertEqual(message, "boom")
    }

    func testTheWrongWays() {
        let example = "with Jiebei { daily_rate = 0.05%/day } in Jiebei.interest(10000 CNY, 30 days)"
        let cases: [(String, String, String?)] = [
            ("1 + with P { a = 1 } in y", "'with' cannot be an operand here", "put it in parentheses: x + (with …)"),
            ("with P { a = 1 } y", "expected 'in' and the expression that sees the changes, as in \(example), found a name", nil),
            ("with P { a = 1 }", "expected 'in' and the expression that sees the changes, as in \(example), found the end of the input", nil),
            ("with P { } in y", "'with P { }' changes nothing", "give at least one change: with P { param = value } in …"),
            ("with P.a = 1 in y", "expected '{' and the changes after the product's name, found '.'",
             "name the product, then the parameters inside braces: with P { param = value } in …"),
            ("with P a = 1 in y", "expected '{' and the changes, as in \(example), found a name", nil),
            ("with P { a == 1 } in y", "expected '=', found '=='", "a change is written with one '=': a = value"),
            ("with P { a: 1 } in y", "expected '=' and the parameter's new value, found ':'", nil),
            ("with P { 1 } in y", "expected a parameter to change, as in daily_rate = 0.05%/day, or '}', found a number", nil),
            ("with { a = 1 } in y", "expected the product whose parameters change, as in \(example), found '{'", nil),
            ("with P { a = 1 in y", "expected '}' to close the changes before 'in'", nil),
        ]
        for (source, message, hint) in cases {
            let result = parse("let v = " + source)
            XCTAssertEqual(result.diagnostics.map(\.message), [message], source)
            if let hint { XCTAssertEqual(result.diagnostics.first?.hint, hint, source) }
        }
    }

    func testSetReadsProductDotParameterEqualsValue() {
        let (parsed, diagnostics) = Parser.parseOverride(SourceFile(path: "<--set>", text: "Huabei.overdue_rate = 0.06%/day * 2"))
        XCTAssertEqual(diagnostics.map(\.message), [])
        XCTAssertEqual(parsed?.product.text, "Huabei")
        XCTAssertEqual(parsed?.assignment.target.text, "overdue_rate")
        XCTAssertEqual(parsed.map { render($0.assignment.value) }, "(0.06%/day * 2)")
        let wrong: [(String, String)] = [
            ("Huabei=1", "expected '.' and a parameter, as in Huabei.param=value, found '='"),
            ("Huabei.overdue_rate==1", "expected '=', found '=='"),
            ("Huabei.overdue_rate=1 2", "expected the end of the value, found a number"),
            ("Huabei.overdue_rate=", "expected an expression, found the end of the input"),
        ]
        for (text, message) in wrong {
            let (result, diagnostics) = Parser.parseOverride(SourceFile(path: "<--set>", text: text))
            XCTAssertNil(result, text)
            XCTAssertEqual(diagnostics.map(\.message), [message], text)
        }
    }
}
