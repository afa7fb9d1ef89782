import SuanpanChecker
import SuanpanSyntax
import XCTest

/// Declarations in any order, cycles, inferred result types and "did you mean" hints.
final class DeclarationTests: XCTestCase {
    func global(_ program: CheckedProgram, _ qualifiedName: String) -> GlobalDef? {
        program.globals.first { $0.qualifiedName == qualifiedName }
    }

    func function(_ program: CheckedProgram, _ qualifiedName: String) -> FunctionDef? {
        program.functions.first { $0.qualifiedName == qualifiedName }
    }

    func testDeclarationsMayComeInAnyOrder() {
        let (program, diagnostics) = check("""
        let total = P.fee(bill) + extra
        let bill = Bill { amount: base * 2 }
        let extra = 1 CNY
        product P {
          rule fee(b: Bill) = b.amount * rate
          param rate: percent = 10%
        }
        record Bill { amount: money<CNY> }
        let base = 50 CNY
        """)
        XCTAssertEqual(errors(diagnostics).map(\.description), [])
        XCTAssertEqual(global(program, "total")?.type.description, "money<CNY>")
        XCTAssertEqual(global(program, "bill")?.type.description, "Bill")
        XCTAssertEqual(global(program, "P.rate")?.kind, .parameter)
        XCTAssertEqual(function(program, "P.fee")?.result.description, "money<CNY>")
    }

    func testRecordsMayReferToEachOtherAndHaveDefaults() {
        let (program, diagnostics) = check("""
        record Loan { bills: list<Bill>, fee: percent = 1% }
        record Bill { amount: money<CNY>, paid: money<CNY> = 0 CNY }
        let loan = Loan { bills: [Bill { amount: 5 CNY }] }
        let paid = loan.bills[0].paid
        """)
        XCTAssertEqual(errors(diagnostics).map(\.description), [])
        XCTAssertEqual(global(program, "paid")?.type.description, "money<CNY>")
        XCTAssertEqual(program.records["Loan"]?.fields.map(\.type.description), ["list<Bill>", "percent"])
    }

    func testInferredRuleResultTypes() {
        let (program, diagnostics) = check("""
        product P {
          rule interest(amount: money<CNY>, days: days) = amount * 0.05%/day * days
          rule per_day(amount: money<CNY>) = amount * 0.05%/day
          rule share(n: int) = n / 4
          rule label(n: int) { let s = "n" s + "!" }
          rule constant = 3 months
          table fee(k: int) -> percent { else => 1% }
        }
        rule uses = P.interest(1 CNY, 1 day) + P.per_day(1 CNY) * 1 day
        """)
        XCTAssertEqual(errors(diagnostics).map(\.description), [])
        let results = ["P.interest", "P.per_day", "P.share", "P.label", "P.constant", "P.fee", "uses"].map {
            function(program, $0)?.result.description
        }
        XCTAssertEqual(results, ["money<CNY>", "money<CNY>/day", "number", "string", "months", "percent", "money<CNY>"])
        XCTAssertEqual(function(program, "P.interest")?.parameters.map(\.type.description), ["money<CNY>", "days"])
        XCTAssertEqual(function(program, "P.fee")?.isTable, true)
        XCTAssertEqual(function(program, "P.constant")?.hasParameterList, false)
    }

    func testCyclesAmongConstantsAreErrors() {
        let found = checkErrors("let a = b + 1\nlet b = a + 1")
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.hasSuffix("depends on itself") ?? false, found.first?.message ?? "")
        XCTAssertEqual(checkErrors("let a = a").map(\.message), ["'a' depends on itself"])
    }

    func testARecursiveRuleNeedsADeclaredResultType() {
        let found = checkErrors("rule f(n: int) = if n <= 0 then 0 else f(n - 1)")
        XCTAssertEqual(found.map(\.message), ["'f' calls itself, so its result type must be declared"])
        XCTAssertEqual(found.first?.hint, "write 'rule f(…) -> type = …'")
        XCTAssertEqual(checkErrors("rule f(n: int) -> int = if n <= 0 then 0 else f(n - 1)").map(\.message), [])
        let mutual = "rule even(n: int) -> bool = if n == 0 then true else odd(n - 1)\nrule odd(n: int) -> bool = if n == 0 then false else even(n - 1)"
        XCTAssertEqual(checkErrors(mutual).map(\.message), [])
    }

    func testConstantsThatUseEachOtherAreACycleEvenWithDeclaredTypes() {
        // Declared types settle the types, but no value could ever be computed.
        let found = checkErrors("let a: int = b\nlet b = a")
        XCTAssertEqual(found.map(\.message), ["'a' depends on itself"])
        XCTAssertEqual(checkErrors("let c: int = c + 1").map(\.message), ["'c' depends on itself"])
    }

    func testDidYouMeanHints() {
        let cases: [(String, String, String)] = [
            ("let total = 1\nlet y = totl", "unknown name 'totl'", "did you mean 'total'?"),
            ("let y: intt = 1", "unknown type 'intt'", "did you mean 'int'?"),
            ("record Bill { a: int }\nlet y: Bil = 1", "unknown type 'Bil'", "did you mean 'Bill'?"),
            ("let y = 1 CNX", "unknown currency 'CNX'", "did you mean 'CNY'?"),
            ("let y = 1 RMB", "unknown currency 'RMB'", "did you mean 'CNY'?"),
            ("let y: money<CYN> = 1 CNY", "unknown currency 'CYN'", "did you mean 'CNY'?"),
            ("let y = CNY", "unknown name 'CNY'", "an amount is a number followed by its currency: 1 CNY"),
            ("product P { rule fee(a: int) = a }\nlet y = P.fe(1)", "product 'P' has no member 'fe'", "did you mean 'fee'?"),
            ("record Bill { amount: int }\nlet y = Bill { amont: 1 }.amount", "Bill has no field 'amont'", "did you mean 'amount'?"),
            ("record Bill { amount: int }\nlet y = Bill { amount: 1 }.amout", "Bill has no field 'amout'", "did you mean 'amount'?"),
            ("record Bill { amount: int }\nlet y = Bil { amount: 1 }", "unknown record type 'Bil'", "did you mean 'Bill'?"),
            ("product P { rounding half_upp }", "unknown rounding mode 'half_upp'", "did you mean 'half_up'?"),
            ("let y = round(1.5, 1, half_upp)", "unknown name 'half_upp'", "did you mean 'half_up'?"),
        ]
        for (source, message, hint) in cases {
            let found = checkErrors(source)
            XCTAssertEqual(found.first?.message, message, source)
            XCTAssertEqual(found.first?.hint, hint, source)
        }
    }

    func testOneMistakeGivesOneError() {
        // The invalid type of `a` absorbs every later use.
        let found = checkErrors("let a = nope\nlet b = a + 1 CNY\nlet c = b * 2 > a\nlet d = [a, 1]")
        XCTAssertEqual(found.map(\.message), ["unknown name 'nope'"])
    }

    func testTablesAreChecked() {
        let found = checkErrors("""
        product P {
          table t(k: int) -> percent {
            1 => 1%
            2, 3 => 2%
            "x" => 3%
            4 => 4
            else => 0%
            5 => 5%
          }
        }
        """)
        XCTAssertEqual(found.map(\.message), [
            "this row has 2 keys; 't' takes 1",
            "a key of type int must be int, found string",
            "a row of 't' must be percent, found int",
            "rows after 'else' are never reached",
        ])
        XCTAssertEqual(found.map { $0.location?.line }, [4, 5, 6, 8])
    }

    func testCheckedProgramListsProductsTestsAndPrints() {
        let (program, diagnostics) = check("""
        product P "标题" { param a = 1  let b = 2  rule c = 3  table d(k: int) -> int { else => 4 } }
        test "one" { expect P.a == 1 }
        print P.b
        print P.c, P.d(1)
        """)
        XCTAssertEqual(errors(diagnostics).map(\.description), [])
        let p = program.product(named: "P")
        XCTAssertEqual(p?.title, "标题")
        XCTAssertEqual(p?.parameters.map(\.name), ["a"])
        XCTAssertEqual(p?.constants.map(\.name), ["b"])
        XCTAssertEqual(p?.functions.map(\.name), ["c", "d"])
        XCTAssertEqual(program.tests.map(\.name), ["one"])
        XCTAssertEqual(program.prints.map(\.values.count), [1, 2])
    }
}
