import Foundation
import SuanpanREPL
import XCTest

/// The read-answer loop: values and their types, definitions that persist and
/// can be replaced, multi-line input, and errors that never end the loop.
final class REPLTests: REPLTestCase {
    // MARK: Expressions

    func testAnExpressionPrintsItsValueAndType() throws {
        XCTAssertEqual(try answers([
            "1 + 2",
            "1 + 2%",
            "Huabei.fee(1200.00 CNY, 12)",
            "\"花呗\"",
            "2020-01-31 + 1 month",
            "[3, 6, 9, 12]",
            "annualize(0.04%/day)",
            "30 days",
            "Huabei.installment_fee(12) > 5%",
        ]), [
            "3 : int",
            "1.02 : number",
            "105.60 CNY : money<CNY>",
            "\"花呗\" : string",
            "2020-02-29 : date",
            "[3, 6, 9, 12] : list<int>",
            "14.6%/year : rate/year",
            "30 days : days",
            "true : bool",
        ])
    }

    func testMoneyHasThousandsSeparators() throws {
        XCTAssertEqual(try answers(["1200 CNY * 1000", "1234567.891 USD", "0 CNY - 1234.5 CNY", "100 JPY * 12345"]), [
            "1,200,000.00 CNY : money<CNY>",
            "1,234,567.891 USD : money<USD>",
            "-1,234.50 CNY : money<CNY>",
            "1,234,500 JPY : money<JPY>",
        ])
    }

    func testAListOfRecordsIsAnAlignedTableFollowedByItsType() throws {
        let out = try answers(["Huabei.plan(100.88 CNY, 3, 2.3%)"])
        XCTAssertEqual(out, ["""
        period  principal       fee    payment
             1  33.64 CNY  0.78 CNY  34.42 CNY
             2  33.62 CNY  0.77 CNY  34.39 CNY
             3  33.62 CNY  0.77 CNY  34.39 CNY
        : list<InstallmentLine<CNY>>
        """])
    }

    func testTableColumnsAlignByTerminalCellsWithTextLeftAndNumbersRight() throws {
        let out = try answers([
            "record R { name: string, n: int, m: money<CNY> }",
            "[R { name: \"花呗\", n: 1, m: 1 CNY }, R { name: \"ab\", n: 22, m: 1000 CNY }]",
        ], loading: [])
        XCTAssertEqual(out, ["defined R", """
        name     n             m
        "花呗"   1      1.00 CNY
        "ab"    22  1,000.00 CNY
        : list<R>
        """])
    }

    func testAnEmptyListOfRecordsIsNotATable() throws {
        XCTAssertEqual(try answers(["[i for i in Huabei.plan(100.88 CNY, 3, 2.3%) where i.period > 5]"]),
                       ["[] : list<InstallmentLine<CNY>>"])
    }

    func testARecordValuePrintsWithItsType() throws {
        let out = try answers(["cart"])
        XCTAssertEqual(out.count, 1)
        XCTAssertTrue(out[0].hasSuffix(" : Purchase"), out[0])
        XCTAssertTrue(out[0].contains("1,200.00 CNY") && out[0].contains("2020-07-01"), out[0])
    }

    // MARK: Definitions

    func testDefinitionsPersistAcrossEntries() throws {
        let t = try type([
            "let vat = 6%",
            "record Fee { amount: money<CNY>, waived: bool = false }",
            "rule net(x: money<CNY>) -> money<CNY> = x + x * vat",
            "product Jiebei { param daily_rate: rate/day = 0.04%/day\n rule interest(p: money<CNY>, d: days) -> money<CNY> = round(p * daily_rate * d, 0.01, half_up) }",
            "test \"typed test\" { expect net(100 CNY) == 106.00 CNY }",
            "vat",
            "net(100 CNY)",
            "Fee { amount: 5 CNY }.waived",
            "Jiebei.interest(10000 CNY, 30 days)",
            "Huabei.fee(1200.00 CNY, 3)",
            ":test",
        ])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(Array(t.output.prefix(9)), [
            "defined vat", "defined Fee", "defined net", "defined Jiebei", "defined test \"typed test\"",
            "6% : percent", "106.00 CNY : money<CNY>", "false : bool", "120.00 CNY : money<CNY>",
        ])
        XCTAssertTrue(t.output.contains("PASS typed test"), t.outputText)
        XCTAssertEqual(t.output.last, "6 passed, 0 failed, 0 skipped")
    }

    func testSeveralDeclarationsInOneEntry() throws {
        XCTAssertEqual(try answers(["let a = 1 let b = a + 1", "a + b"], loading: []), ["defined a, b", "3 : int"])
    }

    func testANewProductWithTheSameNameReplacesTheOld() throws {
        let t = try type([
            "product P { param r: percent = 2%\n rule f(x: money<CNY>) -> money<CNY> = x * r }",
            "P.f(100 CNY)",
            "product P { rule g(x: int) -> int = x * 3 }",
            "P.g(2)",
            "P.f(100 CNY)",
        ], loading: [])
        XCTAssertEqual(t.output, ["defined P", "2.00 CNY : money<CNY>", "defined P", "6 : int"])
        XCTAssertEqual(t.errors.count, 1)
        XCTAssertTrue(t.errorText.contains("product 'P' has no member 'f'"), t.errorText)
    }

    func testARedefinitionThatDoesNotCheckIsRolledBack() throws {
        let t = try type([
            "product P { param r: percent = 2%\n rule f(x: money<CNY>) -> money<CNY> = x * r }",
            "product P { rule f(x: money<CNY>) -> money<CNY> = x + 1 }",
            "P.f(100 CNY)",
            "P.r",
            "let k = 7",
            "let k = 1 CNY + 1 USD",
            "k",
        ], loading: [])
        XCTAssertEqual(t.output, ["defined P", "2.00 CNY : money<CNY>", "2% : percent", "defined k", "7 : int"])
        XCTAssertEqual(t.errors.count, 2, t.errorText)
        XCTAssertTrue(t.errors[0].contains("cannot add money<CNY> and int"), t.errors[0])
        XCTAssertTrue(t.errors[1].contains("cannot add money<CNY> and money<USD>"), t.errors[1])
    }

    func testARedefinitionThatBreaksSomethingElseIsRolledBack() throws {
        // `total` declares money and uses `base`; making `base` a number would break it.
        let t = try type(["let base = 10 CNY", "rule total -> money<CNY> = base * 2", "let base = 3", "total", "base"], loading: [])
        XCTAssertEqual(t.output, ["defined base", "defined total", "20.00 CNY : money<CNY>", "10.00 CNY : money<CNY>"])
        XCTAssertEqual(t.errors.count, 1)
    }

    func testRulesRecordsAndTestsCanBeRedefined() throws {
        let t = try type([
            "rule dbl(x: int) -> int = x * 2",
            "record R { a: int }",
            "test \"t\" { expect dbl(2) == 5 }",
            ":test",
            "rule dbl(x: int) -> int = x * 2 + 1",
            "record R { a: int, b: int = 9 }",
            "test \"t\" { expect dbl(2) == 5 }",
            "R { a: 1 }.b",
            ":test",
        ], loading: [])
        XCTAssertEqual(t.output.filter { $0.hasSuffix(" skipped") }, ["0 passed, 1 failed, 0 skipped", "1 passed, 0 failed, 0 skipped"])
        XCTAssertTrue(t.output.contains("9 : int"), t.outputText)
        XCTAssertEqual(t.errors, [])
    }

    /// A definition typed with the name of one from a loaded file replaces it, with a note;
    /// the file's other declarations then use the new one.
    func testARedefinitionOfANameFromALoadedFileShadowsIt() throws {
        let dir = ScratchFolder()
        let path = dir.write("p.suan", """
        let vat = 6%
        rule gross(x: money<CNY>) -> money<CNY> = x * (1 + vat)
        product P { param r: percent = 2%
          rule f(x: money<CNY>) -> money<CNY> = x * r }
        test "gross adds the tax" { expect gross(100 CNY) == 106.00 CNY }

        """)
        let t = try type([
            "gross(100 CNY)",
            "let vat = 7%",
            "gross(100 CNY)",
            "let vat = 8%",                       // now a prompt definition: replaced without a note
            "product P { param r: percent = 3%\n rule f(x: money<CNY>) -> money<CNY> = x * r * 2 }",
            "P.f(100 CNY)",
            "let vat = 1 CNY",                    // breaks gross: rolled back
            "gross(100 CNY)",
            ":test",
        ], loading: [path])
        XCTAssertEqual(Array(t.output.prefix(7)), [
            "106.00 CNY : money<CNY>",
            "defined vat",
            "107.00 CNY : money<CNY>",
            "defined vat",
            "defined P",
            "6.00 CNY : money<CNY>",
            "108.00 CNY : money<CNY>",
        ])
        XCTAssertEqual(Array(t.output.suffix(3)), [
            "FAIL gross adds the tax",
            "    \(path):5:29: expected gross(100 CNY) == 106.00 CNY\n      left:  108.00 CNY\n      right: 106.00 CNY",
            "0 passed, 1 failed, 0 skipped",
        ])
        XCTAssertEqual(t.errors.count, 3, t.errorText)
        XCTAssertEqual(t.errors[0], "note: vat shadows the one in \(path) for the rest of this session")
        XCTAssertEqual(t.errors[1], "note: P shadows the one in \(path) for the rest of this session")
        XCTAssertTrue(t.errors[2].contains("cannot multiply") || t.errors[2].contains("cannot add"), t.errors[2])
    }

    func testAPlainPrintRunsAtOnceAndIsNotKept() throws {
        let t = try type(["print \"fee:\", Huabei.fee(1200.00 CNY, 12)", ":env"])
        XCTAssertEqual(t.output.first, "fee: 105.60 CNY")
        XCTAssertFalse(t.output.contains { $0.hasPrefix("defined") }, t.outputText)
        XCTAssertEqual(t.errors, [])
    }

    func testLoadingAFileDoesNotRunItsPrints() throws {
        let t = try type(["1"])
        XCTAssertEqual(t.output, ["1 : int"])
    }

    // MARK: Multi-line input

    func testAnOpenBraceContinuesWithTheContinuationPrompt() throws {
        let (t, reader, _) = try run([
            .line("product P {"),
            .line("  param r: percent = 2%"),
            .line("  rule f(x: money<CNY>) -> money<CNY> ="),
            .line("    x * r"),
            .line("}"),
            .line("P.f(100 CNY)"),
        ])
        XCTAssertEqual(t.output, ["defined P", "2.00 CNY : money<CNY>"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.continuation, REPL.continuation, REPL.continuation,
                                        REPL.continuation, REPL.prompt, REPL.prompt])
        XCTAssertEqual(reader.remembered, ["product P {\n  param r: percent = 2%\n  rule f(x: money<CNY>) -> money<CNY> =\n    x * r\n}",
                                           "P.f(100 CNY)"])
    }

    func testAnOpenParenthesisOrBracketOrATrailingOperatorContinues() throws {
        let (t, reader, _) = try run([
            .line("(1 +"), .line(" 2) * 3"),
            .line("[1,"), .line("2]"),
            .line("Huabei.fee(1200.00 CNY,"), .line("12)"),
            .line("1 +"), .line("2"),
            .line("if true"), .line("then 1 else 2"),
        ], loading: [huabei])
        XCTAssertEqual(t.output, ["9 : int", "[1, 2] : list<int>", "105.60 CNY : money<CNY>", "3 : int", "1 : int"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.continuation, REPL.prompt, REPL.continuation, REPL.prompt,
                                        REPL.continuation, REPL.prompt, REPL.continuation, REPL.prompt, REPL.continuation,
                                        REPL.prompt])
    }

    func testAMultiLineDeclarationWithAListContinues() throws {
        let (t, reader, _) = try run([.line("let q = [1,"), .line("2]"), .line("q")], loading: [])
        XCTAssertEqual(t.output, ["defined q", "[1, 2] : list<int>"])
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.continuation, REPL.prompt, REPL.prompt])
    }

    /// In a file, `let x = 5` then `- 3` on the next line is `let x = 5 - 3`; at the prompt the
    /// first line was answered already, so `- 3` is a negation of its own, and a note says so.
    func testALineStartingWithMinusIsANewEntryAndANoteSaysSo() throws {
        let t = try run([.line("let x = 5"), .line("- 3"), .line("x"), .line("let y = 5 -"), .line("3"), .line("y"),
                         .line("-3 * 2"), .line("- 1")], loading: []).0
        XCTAssertEqual(t.output, ["defined x", "-3 : int", "5 : int", "defined y", "2 : int", "-6 : int", "-1 : int"])
        XCTAssertEqual(t.errors, [
            "note: '- 3' is a new entry, a negation, not the rest of 'let x = 5': at the prompt an entry ends with its line "
                + "unless the line ends with an operator or leaves a bracket open; write 'let x = 5 -' to continue it",
            "note: '- 1' is a new entry, a negation, not the rest of '-3 * 2': at the prompt an entry ends with its line "
                + "unless the line ends with an operator or leaves a bracket open; write '-3 * 2 -' to continue it",
        ])
    }

    func testASyntaxErrorThatIsNotIncompleteIsReportedAtOnce() throws {
        let (t, reader, _) = try run([.line("1 + + )"), .line("let = 3"), .line("product {"), .line("2 * 2")], loading: [])
        XCTAssertEqual(t.output, ["4 : int"])
        XCTAssertEqual(t.errors.count, 3, t.errorText)
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.prompt, REPL.prompt, REPL.prompt, REPL.prompt], "no continuation prompt")
        XCTAssertTrue(t.errors[0].contains("1 + + )") && t.errors[0].contains("^"), t.errors[0])
    }

    func testCtrlCInTheMiddleOfAnEntryDropsIt() throws {
        let (t, reader, _) = try run([
            .line("product P {"), .line("  rule f -> int = 1"), .interrupted,
            .line("P.f"),
            .interrupted,       // on an empty line: nothing to cancel
            .line("1 + 1"),
        ], loading: [])
        XCTAssertEqual(t.output, ["(input cancelled)", "2 : int"])
        XCTAssertEqual(t.errors.count, 1, "P was never defined: \(t.errorText)")
        XCTAssertTrue(t.errorText.contains("'P'"), t.errorText)
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.continuation, REPL.continuation, REPL.prompt, REPL.prompt,
                                        REPL.prompt, REPL.prompt])
        XCTAssertEqual(reader.remembered, ["P.f", "1 + 1"], "a cancelled entry is not remembered")
    }

    func testTheEndOfInputInTheMiddleOfAnEntryStillAnswersIt() throws {
        let (t, _, _) = try run([.line("product P {"), .line("  rule f -> int = 1")], loading: [])
        XCTAssertEqual(t.output, [])
        XCTAssertEqual(t.errors.count, 1)
        XCTAssertTrue(t.errors[0].contains("error"), t.errors[0])
    }

    func testBlankLinesAreIgnoredAndNotRemembered() throws {
        let (t, reader, _) = try run([.line(""), .line("   "), .line("1")], loading: [])
        XCTAssertEqual(t.output, ["1 : int"])
        XCTAssertEqual(t.errors, [])
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.prompt, REPL.prompt, REPL.prompt])
    }

    // MARK: Errors

    func testErrorsNeverEndTheLoop() throws {
        let t = try type([
            "1 / 0",                                  // runtime
            "1 CNY + 1 USD",                          // check
            "Huabei.fee(1200.00 CNY, 5)",             // no table row
            "fail(\"boom\")",
            "rule loop(n: int) -> int = loop(n + 1)",
            "loop(1)",                                // too deep
            "1 + + )",                                // syntax
            "nothing_here",
            ":nonsense",
            ":load /no/such/file.suan",
            ":set Huabei.nope = 1",
            ":type 1 +",
            ":explain 1 / 0",
            ":time 1 CNY + 1 USD",
            "1 + 1",
        ])
        XCTAssertEqual(t.output, ["defined loop", "2 : int"])
        XCTAssertEqual(t.errors.count, 13, t.errorText)
    }

    func testADiagnosticPointsWithACaretIntoTheLineJustTyped() throws {
        let t = try type(["1 CNY + 1 USD"])
        XCTAssertEqual(t.errors.count, 1)
        let lines = t.errors[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("<input-1>:1:1: error: cannot add money<CNY> and money<USD>"), lines[0])
        XCTAssertTrue(lines.contains(" 1 | 1 CNY + 1 USD"), t.errors[0])
        XCTAssertTrue(lines.contains("   | ^^^^^^^^^^^^^"), t.errors[0])
    }

    func testTheCaretIsUnderTheBadPartOfTheLine() throws {
        let t = try type(["Huabei.fee(1200.00 CNY, 12) + 1"])
        let lines = t.errorText.split(separator: "\n").map(String.init)
        let source = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("| Huabei.fee(1200.00 CNY, 12) + 1") }, t.errorText)
        let caret = lines[source + 1]
        XCTAssertTrue(caret.contains("^"), caret)
        // The caret line lines up with the source line: the marked text includes the '+ 1'.
        let start = caret.firstIndex(of: "^")!.utf16Offset(in: caret)
        let end = caret.lastIndex(of: "^")!.utf16Offset(in: caret)
        let marked = String(Array(lines[source].utf16)[start...end].map { Character(UnicodeScalar($0)!) })
        XCTAssertTrue(marked.hasSuffix("+ 1") || marked == "Huabei.fee(1200.00 CNY, 12) + 1", marked)
    }

    func testTheCaretPointsIntoTheRightLineOfAMultiLineEntry() throws {
        let t = try type(["product P {", "  param r: percent = 2%", "  rule f(x: int) -> int = x + 1 CNY", "}"], loading: [])
        XCTAssertEqual(t.errors.count, 1)
        let e = t.errors[0]
        XCTAssertTrue(e.hasPrefix("<input-1>:3:27: error: cannot add int and money<CNY>"), e)
        XCTAssertTrue(e.contains(" 3 |   rule f(x: int) -> int = x + 1 CNY\n   |                           ^^^^^^^^^"), e)
    }

    func testARuntimeErrorInAFileShowsTheCallFromTheLineTyped() throws {
        let t = try type(["Huabei.fee(1200.00 CNY, 5)"])
        XCTAssertEqual(t.errors.count, 1)
        XCTAssertTrue(t.errors[0].contains("no row of table 'Huabei.installment_fee' matches periods = 5"), t.errors[0])
        XCTAssertTrue(t.errors[0].contains("in Huabei.fee, called at <input-1>:1:1"), t.errors[0])
        XCTAssertTrue(t.errors[0].contains("^"), t.errors[0])
    }

    func testEachEntryHasItsOwnSourceName() throws {
        let t = try type(["1 / 0", "2 / 0"], loading: [])
        XCTAssertTrue(t.errors[0].hasPrefix("<input-1>:1:1: error: division by zero"), t.errors[0])
        XCTAssertTrue(t.errors[1].hasPrefix("<input-2>:1:1: error: division by zero"), t.errors[1])
    }
}
