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

    func testARowIsChangedByItsKeys() {
        let result = parse("let v = with P { fee(12) = 7.5%, split(3, \"seller\",) = 1% r = 1 } in P.fee(1, 12)")
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        XCTAssertEqual(CanonicalTree.render(result.syntax),
                       "(let v (with P (set (fee (number 12)) (percent 7.5%)) (set (split (number 3) (string \"seller\")) (percent 1%)) "
                       + "(set r (number 1)) (call (member (name P) fee) (number 1) (number 12))))")
        let (parsed, diagnostics) = Parser.parseOverride(SourceFile(path: "<--set>", text: "Huabei.installment_fee(12)=7.5%"))
        XCTAssertEqual(diagnostics.map(\.message), [])
        XCTAssertEqual(parsed?.assignment.keys?.map(render), ["12"])
        let wrong: [(String, String)] = [
            ("with P { fee\n(12) = 1% } in y", "expected '=' and the parameter's new value, found '('"),
            ("with P { fee(12 = 1% } in y", "expected ')' after the row's keys, found '='"),
            ("with P { fee(12) 1% } in y", "expected '=' and the parameter's new value, found a percentage"),
        ]
        for (source, message) in wrong {
            XCTAssertEqual(parse("let v = " + source).diagnostics.map(\.message), [message], source)
        }
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

/// `product B ["title"] = A with { change… member… }`.
final class ParserVariantTests: XCTestCase {
    func testAVariantReadsItsBaseItsChangesAndItsOwnMembers() {
        let result = parse("product B \"b\" = A with {\n  r = 3%  n = 2,\n  param extra: int = 1\n  rule twice(x: int) -> int = x * extra\n}")
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        guard case .product(let p) = result.syntax.items.first, let variant = p.variant else { return XCTFail("expected a variant") }
        XCTAssertEqual(p.title, "b")
        XCTAssertEqual(variant.base.text, "A")
        XCTAssertEqual(variant.changes.map { "\($0.target.text) = \(render($0.value))" }, ["r = 3%", "n = 2"])
        XCTAssertEqual(p.members.count, 2)
        XCTAssertEqual(CanonicalTree.render(result.syntax),
                       "(product B \"b\" (= A)\n  (set r (percent 3%))\n  (set n (number 2))\n  (param extra (type int) (number 1))\n"
                       + "  (rule twice (params (x int)) (-> int) (binary * (name x) (name extra))))")
    }

    func testTheWrongWays() {
        let cases: [(String, String)] = [
            ("product B = A { r = 1 }", "expected 'with' and the changes, as in product B = Base with { param = value }, found '{'"),
            ("product B = { r = 1 }", "expected the product it is made from, as in product B = Base with { param = value }, found '{'"),
            ("product B = A with r = 1", "expected '{' and the changes, as in product B = Base with { param = value }, found a name"),
            ("product B = A with { r: 1 }", "expected '=' and the parameter's new value, found ':'"),
            ("product B = A with { r == 1 }", "expected '=', found '=='"),
            ("product B = A with { 1 }", "expected a change (param = value), a member (param, rule, table, let or rounding) or '}', found a number"),
            ("product B = A with { expect r }", "expected a change (param = value), a member (param, rule, table, let or rounding) or '}', found 'expect'"),
        ]
        for (source, message) in cases {
            XCTAssertEqual(parse(source).diagnostics.map(\.message), [message], source)
        }
    }
}
