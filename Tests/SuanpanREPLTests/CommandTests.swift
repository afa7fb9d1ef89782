import Foundation
import SuanpanREPL
import XCTest

/// The `:` commands.
final class CommandTests: REPLTestCase {
    let overdueBill = "Huabei.overdue_interest(Bill { amount: 1000 CNY, paid: 100 CNY, days_overdue: 30 days })"

    func testHelpListsEveryCommand() throws {
        for spelling in [":help", ":h", ":?"] {
            let t = try type([spelling], loading: [])
            XCTAssertEqual(t.errors, [])
            for name in [":help", ":load", ":reload", ":type", ":doc", ":explain", ":set", ":unset", ":env", ":save", ":test", ":time", ":quit"] {
                XCTAssertTrue(t.output.contains { $0.hasPrefix("  \(name)") }, "\(spelling) does not list \(name)")
            }
            XCTAssertTrue(t.output.contains("  :set Product.param = VALUE  try another value of a parameter (what-if); alone, list them"), t.outputText)
            XCTAssertTrue(t.output.contains("_ is the last value. Commands may be shortened to any unique prefix (:ex for :explain)."), t.outputText)
        }
    }

    func testLoadAFileThenUseIt() throws {
        let t = try type([":load \(huabei)", "Huabei.fee(1200.00 CNY, 12)", ":env"], loading: [])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.prefix(2)), ["loaded \(huabei)", "105.60 CNY : money<CNY>"])
        XCTAssertTrue(t.output.contains("files: \(huabei)"), t.outputText)
    }

    func testLoadingAMissingFileIsAnErrorAndChangesNothing() throws {
        let t = try type([":load /no/such/file.suan", ":load", ":env", "Huabei.fee(1200.00 CNY, 3)"])
        XCTAssertEqual(t.errors.count, 2, t.errorText)
        XCTAssertTrue(t.errors[0].contains("no such file: /no/such/file.suan"), t.errors[0])
        XCTAssertEqual(t.errors[1], "usage: :load FILE")
        XCTAssertFalse(t.output.contains { $0.hasPrefix("loaded") }, t.outputText)
        XCTAssertTrue(t.output.contains("files: \(huabei)"), "the missing file is not kept: \(t.outputText)")
        XCTAssertEqual(t.output.last, "30.00 CNY : money<CNY>")
    }

    func testLoadingAFileThatDoesNotCheckIsRolledBack() throws {
        let dir = ScratchFolder()
        let bad = dir.write("bad.suan", "let x = 1 CNY + 1 USD\n")
        let t = try type([":load \(bad)", ":env", "Huabei.fee(1200.00 CNY, 3)"])
        XCTAssertEqual(t.errors.count, 1)
        XCTAssertTrue(t.errors[0].contains("bad.suan:1:9: error: cannot add money<CNY> and money<USD>"), t.errors[0])
        XCTAssertTrue(t.output.contains("files: \(huabei)"), t.outputText)
        XCTAssertEqual(t.output.last, "30.00 CNY : money<CNY>")
    }

    func testLoadingAFileAndItsImports() throws {
        let dir = ScratchFolder()
        dir.write("common.suan", "let vat = 6%\n")
        let main = dir.write("main.suan", "import \"common.suan\"\nrule gross(x: money<CNY>) -> money<CNY> = x * (1 + vat)\n")
        let t = try type([":load \(main)", "gross(100 CNY)", "vat"], loading: [])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(t.output, ["loaded \(main)", "106.00 CNY : money<CNY>", "6% : percent"])
    }

    func testReloadReadsAFileThatChangedOnDisk() throws {
        let dir = ScratchFolder()
        let path = dir.write("p.suan", "product P { param rate: percent = 2%\n rule fee(x: money<CNY>) -> money<CNY> = x * rate }\n")
        let transcript = Transcript()
        let session = try makeSession()
        var step = 0
        // A reader that rewrites the file between two entries, as an editor would.
        final class EditingReader: LineReader {
            let lines: [String]
            var index = 0
            let between: (Int) -> Void
            init(_ lines: [String], between: @escaping (Int) -> Void) { self.lines = lines; self.between = between }
            func read(prompt: String) -> LineRead {
                between(index)
                guard index < lines.count else { return .end }
                index += 1
                return .line(lines[index - 1])
            }
            func remember(_ entry: String) {}
        }
        let reader = EditingReader([":load \(path)", "P.fee(100 CNY)", ":reload", "P.fee(100 CNY)", "P.bonus", ":r", "P.fee(100 CNY)"]) { index in
            step = index
            if index == 2 {
                dir.write("p.suan", "product P { param rate: percent = 5%\n rule fee(x: money<CNY>) -> money<CNY> = x * rate\n let bonus = 1 }\n")
            }
        }
        let repl = REPL(session: session, reader: reader,
                        output: { transcript.output.append($0) }, errors: { transcript.errors.append($0) })
        repl.run()
        XCTAssertEqual(step, 7)
        XCTAssertEqual(transcript.errors, [])
        XCTAssertEqual(transcript.output, [
            "loaded \(path)", "2.00 CNY : money<CNY>",
            "reloaded \(path)", "5.00 CNY : money<CNY>", "1 : int",
            "reloaded \(path)", "5.00 CNY : money<CNY>",
        ])
    }

    func testReloadWithNoFiles() throws {
        let t = try type([":reload"], loading: [])
        XCTAssertEqual(t.output, ["reloaded (no files)"])
    }

    func testTypeShowsTheTypeWithoutEvaluating() throws {
        let t = try type([
            ":type Huabei.fee(1200.00 CNY, 12)",
            ":t Huabei.plan(1 CNY, 3, 2%)",
            ":type fail(\"never run\")",
            ":type 1 / 0",
            ":type pmt(1.2%, 12, 10000)",
            ":type 1 CNY + 1 USD",
            ":type",
        ])
        XCTAssertEqual(t.output, ["money<CNY>", "list<InstallmentLine<CNY>>", "never", "number", "number"])
        XCTAssertEqual(t.errors.count, 2, t.errorText)
        XCTAssertTrue(t.errors[0].contains("cannot add money<CNY> and money<USD>") && t.errors[0].contains("^"), t.errors[0])
        XCTAssertEqual(t.errors[1], "usage: :type EXPR")
    }

    func testExplainShowsTheRuleTheTableRowAndTheRoundingStep() throws {
        let t = try type([":explain Huabei.fee(1200.00 CNY, 12)"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(t.output, [
            "Huabei.fee(…)",
            "  with amount = 1,200.00 CNY, periods = 12",
            "  Huabei.installment_fee(…)",
            "    with periods = 12",
            "    table Huabei.installment_fee: periods = 12 matches row 4: 12 => 8.8%",
            "    = 8.8%",
            "  round to 0.01, half_even: 105.60 CNY → 105.60 CNY (residual 0.00 CNY)",
            "  = 105.60 CNY",
            "= 105.60 CNY : money<CNY>",
        ])
    }

    func testExplainReportsErrors() throws {
        let t = try type([":explain Huabei.fee(1200.00 CNY, 5)", ":e 1 +", ":explain", "1"])
        XCTAssertEqual(t.output, ["1 : int"])
        XCTAssertEqual(t.errors.count, 3)
        XCTAssertTrue(t.errors[0].contains("no row of table 'Huabei.installment_fee' matches periods = 5"), t.errors[0])
        XCTAssertEqual(t.errors[2], "usage: :explain EXPR")
    }

    func testSetChangesAParameterForLaterEvaluations() throws {
        let t = try type([
            overdueBill,
            ":set Huabei.overdue_rate = 0.06%/day",
            overdueBill,
            "Huabei.overdue_rate",
            "let unrelated = 1",          // a rebuild keeps the override
            overdueBill,
            ":explain \(overdueBill)",    // and the traced build sees it too
        ])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.prefix(6)), [
            "13.50 CNY : money<CNY>",
            "Huabei.overdue_rate = 0.06%/day",
            "16.20 CNY : money<CNY>",
            "0.06%/day : rate/day",
            "defined unrelated",
            "16.20 CNY : money<CNY>",
        ])
        XCTAssertTrue(t.output.contains("  parameter Huabei.overdue_rate = 0.06%/day (set)"), t.outputText)
        XCTAssertEqual(t.output.last, "= 16.20 CNY : money<CNY>")
    }

    /// What `:env` and the prompt display, `:set` reads back: grouped amounts and flows included.
    func testSetReadsValuesAsTheyAreDisplayed() throws {
        let dir = ScratchFolder()
        let path = dir.write("limits.suan", """
        product Card {
          param limit: money<CNY> = 1 CNY
          param salary: money<CNY>/month = 1 CNY/month
          param grace: days = 1 day
          param tiers: list<money<CNY>> = []
        }
        """)
        let t = try type([
            ":set Card.limit = 1,200,000.00 CNY",
            ":set Card.salary = 1,200,000,000.00 CNY/month",
            ":set Card.grace = 1,000 days",
            ":set Card.tiers = [1,200.00 CNY, 5.00 CNY]",
            "Card.limit * 2",
            "Card.salary * 2 months",
            ":env",
        ], loading: [path])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.prefix(6)), [
            "Card.limit = 1,200,000.00 CNY",
            "Card.salary = 1,200,000,000.00 CNY/month",
            "Card.grace = 1,000 days",
            "Card.tiers = [1,200.00 CNY, 5.00 CNY]",
            "2,400,000.00 CNY : money<CNY>",
            "2,400,000,000.00 CNY : money<CNY>",
        ])
        XCTAssertTrue(t.output.contains("  param salary: money<CNY>/month = 1,200,000,000.00 CNY/month   (set)"), t.outputText)
        XCTAssertTrue(t.output.contains("  param tiers: list<money<CNY>> = [1,200.00 CNY, 5.00 CNY]   (set)"), t.outputText)
    }

    /// A table's row, set and unset like a parameter: 1,200 × 7.5% = 90.00, declared 8.8%: 105.60.
    func testSetAndUnsetATableRow() throws {
        let fee = "Huabei.fee(1200.00 CNY, 12)"
        let t = try type([":set Huabei.installment_fee(12) = 7.5%", fee, ":reload", fee, ":explain \(fee)",
                          ":unset Huabei.installment_fee(12)", fee])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.prefix(2)), ["Huabei.installment_fee(12) = 7.5%", "90.00 CNY : money<CNY>"])
        XCTAssertTrue(t.output.contains("    table Huabei.installment_fee: periods = 12 is set to 7.5%"), t.outputText)
        XCTAssertEqual(Array(t.output.suffix(2)), ["Huabei.installment_fee(12) is back to its declared value", "105.60 CNY : money<CNY>"])
        XCTAssertEqual(t.output.filter { $0 == "90.00 CNY : money<CNY>" }.count, 2, t.outputText)
    }

    /// A variant typed at the prompt: its base's rules at its own rate, shown by :env.
    /// 1,200 × 8.8% = 105.60 in Huabei; 1,200 × 7.5% = 90.00 in the variant.
    func testAVariantTypedAtThePrompt() throws {
        let t = try type(["product Promo \"promo\" = Huabei with { installment_fee(12) = 7.5%  overdue_rate = 0.06%/day }",
                          "[Huabei.fee(1200.00 CNY, 12), Promo.fee(1200.00 CNY, 12)]", "Promo.overdue_rate", ":env"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.prefix(3)), ["defined Promo", "[105.60 CNY, 90.00 CNY] : list<money<CNY>>", "0.06%/day : rate/day"])
        XCTAssertTrue(t.output.contains("product Promo \"promo\" = Huabei with { … }"), t.outputText)
        XCTAssertTrue(t.output.contains("  param overdue_rate: rate/day = 0.06%/day"), t.outputText)
    }

    func testSetKeepsTheOverrideAcrossAReload() throws {
        let t = try type([":set Huabei.due_day = 15", ":reload", "Huabei.due_day",
                          "Huabei.due_date(Purchase { amount: 1 CNY, date: 2020-07-01 })"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.suffix(2)), ["15 : int", "2020-08-15 : date"])
    }

    func testSetRefusesAWrongTypeOrAnUnknownParameter() throws {
        let t = try type([
            ":set Huabei.overdue_rate = 5",
            ":set Huabei.overdue_rate = 1%/month",
            ":set Huabei.nope = 1",
            ":set Huabei.overdue_rate",
            "Huabei.overdue_rate",
            ":env",
        ])
        XCTAssertEqual(t.errors.count, 4, t.errorText)
        XCTAssertTrue(t.errors[0].contains("Huabei.overdue_rate is rate/day; '5' is int"), t.errors[0])
        XCTAssertTrue(t.errors[1].contains("'1%/month' is rate/month"), t.errors[1])
        XCTAssertTrue(t.errors[2].contains("no product parameter 'Huabei.nope'"), t.errors[2])
        XCTAssertEqual(t.errors[3], "usage: :set Product.param = VALUE")
        XCTAssertEqual(t.output.first, "0.05%/day : rate/day")
        XCTAssertFalse(t.outputText.contains("(set)"), t.outputText)
    }

    func testUnsetOneOrAll() throws {
        let t = try type([
            ":set Huabei.overdue_rate = 0.06%/day",
            ":set Huabei.minimum_share = 20%",
            ":unset Huabei.overdue_rate",
            overdueBill,
            "Huabei.minimum_share",
            ":unset Huabei.overdue_rate",
            ":unset",
            "Huabei.minimum_share",
            ":unset",
        ])
        XCTAssertEqual(t.output, [
            "Huabei.overdue_rate = 0.06%/day",
            "Huabei.minimum_share = 20%",
            "Huabei.overdue_rate is back to its declared value",
            "13.50 CNY : money<CNY>",
            "20% : percent",
            "all overrides removed",
            "10% : percent",
        ])
        XCTAssertEqual(t.errors, ["Huabei.overdue_rate is not overridden", "no overrides to remove"])
    }

    func testEnvListsFilesProductsParametersRecordsConstantsRulesAndTests() throws {
        let t = try type([
            ":set Huabei.due_day = 15",
            "let vat = 6%",
            "rule dbl(x: int) -> int = x * 2",
            "test \"typed\" { expect dbl(1) == 2 }",
            ":env",
        ])
        XCTAssertEqual(t.errors, [])
        let env = Array(t.output.drop { $0 != "files: \(huabei)" })
        for line in [
            "product Huabei \"花呗\"",
            "  param due_day: int = 15   (set)",
            "  param overdue_rate: rate/day = 0.05%/day",
            "  table installment_fee(periods: int) -> percent",
            "  rule fee(amount: money<CNY>, periods: int) -> money<CNY>",
            "record Purchase { amount: money<CNY>, date: date }",
            "let cart: Purchase",
            "let vat: percent",
            "rule dbl(x: int) -> int",
            "test \"installment fees from the bill-installment table\"",
            "test \"typed\"",
            "plugins: finance 1.0.0, funds 1.0.0, calendar 1.0.0, math 1.0.0, csv 1.0, jsonl 1.0, sqlite 1.0",
        ] {
            XCTAssertTrue(env.contains(line), "missing: \(line)\n\(t.outputText)")
        }
        XCTAssertFalse(env.contains { $0.hasPrefix("record AmortizationLine") }, "plugin records are not listed")
    }

    func testTestRunsLoadedAndTypedTests() throws {
        let t = try type([
            "test \"typed and passing\" { expect Huabei.fee(1200.00 CNY, 6) == 54.00 CNY }",
            "test \"typed and failing\" { expect Huabei.fee(1200.00 CNY, 6) == 55.00 CNY }",
            ":test",
        ])
        XCTAssertEqual(t.errors, [])
        let report = Array(t.output.dropFirst(2))
        XCTAssertEqual(report.filter { $0.hasPrefix("PASS ") }, [
            "PASS installment fees from the bill-installment table",
            "PASS Alipay's cent rule puts the remainders in period 1",
            "PASS interest-free window: up to 40 days",
            "PASS overdue interest: 0.05% a day on what is unpaid",
            "PASS the merchant pays a share of every payment",
            "PASS typed and passing",
        ])
        XCTAssertEqual(report.filter { $0.hasPrefix("FAIL ") }, ["FAIL typed and failing"])
        XCTAssertTrue(t.outputText.contains("expected Huabei.fee(1200.00 CNY, 6) == 55.00 CNY\n      left:  54.00 CNY\n      right: 55.00 CNY"),
                      t.outputText)
        XCTAssertEqual(report.last, "6 passed, 1 failed, 0 skipped")
    }

    func testTestWithNoTests() throws {
        XCTAssertEqual(try type([":test"], loading: []).output, ["0 passed, 0 failed, 0 skipped"])
    }

    func testTimeShowsTheValueAndHowLongItTook() throws {
        let t = try type([":time Huabei.fee(1200.00 CNY, 12)", ":time", ":time 1 CNY + 1 USD"])
        XCTAssertEqual(t.output.count, 2, t.outputText)
        XCTAssertEqual(t.output[0], "105.60 CNY : money<CNY>")
        XCTAssertNotNil(t.output[1].range(of: #"^\(\d+\.\d{3} ms\)$"#, options: .regularExpression), t.output[1])
        XCTAssertEqual(t.errors.count, 2)
        XCTAssertEqual(t.errors[0], "usage: :time EXPR")
    }

    func testQuitStopsReading() throws {
        for spelling in [":quit", ":q", ":exit"] {
            let (t, reader, _) = try run([.line("1"), .line(spelling), .line("2"), .line("3")], loading: [])
            XCTAssertEqual(t.output, ["1 : int"], spelling)
            XCTAssertEqual(reader.unread, 2, spelling)
            XCTAssertEqual(reader.prompts.count, 2, spelling)
        }
    }

    func testAnUnknownCommandIsAnErrorWithASuggestion() throws {
        let t = try type([":frobnicate", ":lod x", ":tesst", "1"], loading: [])
        XCTAssertEqual(t.output, ["1 : int"])
        XCTAssertEqual(t.errors, [
            "unknown command :frobnicate; :help lists them",
            "unknown command :lod (did you mean :load?); :help lists them",
            "unknown command :tesst (did you mean :test?); :help lists them",
        ])
    }

    func testCommandsAreRemembered() throws {
        let (_, reader, _) = try run([.line(":type 1"), .line(":nonsense")], loading: [])
        XCTAssertEqual(reader.remembered, [":type 1", ":nonsense"])
    }
}
