import Foundation
import Suanpan
import SuanpanREPL
import XCTest

/// `_`, `:doc`, `:type` on rules, `:set` alone and its echo, command prefixes, a failed
/// `:reload`, `:save` and `:test`'s summary.
final class DocSetAndSaveTests: REPLTestCase {
    /// A product whose declarations carry `///` comments.
    let documented = """
    /// Cash loans repaid in equal parts.
    product Loan "借款" {
      /// interest per day on what is owed
      param daily_rate: rate/day = 0.05%/day
      param cap: money<CNY> = 5_000 CNY
      /// The interest for some days on an amount,
      /// to the cent.
      rule interest(amount: money<CNY>, d: days) -> money<CNY> = round(amount * daily_rate * d, 0.01, half_up)
      table fee(periods: int) -> percent {
        3 => 1%
        else => 2%
      }
    }
    /// The share every loan pays the platform.
    let platform_share = 3%

    """

    // MARK: _

    func testUnderscoreIsTheLastValueWithTheTypeItHad() throws {
        let t = try type([
            "Huabei.fee(1200.00 CNY, 12)",
            "_ * 2",
            "_",
            ":type _",
            "1 CNY + 1 USD",       // an error leaves _ as it was
            "_ + 1 CNY",
            "Huabei.plan(100.88 CNY, 3, 2.3%)",
            "_[0].payment",
            ":explain _ * 2",
            "let kept = 1",         // a rebuild keeps it
            "_ + 0.01 CNY",
        ])
        XCTAssertEqual(t.errors.count, 1, t.errorText)
        XCTAssertTrue(t.errors[0].contains("cannot add money<CNY> and money<USD>"), t.errors[0])
        XCTAssertEqual(Array(t.output.prefix(6)), [
            "105.60 CNY : money<CNY>",
            "211.20 CNY : money<CNY>",
            "211.20 CNY : money<CNY>",
            "money<CNY>",
            "212.20 CNY : money<CNY>",
            """
            period  principal       fee    payment
                 1  33.64 CNY  0.78 CNY  34.42 CNY
                 2  33.62 CNY  0.77 CNY  34.39 CNY
                 3  33.62 CNY  0.77 CNY  34.39 CNY
            : list<InstallmentLine<CNY>>
            """,
        ])
        XCTAssertEqual(t.output[6], "34.42 CNY : money<CNY>")
        XCTAssertEqual(t.output.last, "34.43 CNY : money<CNY>")
        XCTAssertTrue(t.output.contains("= 68.84 CNY : money<CNY>"), t.outputText)
        XCTAssertTrue(t.output.contains("defined kept"), t.outputText)
    }

    /// A definition rebuilds the program; `_` of a record type still passes where that record is wanted.
    func testUnderscoreKeepsItsRecordTypeAcrossARebuild() throws {
        let t = try type(["cart", "let k = 1", "_ == cart", "Huabei.due_date(cart)", "cart", "let j = 2", "Huabei.due_date(_)",
                          "Huabei.plan(100.88 CNY, 3, 2.3%)", "let i = 3", "_[0] == Huabei.plan(100.88 CNY, 3, 2.3%)[0]"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(t.output[2], "true : bool")
        XCTAssertEqual(t.output[3], "2020-08-10 : date")
        XCTAssertEqual(t.output[6], "2020-08-10 : date")
        XCTAssertEqual(t.output.last, "true : bool")
    }

    func testUnderscoreBeforeAnyValueIsAnUnknownName() throws {
        let t = try type(["_ + 1"], loading: [])
        XCTAssertEqual(t.output, [])
        XCTAssertEqual(t.errors.count, 1)
        XCTAssertTrue(t.errors[0].contains("unknown name '_'"), t.errors[0])
    }

    // MARK: :doc and :type

    /// Core functions have a usage line and a summary too, and :type shows the usage.
    func testDocAndTypeOnABuiltInFunction() throws {
        let t = try type([":doc take", ":type monthly"], loading: [])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(t.output, ["built-in take(list, n)", "  the first n items, all of them if there are fewer",
                                  "built-in monthly(rate[, basis])"])
    }

    /// A keyword shows the form it begins, a summary and an example.
    func testDocOnAKeywordShowsItsFormAndAnExample() throws {
        let t = try type([":doc fold", ":doc then", ":doc sort"], loading: [])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.prefix(2)), [
            "fold STATE[: TYPE] = START for NAME in LIST [where COND] => STEP",
            "  carries a state through a list in order and gives the last state; STEP computes the next state from STATE and the item",
        ])
        XCTAssertEqual(t.output[2], "  example:")
        XCTAssertTrue(t.output[3].hasPrefix("    let total = fold t = 0 CNY for x in"), t.outputText)
        XCTAssertTrue(t.output.contains("if COND then A else B"), t.outputText)
        XCTAssertTrue(t.output.contains("sort NAME in LIST [by KEY] [descending]"), t.outputText)
    }

    func testDocShowsARulesSignatureCommentAndParameters() throws {
        let dir = ScratchFolder()
        let path = dir.write("loan.suan", documented)
        let t = try type([":doc Loan.interest", ":doc Loan.fee", ":doc Loan.daily_rate", ":doc platform_share"], loading: [path])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(t.output, [
            "rule Loan.interest(amount: money<CNY>, d: days) -> money<CNY>",
            "  The interest for some days on an amount,",
            "  to the cent.",
            "  parameters:",
            "    amount: money<CNY>",
            "    d: days",
            "table Loan.fee(periods: int) -> percent",
            "  parameters:",
            "    periods: int",
            "param Loan.daily_rate: rate/day = 0.05%/day",
            "  interest per day on what is owed",
            "let platform_share: percent = 3%",
            "  The share every loan pays the platform.",
        ])
    }

    func testDocShowsAProductWithItsParametersAndRules() throws {
        let dir = ScratchFolder()
        let path = dir.write("loan.suan", documented)
        let t = try type([":set Loan.cap = 8,000 CNY", ":doc Loan"], loading: [path])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.dropFirst()), [
            "product Loan \"借款\"",
            "  Cash loans repaid in equal parts.",
            "  parameters:",
            "    daily_rate: rate/day = 0.05%/day  — interest per day on what is owed",
            "    cap: money<CNY> = 8,000.00 CNY",
            "  rule interest(amount: money<CNY>, d: days) -> money<CNY>  — The interest for some days on an amount,",
            "  table fee(periods: int) -> percent",
        ])
    }

    func testDocShowsAPluginFunctionsSummary() throws {
        let qualified = try type([":doc finance.npv"], loading: [])
        let plain = try type([":doc npv"], loading: [])
        XCTAssertEqual(qualified.errors, [])
        XCTAssertEqual(plain.output, qualified.output)
        // Each overload's signature, then the summary.
        XCTAssertEqual(qualified.output.first, "finance.npv(rate: percent, values: list<number>) -> number")
        XCTAssertTrue(qualified.output.contains("finance.npv(rate: rate, values: list<money>) -> money"), qualified.outputText)
        XCTAssertEqual(qualified.output.last, "  the net present value of cash flows at the end of periods 1, 2, … (NPV)")
        XCTAssertEqual(qualified.output.filter { !$0.hasPrefix("finance.npv(") }.count, 1, qualified.outputText)
    }

    func testDocOfAnUnknownNameSaysWhatItTakes() throws {
        let t = try type([":doc Huabei.nope", ":doc Huabei.fe", ":doc"])
        XCTAssertEqual(t.output, [])
        XCTAssertEqual(t.errors, [
            "nothing is named 'Huabei.nope': :doc takes a rule, table, product, parameter, constant, record, built-in or plugin function, or a keyword, such as Huabei.fee, round or fold; :env lists the names",
            "nothing is named 'Huabei.fe' (did you mean Huabei.fee?): :doc takes a rule, table, product, parameter, constant, record, built-in or plugin function, or a keyword, such as Huabei.fee, round or fold; :env lists the names",
            "usage: :doc NAME",
        ])
    }

    func testTypeOfARuleOrATableIsItsSignature() throws {
        let t = try type([":type Huabei.fee", ":type Huabei.installment_fee", ":t Huabei.due_day", "rule dbl(x: int) -> int = x * 2", ":type dbl"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(t.output, [
            "rule Huabei.fee(amount: money<CNY>, periods: int) -> money<CNY>",
            "table Huabei.installment_fee(periods: int) -> percent",
            "int",
            "defined dbl",
            "rule dbl(x: int) -> int",
        ])
    }

    // MARK: :set

    func testSetAloneListsTheOverridesAsDisplayed() throws {
        let t = try type([
            ":set",
            ":set Huabei.overdue_rate = 0.03%/day * 2",
            ":set Huabei.installment_fee(12) = 7.5%",
            ":set Huabei.due_day = 10 + 5",
            ":set",
        ])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(t.output, [
            "no overrides: :set Product.param = VALUE tries another value",
            "Huabei.overdue_rate = 0.06%/day",
            "Huabei.installment_fee(12) = 7.5%",
            "Huabei.due_day = 15",
            "Huabei.overdue_rate = 0.06%/day",
            "Huabei.installment_fee(12) = 7.5%",
            "Huabei.due_day = 15",
        ])
    }

    // MARK: Command prefixes

    func testAnyUniquePrefixNamesACommand() throws {
        let t = try type([":ex Huabei.installment_fee(3)", ":ty 1 + 1", ":en", ":tes", ":ti 1", ":do Huabei.fee", ":un"], loading: [huabei])
        XCTAssertEqual(Array(t.output.prefix(4)), [
            "Huabei.installment_fee(…)",
            "  with periods = 3",
            "  table Huabei.installment_fee: periods = 3 matches row 1: 3 => 2.5%",
            "  = 2.5%",
        ])
        XCTAssertTrue(t.output.contains("= 2.5% : percent"), t.outputText)
        XCTAssertTrue(t.output.contains("int"), t.outputText)
        XCTAssertTrue(t.output.contains("files: \(huabei)"), t.outputText)
        XCTAssertTrue(t.output.contains("5 passed, 0 failed, 0 skipped"), t.outputText)
        XCTAssertTrue(t.output.contains("rule Huabei.fee(amount: money<CNY>, periods: int) -> money<CNY>"), t.outputText)
        XCTAssertEqual(t.errors, ["no overrides to remove"])
    }

    func testAnAmbiguousPrefixSaysWhichCommandsItCouldBe() throws {
        let t = try type([":s", ":te", ":re"], loading: [])
        XCTAssertEqual(t.errors, ["ambiguous command :s: it could be :set, :save, :scenario; type more of its name"])
        XCTAssertEqual(t.output, ["0 passed, 0 failed, 0 skipped", "reloaded (no files)"])
    }

    // MARK: :reload

    func testAFailedReloadSaysThePreviousDefinitionsStay() throws {
        let dir = ScratchFolder()
        let path = dir.write("p.suan", "let rate = 2%\n")
        let session = try makeSession()
        _ = session.load(path)
        let first = try run([.line("rate")], session: session).0
        XCTAssertEqual(first.output, ["2% : percent"])
        dir.write("p.suan", "let rate = 2% +\n")
        let t = try run([.line(":reload"), .line("rate")], session: session).0
        XCTAssertEqual(t.output, ["2% : percent"])
        XCTAssertEqual(t.errors.count, 2, t.errorText)
        XCTAssertTrue(t.errors[0].contains("p.suan:"), t.errors[0])
        XCTAssertEqual(t.errors[1], "reload failed: the previous definitions stay in force; fix the file and :reload again")
    }

    // MARK: :save

    /// Saved, then loaded into a new session: the same answers.
    func testSaveWritesAFileThatLoadsBackWithTheSameResults() throws {
        let dir = ScratchFolder()
        let saved = dir.path("session.suan")
        let questions = ["net(100 CNY)", "Promo.fee(1200.00 CNY, 12)", "R { a: 1 }.b", "vat", ":test"]
        let first = try type([
            "let vat = 6%",
            "rule net(x: money<CNY>) -> money<CNY> = x + x * vat",
            "product Promo = Huabei with { installment_fee(12) = 7.5% }",
            "record R { a: int, b: int = 9 }",
            "test \"net adds the tax\" { expect net(100 CNY) == 107.00 CNY }",
            "let vat = 7%",                   // replaced: saved once, as it is now
        ] + questions + [":set Huabei.overdue_rate = 0.06%/day", ":save \(saved)"])
        XCTAssertEqual(first.errors, [])
        XCTAssertEqual(first.output.last, "saved 5 definitions to \(saved)")
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        XCTAssertTrue(text.contains("import \"\(huabei)\"\n"), text)
        XCTAssertTrue(text.contains("\nlet vat = 7%\n"), text)
        XCTAssertFalse(text.contains("vat = 6%"), text)
        XCTAssertTrue(text.contains("// :set Huabei.overdue_rate = 0.06%/day\n"), text)

        let second = try type([":load \(saved)"] + questions, loading: [])
        XCTAssertEqual(second.errors, [])
        XCTAssertEqual(second.output.first, "loaded \(saved)")
        // After six "defined" lines come the answers, then the :set and the :save.
        let answers = Array(first.output.dropFirst(6).dropLast(2))
        XCTAssertEqual(Array(second.output.dropFirst()), answers)
        XCTAssertEqual(Array(answers.prefix(4)), ["107.00 CNY : money<CNY>", "90.00 CNY : money<CNY>", "9 : int", "7% : percent"])
        XCTAssertEqual(answers.last, "6 passed, 0 failed, 0 skipped")
    }

    /// A definition typed that replaces one of a loaded file's: the saved file cannot import
    /// that file (it would declare the name twice), so it holds the file's other declarations,
    /// and loads back, at the prompt or with `suanpan test`, with the same answers.
    func testSaveAfterShadowingALoadedDeclarationLoadsBackWithTheSameResults() throws {
        let dir = ScratchFolder()
        let saved = dir.path("shadowed.suan")
        // cart's date 2020-07-31 goes on the bill of 2020-08-01, due on the 10th: 10 days free;
        // 1,000 CNY unpaid 10 days at 0.05% a day is 5.00 CNY; huabei.suan has 5 tests.
        let questions = ["Huabei.interest_free_days(cart)", "Huabei.overdue_interest(Bill { amount: 1000 CNY, days_overdue: 10 days })", ":test"]
        let first = try type([
            "record Bill { amount: money<CNY>, paid: money<CNY> = 0 CNY, days_overdue: days = 0 days }",
            "let cart = Purchase { amount: 600.00 CNY, date: 2020-07-31 }",
        ] + questions + [":save \(saved)"])
        XCTAssertEqual(first.errors, ["Bill", "cart"].map { "note: \($0) shadows the one in \(huabei) for the rest of this session" })
        let answers = Array(first.output.dropFirst(2).dropLast())
        XCTAssertEqual(Array(answers.prefix(2)), ["10 days : days", "5.00 CNY : money<CNY>"])
        XCTAssertEqual(answers.last, "5 passed, 0 failed, 0 skipped")
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        XCTAssertFalse(text.contains("import \""), text)
        XCTAssertTrue(text.contains("\nrecord Purchase {"), text)
        XCTAssertFalse(text.contains("// the statement amount"), "the file's Bill is left out: \(text)")
        XCTAssertFalse(text.contains("1200.00 CNY, date: 2020-07-01"), "the file's cart is left out: \(text)")

        let second = try type([":load \(saved)"] + questions, loading: [])
        XCTAssertEqual(second.errors, [])
        XCTAssertEqual(Array(second.output.dropFirst()), answers)

        // As a file on its own: it checks, and its tests (the loaded file's) pass.
        guard case .success(let (program, _)) = Program.load(paths: [saved]) else { return XCTFail("the saved file does not check:\n\(text)") }
        let results = program.runTests()
        XCTAssertEqual(results.count, 5)
        XCTAssertTrue(results.allSatisfy(\.passed))
    }

    func testSaveToAFolderThatDoesNotExistIsAnError() throws {
        let t = try type([":save /no/such/folder/s.suan", ":save"], loading: [])
        XCTAssertEqual(t.output, [])
        XCTAssertEqual(t.errors.count, 2, t.errorText)
        XCTAssertTrue(t.errors[0].hasPrefix("cannot write /no/such/folder/s.suan: "), t.errors[0])
        XCTAssertTrue(t.errors[0].hasSuffix("; give :save a path in a folder that exists and can be written"), t.errors[0])
        XCTAssertEqual(t.errors[1], "usage: :save FILE")
    }
}
