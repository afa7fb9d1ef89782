import SuanpanSyntax
import XCTest

/// Renders a tree fully parenthesised: `(1 + (2 * 3))`, `(-(2 ^ 2))`, `f(a)[0].b`.
func render(_ e: Expr) -> String {
    switch e.kind {
    case .literal(.string, let text): return "\"\(text)\""
    case .literal(_, let text): return text
    case .name(let n): return n
    case .unary(.negate, let x): return "(-\(render(x)))"
    case .unary(.not, let x): return "(not \(render(x)))"
    case .binary(let op, let a, let b): return "(\(render(a)) \(op.rawValue) \(render(b)))"
    case .conditional(let c, let t, let f): return "(if \(render(c)) then \(render(t)) else \(render(f)))"
    case .member(let base, let name): return "\(render(base)).\(name.text)"
    case .call(let f, let args): return "\(render(f))(\(args.map(render).joined(separator: ", ")))"
    case .index(let base, let i): return "\(render(base))[\(render(i))]"
    case .slice(let base, let from, let to, let through):
        return "\(render(base))[\(from.map(render) ?? "")\(through ? ".." : "..<")\(to.map(render) ?? "")]"
    case .list(let items): return "[\(items.map(render).joined(separator: ", "))]"
    case .comprehension(let element, let variable, let source, let filter):
        return "[\(render(element)) for \(variable.text) in \(render(source))" + (filter.map { " where \(render($0))" } ?? "") + "]"
    case .record(let name, let fields):
        return "\(name.text) {" + fields.map { " \($0.name.text): \(render($0.value))" }.joined(separator: ",") + " }"
    case .row(let fields):
        return "(" + fields.map { "\($0.name.text): \(render($0.value))" }.joined(separator: ", ") + ")"
    case .arrange(let a):
        return "(\(a.kind.rawValue) \(a.variable.text) in \(render(a.source))" + (a.key.map { " by \(render($0))" } ?? "")
            + (a.descending ? " descending" : "") + ")"
    case .fold(let f):
        let type = f.stateType.map { ": \($0.name.text)" } ?? ""
        let condition = f.filter.map { " where \(render($0))" } ?? ""
        return "(\(f.kind.rawValue) \(f.state.text)\(type) = \(render(f.initial)) for \(f.variable.text) in \(render(f.source))\(condition) => \(render(f.step)))"
    case .scoped(let w):
        return "(with \(w.product.text) {" + w.assignments.map { " \($0.target.text) = \(render($0.value))" }.joined(separator: ",") + " } in \(render(w.body)))"
    }
}

func parse(_ text: String) -> ParseResult { Parser.parse(SourceFile(path: "t.suan", text: text)) }

final class ParserTests: XCTestCase {
    /// The expression of `let x = <text>`, rendered; nil and a failure on a syntax error.
    func expr(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let result = parse("let x = " + text)
        XCTAssertFalse(result.hasErrors, "\(text): \(result.diagnostics)", file: file, line: line)
        guard result.syntax.items.count == 1, case .letDecl(let d) = result.syntax.items[0] else {
            XCTFail("\(text): expected one let, got \(result.syntax.items.count) items", file: file, line: line)
            return nil
        }
        return render(d.value)
    }

    func testPrecedenceAndAssociativity() {
        let cases: [(String, String)] = [
            ("1 + 2 * 3", "(1 + (2 * 3))"),
            ("1 * 2 + 3", "((1 * 2) + 3)"),
            ("a - b - c", "((a - b) - c)"),
            ("a / b / c", "((a / b) / c)"),
            ("a / b * c", "((a / b) * c)"),
            ("-2^2", "(-(2 ^ 2))"),
            ("2^3^2", "(2 ^ (3 ^ 2))"),
            ("2^-1", "(2 ^ (-1))"),
            ("-a * b", "((-a) * b)"),
            ("- -a", "(-(-a))"),
            ("a - -b", "(a - (-b))"),
            ("not a == b", "(not (a == b))"),
            ("not not p", "(not (not p))"),
            ("p or q and r", "(p or (q and r))"),
            ("p and q or r", "((p and q) or r)"),
            ("p or q or r", "((p or q) or r)"),
            ("not p and q", "((not p) and q)"),
            ("a + b < c * d", "((a + b) < (c * d))"),
            ("a >= b and c != d", "((a >= b) and (c != d))"),
            ("(1 + 2) * 3", "((1 + 2) * 3)"),
            ("if p then 1 else 2 + 3", "(if p then 1 else (2 + 3))"),
            ("if p then 1 else if q then 2 else 3", "(if p then 1 else (if q then 2 else 3))"),
            ("if if p then q else r then 1 else 2", "(if (if p then q else r) then 1 else 2)"),
            ("a.b(1)[2].c", "a.b(1)[2].c"),
            ("f(x)(y)", "f(x)(y)"),
            ("-a.b ^ 2", "(-(a.b ^ 2))"),
            ("1200.00 CNY * 8.8%", "(1200.00 CNY * 8.8%)"),
            ("2020-06-30 - 2020-01-01", "(2020-06-30 - 2020-01-01)"),
            ("f(1, if p then 2 else 3,)", "f(1, (if p then 2 else 3))"),
        ]
        for (source, tree) in cases { XCTAssertEqual(expr(source), tree, source) }
    }

    func testComparisonsDoNotChain() {
        for source in ["1 < 2 < 3", "a == b == c", "a <= b > c"] {
            let result = parse("let x = " + source)
            XCTAssertEqual(result.diagnostics.map(\.message), ["comparisons do not chain"], source)
            XCTAssertEqual(result.diagnostics.first?.hint, "write 'a < b and b < c'")
        }
        XCTAssertEqual(expr("(1 < 2) == true"), "((1 < 2) == true)")
    }

    func testIfIsOnlyAWholeExpression() {
        XCTAssertTrue(parse("let x = 1 + if p then 1 else 2").hasErrors)
        XCTAssertEqual(expr("1 + (if p then 1 else 2)"), "(1 + (if p then 1 else 2))")
        XCTAssertTrue(parse("let x = if p then 1").hasErrors, "every if needs else")
    }

    func testFoldAndScanReadAsFarRightAsTheyCan() {
        XCTAssertEqual(expr("fold s = 0 for x in xs => s + x"), "(fold s = 0 for x in xs => (s + x))")
        XCTAssertEqual(expr("scan s: int = 0 for x in xs where x > 1 => s * x"), "(scan s: int = 0 for x in xs where (x > 1) => (s * x))")
        XCTAssertEqual(expr("1 + (fold s = 0 for x in xs => s)"), "(1 + (fold s = 0 for x in xs => s))")
        let cases: [(String, String, String?)] = [
            ("1 + fold s = 0 for x in xs => s", "'fold' cannot be an operand here", "put it in parentheses: x + (fold …)"),
            ("fold s for x in xs => s", "expected '=' and the starting state, found 'for'", nil),
            ("fold s = 0 for x in xs s + x", "expected '=>' and the next state, found a name", nil),
            ("scan s = 0 for x in xs: s", "expected '=>' and the next state, found ':'", nil),
            ("fold(0, xs)", "expected the name of the state after 'fold', as in fold total = 0 CNY for x in xs => total + x, found '('", nil),
            ("fold s = 0 in xs => s", "expected 'for' and the list to go through, as in fold s = … for x in xs => …, found 'in'", nil),
        ]
        for (source, message, hint) in cases {
            let result = parse("let v = " + source)
            XCTAssertEqual(result.diagnostics.map(\.message), [message], source)
            if let hint { XCTAssertEqual(result.diagnostics.first?.hint, hint, source) }
        }
    }

    func testRowsSortAndGroup() {
        XCTAssertEqual(expr("(a: 1, b: x + 1)"), "(a: 1, b: (x + 1))")
        XCTAssertEqual(expr("(a + 1)"), "(a + 1)")
        XCTAssertEqual(expr("sort b in bills by b.amount descending"), "(sort b in bills by b.amount descending)")
        XCTAssertEqual(expr("sort x in xs"), "(sort x in xs)")
        XCTAssertEqual(expr("group b in bills by b.merchant"), "(group b in bills by b.merchant)")
        let cases: [(String, String)] = [
            ("sort(xs)", "expected the name of each item after 'sort', as in sort b in bills by b.amount, found '('"),
            ("group b in xs", "expected 'by' and the key to group by, found the end of the input"),
            ("1 + sort x in xs", "'sort' cannot be an operand here"),
            ("(a: 1", "expected ')' or ',', found the end of the input"),
        ]
        for (source, message) in cases {
            XCTAssertEqual(parse("let v = " + source).diagnostics.map(\.message), [message], source)
        }
    }

    func testSlices() {
        XCTAssertEqual(expr("xs[1..<3]"), "xs[1..<3]")
        XCTAssertEqual(expr("xs[a + 1..b * 2]"), "xs[(a + 1)..(b * 2)]")
        XCTAssertEqual(expr("xs[..]"), "xs[..]")
        XCTAssertEqual(expr("xs[2..][0]"), "xs[2..][0]")
        let result = parse("let v = xs[1..<]")
        XCTAssertEqual(result.diagnostics.map(\.message), ["'..<' needs the end it stops before"])
        XCTAssertEqual(result.diagnostics.first?.hint, "write xs[a..<b], or xs[a..] for the rest")
    }

    func testParenOrBracketStartingALineBeginsANewExpression() {
        let result = parse("rule r(p: int, n: int) -> int {\n  let fee = p * 2\n  (p + fee) / n\n}")
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        guard case .rule(let rule) = result.syntax.items.first else { return XCTFail("no rule") }
        XCTAssertEqual(rule.body.lets.map { render($0.value) }, ["(p * 2)"])
        XCTAssertEqual(render(rule.body.value), "((p + fee) / n)")

        let list = parse("rule r -> int {\n  let xs = a   \n  [1, 2][0]\n}")
        XCTAssertFalse(list.hasErrors, "trailing spaces before the newline change nothing: \(list.diagnostics)")
        if case .rule(let rule) = list.syntax.items.first { XCTAssertEqual(render(rule.body.value), "[1, 2][0]") }

        // On the same line it is a call, and the block then has no result.
        XCTAssertTrue(parse("rule r(p: int) -> int { let fee = p * 2 (p + fee) }").hasErrors)
        // A line starting with `-` continues the expression.
        XCTAssertEqual(expr("1\n- 2"), "(1 - 2)")
        XCTAssertEqual(expr("xs[\n1]"), "xs[1]")
        XCTAssertEqual(expr("max(\n1,\n2)"), "max(1, 2)")
    }

    func testListsRecordsAndComprehensions() {
        XCTAssertEqual(expr("[]"), "[]")
        XCTAssertEqual(expr("[1, 2, 3,]"), "[1, 2, 3]")
        XCTAssertEqual(expr("[[1], []]"), "[[1], []]")
        XCTAssertEqual(expr("Bill { amount: 1 CNY, paid: 0 CNY, }"), "Bill { amount: 1 CNY, paid: 0 CNY }")
        XCTAssertEqual(expr("Empty {}"), "Empty { }")
        XCTAssertEqual(expr("[b.amount * 2 for b in bills]"), "[(b.amount * 2) for b in bills]")
        XCTAssertEqual(expr("[i for i in range(1, 3) where i > 1 and i < 3]"), "[i for i in range(1, 3) where ((i > 1) and (i < 3))]")
        XCTAssertEqual(expr("\"a\\\"b\""), "\"a\"b\"")
        XCTAssertTrue(parse("let x = [for i in xs]").hasErrors)
        XCTAssertTrue(parse("let x = [1 2]").hasErrors)
    }

    func testDeclarations() {
        let source = """
        import "lib.suan"
        let a: money<CNY>/day = 1
        record Bill { amount: money<CNY> paid: money<CNY> = 0 CNY, tags: list<list<string>> }
        product P "花呗" { param r: rate/day = 0.05%/day  rounding half_up 0.01  let k = 2  rule z = 1 }
        rule f(a: int, b: int,) -> int { let c = a + b let d = c * 2 d }
        rule g = 1
        rule h() = 2
        test "t" { let v = 1 expect v == 1 expect error f(1, 2) with "no" print v, 2 }
        print 1, "two"
        """
        let result = parse(source)
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        let items = result.syntax.items
        XCTAssertEqual(items.count, 9)
        if case .importDecl(let i) = items[0] { XCTAssertEqual(i.path, "lib.suan") } else { XCTFail("import") }
        if case .letDecl(let d) = items[1] {
            XCTAssertEqual(d.type?.name.text, "money")
            XCTAssertEqual(d.type?.argument?.name.text, "CNY")
            XCTAssertEqual(d.type?.per?.text, "day")
        } else { XCTFail("let") }
        if case .record(let r) = items[2] {
            XCTAssertEqual(r.fields.map(\.name.text), ["amount", "paid", "tags"])
            XCTAssertNotNil(r.fields[1].defaultValue)
            XCTAssertEqual(r.fields[2].type.argument?.argument?.name.text, "string")
        } else { XCTFail("record") }
        if case .product(let p) = items[3] {
            XCTAssertEqual(p.title, "花呗")
            XCTAssertEqual(p.members.count, 4)
            if case .rounding(let r) = p.members[1] { XCTAssertEqual(r.mode.text, "half_up") } else { XCTFail("rounding") }
        } else { XCTFail("product") }
        if case .rule(let f) = items[4] {
            XCTAssertEqual(f.parameters?.map(\.name.text), ["a", "b"])
            XCTAssertEqual(f.body.lets.map(\.name.text), ["c", "d"])
            XCTAssertEqual(render(f.body.value), "d")
        } else { XCTFail("rule f") }
        if case .rule(let g) = items[5] { XCTAssertNil(g.parameters) } else { XCTFail("rule g") }
        if case .rule(let h) = items[6] { XCTAssertEqual(h.parameters?.count, 0) } else { XCTFail("rule h") }
        if case .test(let t) = items[7] {
            XCTAssertEqual(t.name, "t")
            XCTAssertEqual(t.statements.count, 4)
            if case .expectError(_, let message, _) = t.statements[2] { XCTAssertEqual(message, "no") } else { XCTFail("expect error") }
        } else { XCTFail("test") }
        if case .print(let p) = items[8] { XCTAssertEqual(p.values.map(render), ["1", "\"two\""]) } else { XCTFail("print") }
    }

    func testMembersOutsideAProductAreErrors() {
        XCTAssertEqual(parse("param x = 1").diagnostics.first?.message, "'param' belongs inside a product { … }")
        XCTAssertEqual(parse("table t(k: int) -> int { else => 1 }").diagnostics.first?.message, "'table' belongs inside a product { … }")
        XCTAssertEqual(parse("expect 1 == 1").diagnostics.first?.message, "'expect' belongs inside a test \"…\" { … } block")
        XCTAssertEqual(parse("let rule = 1").diagnostics.first?.hint, "'rule' is reserved; choose another name")
    }

    /// A displayed `1,200.00 CNY` typed into source: the comma separates, and the hint writes the source form.
    func testADisplayedGroupedAmountGetsTheUnderscoreForm() {
        let cases: [(String, String)] = [
            ("let x = 1,200.00 CNY", "1_200.00 CNY"),
            ("product P { param limit: money<CNY> = 20,000 CNY }", "20_000 CNY"),
            ("test \"t\" { expect 1 CNY == 1,200,000.00 CNY }", "1_200_000.00 CNY"),
            ("let d = 1,000 days", "1_000 days"),
            ("let f = 1,200 CNY/month", "1_200 CNY/month"),
        ]
        for (source, written) in cases {
            let hint = parse(source).diagnostics.first?.hint
            let plain = written.replacingOccurrences(of: "_", with: "")
            XCTAssertEqual(hint, "',' separates values here; group digits with '_' or not at all: \(written) or \(plain)", source)
        }
        // Not a grouping: no such hint.
        XCTAssertNil(parse("let x = 1, 2").diagnostics.first?.hint)
        XCTAssertNil(parse("let x = 1,2000 CNY").diagnostics.first?.hint)
    }
}

/// Tables, error recovery, incomplete input, the depth limit and `parseExpression`.
final class ParserRecoveryTests: XCTestCase {
    func table(_ rows: String, keys: String = "k: int") -> TableDecl? {
        let result = parse("product P { table t(\(keys)) -> int {\n\(rows)\n} }")
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        guard case .product(let p) = result.syntax.items.first, case .table(let t) = p.members.first else { return nil }
        return t
    }

    func describe(_ p: Pattern) -> String {
        switch p.kind {
        case .any: return "_"
        case .exact(let e): return render(e)
        case .range(let lo, let hi, let inclusive):
            return (lo.map(render) ?? "") + (inclusive ? ".." : "..<") + (hi.map(render) ?? "")
        }
    }

    func testEveryPatternForm() {
        let rows = """
        1, _ => 1
        2..5, x => 2
        6..<10, "a" => 3,
        -5, -1.5 => 4
        10.., 2020-01-01.. => 5
        ..0, ..<2021-01-01 => 6
        ..<-1, 1 CNY..2 CNY => 7,
        else => 0
        """
        guard let t = table(rows, keys: "k: int, d: date") else { return XCTFail("no table") }
        XCTAssertEqual(t.rows.map { $0.patterns?.map(describe) ?? ["else"] }, [
            ["1", "_"], ["2..5", "x"], ["6..<10", "\"a\""], ["(-5)", "(-1.5)"], ["10..", "2020-01-01.."],
            ["..0", "..<2021-01-01"], ["..<(-1)", "1 CNY..2 CNY"], ["else"],
        ])
        XCTAssertEqual(t.rows.map { render($0.value) }, ["1", "2", "3", "4", "5", "6", "7", "0"])
    }

    /// README pitfall: a row starting with `-` continues the previous row's value.
    func testARowStartingWithMinusContinuesThePreviousValue() {
        guard let silent = table("..<-20 => 5\n-20..<0 => 3") else { return XCTFail("no table") }
        XCTAssertEqual(silent.rows.map { $0.patterns!.map(describe) }, [["..<(-20)"], ["..<0"]])
        XCTAssertEqual(silent.rows.map { render($0.value) }, ["(5 - 20)", "3"])
        guard let fixed = table("..<-20 => 5,\n-20..<0 => 3") else { return XCTFail("no table") }
        XCTAssertEqual(fixed.rows.map { $0.patterns!.map(describe) }, [["..<(-20)"], ["(-20)..<0"]])
    }

    func testTwoBrokenDeclarationsGiveTwoErrorsAndTheRestIsParsed() {
        let result = parse("let a = 1\nlet b = = 2\nlet c = 3\nrecord R { x int }\nlet e = 5\n")
        XCTAssertEqual(result.diagnostics.count, 2, "\(result.diagnostics)")
        XCTAssertEqual(result.diagnostics.map { $0.location?.line }, [2, 4])
        let names = result.syntax.items.compactMap { item -> String? in
            if case .letDecl(let d) = item { return d.name.text } else { return nil }
        }
        XCTAssertEqual(names, ["a", "c", "e"])
    }

    func testRecoveryInsideAProductSkipsToTheNextTopLevelDeclaration() {
        let result = parse("product P {\n  rule r = )\n  rule s = 1\n}\nlet ok = 1\nlet bad = (\n")
        XCTAssertEqual(result.diagnostics.map { $0.location?.line }, [2, 7])
        XCTAssertTrue(result.syntax.items.contains { if case .letDecl(let d) = $0 { d.name.text == "ok" } else { false } })
    }

    func testIsIncompleteOnlyWhenInputIsCutOff() {
        let incomplete = ["product P {", "let x = (1 +", "let x = 1 +", "rule f(a: int", "test \"t\" { expect 1 ==", "let xs = [1, 2,",
                          "record R {", "let x = if p then 1 else"]
        for text in incomplete {
            let result = parse(text)
            XCTAssertTrue(result.hasErrors, text)
            XCTAssertTrue(result.isIncomplete, text)
        }
        let complete = ["", "let x = 1", "let x = )", "let x = ) (", "product P { ) ", "let x = (1 + ]", "rule r = 1 1 +"]
        for text in complete { XCTAssertFalse(parse(text).isIncomplete, text) }
    }

    func testDeepNestingIsOneDiagnosticNotACrash() {
        let n = 1000
        let deep = [
            String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n),
            String(repeating: "-", count: n) + "1",
            String(repeating: "not ", count: n) + "true",
            Array(repeating: "2", count: n).joined(separator: "^"),
            String(repeating: "f(", count: n) + "1" + String(repeating: ")", count: n),
            String(repeating: "if p then 1 else ", count: n) + "2",
            "a" + String(repeating: ".b", count: n),
            "a" + String(repeating: "[0]", count: n),
            Array(repeating: "1", count: 10 * n).joined(separator: " + "),
        ]
        for text in deep {
            let result = parse("let x = " + text + "\nlet y = 2")
            XCTAssertEqual(result.diagnostics.count, 1, String(text.prefix(20)))
            XCTAssertTrue(result.diagnostics.first?.message.contains("too deep") ?? false, String(text.prefix(20)))
            let (e, diagnostics, _) = Parser.parseExpression(SourceFile(path: "<expr>", text: text))
            XCTAssertNil(e)
            XCTAssertEqual(diagnostics.count, 1, String(text.prefix(20)))
        }
        XCTAssertEqual(render(Parser.parseExpression(SourceFile(path: "e", text: String(repeating: "(", count: 50) + "1"
            + String(repeating: ")", count: 50))).0!), "1", "moderate nesting is fine")
    }

    func testParseExpression() {
        let (e, diagnostics, incomplete) = Parser.parseExpression(SourceFile(path: "<expr>", text: "Huabei.fee(1200.00 CNY, 12) * 2"))
        XCTAssertEqual(e.map(render), "(Huabei.fee(1200.00 CNY, 12) * 2)")
        XCTAssertTrue(diagnostics.isEmpty)
        XCTAssertFalse(incomplete)

        let trailing = Parser.parseExpression(SourceFile(path: "<expr>", text: "1 2"))
        XCTAssertEqual(trailing.1.map(\.message), ["expected the end of the expression, found a number"])
        XCTAssertFalse(trailing.incomplete)

        let cut = Parser.parseExpression(SourceFile(path: "<expr>", text: "(1 +"))
        XCTAssertNil(cut.0)
        XCTAssertEqual(cut.1.count, 1)
        XCTAssertTrue(cut.incomplete)
        XCTAssertEqual(cut.1.first?.location?.description, "1:5")
    }

    /// Habits from spreadsheets, Python and price tags: each error says what to write instead.
    func testHabitsFromOtherLanguagesGetTheSuanpanForm() {
        let cases: [(String, String, String)] = [
            ("let b = 1200CNY", "expected a declaration (import, let, record, product, rule, test, print, population or scenario), found a name",
             "an amount is its number, a blank and its currency's code in capitals: 1200 CNY"),
            ("let c = 1200 cny", "expected a declaration (import, let, record, product, rule, test, print, population or scenario), found a name",
             "an amount is its number, a blank and its currency's code in capitals: 1200 CNY"),
            ("let c = 1200 rmb", "expected a declaration (import, let, record, product, rule, test, print, population or scenario), found a name",
             "an amount is its number, a blank and its currency's code in capitals: 1200 CNY"),
            ("let d = ¥1200", "unexpected character '¥'", "an amount is written with its currency's code after it: 1200 CNY"),
            ("let e = 1200 元", "unexpected character '元'", "an amount is written with its currency's code after it: 1200 CNY"),
            ("let e = 12.50元", "unexpected character '元'", "an amount is written with its currency's code after it: 12.50 CNY"),
            ("let d = ¥ 1_200", "unexpected character '¥'", "an amount is written with its currency's code after it: 1_200 CNY"),
            ("let u = $5", "unexpected character '$'", "an amount is written with its currency's code after it: 5 USD"),
            ("let s = 元", "unexpected character '元'", "an amount is written with its currency's code after it: 100 CNY"),
            ("test \"t\" { let x = 1 CNY expect x = 1 CNY }", "expected 'expect', 'let', 'print' or '}' in a test, found '='",
             "to compare two values, write '==' (a == b); '=' only gives a name its value"),
            ("let ys = [a for a in xs where a.tier = 1]", "expected ']', found '='",
             "to compare two values, write '==' (a == b); '=' only gives a name its value"),
            ("let ys = [a for a in xs if a.tier == 1]", "expected ']', found 'if'",
             "a comprehension keeps the items that pass 'where': [x for x in xs where x > 0]"),
            ("let t = fold s = 0 for a in xs if a > 1 => s + a", "expected '=>' and the next state, found 'if'",
             "fold goes through the items that pass 'where': … for x in xs where x > 0 => …"),
        ]
        for (source, message, hint) in cases {
            let first = parse(source).diagnostics.first
            XCTAssertEqual(first?.message, message, source)
            XCTAssertEqual(first?.hint, hint, source)
        }
        XCTAssertEqual(parse("let d = 30 Days").diagnostics.first?.hint, "a duration's unit is written in lower case: 30 days")
        // A name after a number that is no currency and no unit gets no such hint: codes are not guessed.
        XCTAssertNil(parse("let b = 1200 apples").diagnostics.first?.hint)
        XCTAssertNil(parse("let b = 1200 ARX").diagnostics.first?.hint)
    }
}
