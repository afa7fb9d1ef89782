import Foundation
import SuanpanREPL
import XCTest

/// Tab completion candidates, as libedit asks for them: the whole line and the
/// word under the cursor (words break at spaces, brackets, operators and '.').
final class CompleterTests: REPLTestCase {
    func completer(loading files: [String] = [huabei], typing lines: [String] = []) throws -> Completer {
        let session = try makeSession()
        try run(lines.map { .line($0) }, loading: files, session: session)
        return Completer(session: session)
    }

    func testCommandsAfterAColon() throws {
        let c = try completer()
        // Commands that take an argument complete with the space before it.
        XCTAssertEqual(c.candidates(line: ":lo", word: ":lo"), [":load "])
        XCTAssertEqual(Set(c.candidates(line: ":", word: ":")),
                       [":help", ":load ", ":reload", ":type ", ":doc ", ":explain ", ":set ", ":unset ", ":env", ":save ", ":test", ":scenario ",
                        ":time ", ":quit"])
        XCTAssertEqual(Set(c.candidates(line: ":t", word: ":t")), [":type ", ":test", ":time "])
        XCTAssertEqual(c.candidates(line: ":un", word: ":un"), [":unset "])
        XCTAssertEqual(c.candidates(line: ":zz", word: ":zz"), [])
    }

    /// After `:set Huabei.` only what can be set: parameters and tables, not rules or constants.
    func testSetCompletesOnlyParametersAndTables() throws {
        let c = try completer()
        XCTAssertEqual(c.candidates(line: ":set Huabei.", word: ""), [
            "due_day", "installment_fee", "merchant_rate", "minimum_share", "overdue_rate", "statement_day",
        ])
        XCTAssertEqual(c.candidates(line: ":set Huabei.m", word: "m"), ["merchant_rate", "minimum_share"])
        XCTAssertEqual(c.candidates(line: ":set Huabei.fe", word: "fe"), [])
        XCTAssertEqual(c.candidates(line: ":set Hua", word: "Hua"), ["Huabei"])
        XCTAssertEqual(c.candidates(line: ":unset Huabei.o", word: "o"), ["overdue_rate"])
        // After '=', a value: any name again.
        XCTAssertTrue(c.candidates(line: ":set Huabei.due_day = Huabei.st", word: "st").contains("statement_day"))
    }

    func testMembersOfAProduct() throws {
        let c = try completer()
        XCTAssertEqual(c.candidates(line: "Huabei.fe", word: "fe"), ["fee"])
        XCTAssertEqual(c.candidates(line: "Huabei.m", word: "m"), ["merchant_fee", "merchant_rate", "minimum_payment", "minimum_share"])
        let all = c.candidates(line: "Huabei.", word: "")
        for member in ["statement_day", "overdue_rate", "installment_fee", "fee", "plan", "apr", "merchant_fee"] {
            XCTAssertTrue(all.contains(member), "\(member) missing from \(all)")
        }
        XCTAssertEqual(all, all.sorted())
        // Deeper in a line: after an operator or inside a call.
        XCTAssertEqual(c.candidates(line: "1 CNY + Huabei.fe", word: "fe"), ["fee"])
        XCTAssertEqual(c.candidates(line: "round(Huabei.merchant_f", word: "merchant_f"), ["merchant_fee"])
    }

    /// Inside `with Huabei {` and `product P = Huabei with {`, a change's target: the
    /// product's parameters and tables; after its '=', any name again.
    func testWhatIfTargetsAreParametersAndTables() throws {
        let c = try completer()
        XCTAssertEqual(c.candidates(line: "with Huabei { overdue", word: "overdue"), ["overdue_rate"])
        XCTAssertEqual(c.candidates(line: "with Huabei { overdue_rate = 0.06%/day, installment_f", word: "installment_f"), ["installment_fee"])
        XCTAssertEqual(c.candidates(line: "product Promo = Huabei with { min", word: "min"), ["minimum_share"])
        XCTAssertFalse(c.candidates(line: "with Huabei { i", word: "i").contains("if"))
        XCTAssertTrue(c.candidates(line: "with Huabei { overdue_rate = Huabei.overdue_rate * 2 } in ro", word: "ro").contains("round"))
        XCTAssertTrue(c.candidates(line: "with Huabei { overdue_rate = ro", word: "ro").contains("round"))
    }

    func testMembersOfAProductTypedAtThePrompt() throws {
        let c = try completer(loading: [], typing: ["product Jiebei { param daily_rate: rate/day = 0.04%/day\n let monthly_rate = monthly(daily_rate)\n rule interest(p: money<CNY>) -> money<CNY> = p * daily_rate * 30 days }"])
        XCTAssertEqual(c.candidates(line: "Jiebei.", word: ""), ["daily_rate", "interest", "monthly_rate"])
    }

    func testPluginFunctionsAfterThePluginName() throws {
        let c = try completer()
        XCTAssertEqual(c.candidates(line: "finance.pm", word: "pm"), ["pmt"])
        let finance = c.candidates(line: "finance.", word: "")
        for f in ["pmt", "ipmt", "ppmt", "irr", "xirr", "equal_installment", "installment_plan"] {
            XCTAssertTrue(finance.contains(f), "\(f) missing from \(finance)")
        }
        XCTAssertFalse(finance.contains("daily_earnings"), "a funds function is not in finance")
        XCTAssertTrue(c.candidates(line: "funds.", word: "").contains("daily_earnings"))
        XCTAssertTrue(c.candidates(line: "calendar.add_", word: "add_").contains("add_months"))
    }

    func testRecordFieldsAfterARecordValuedExpression() throws {
        let c = try completer()
        XCTAssertEqual(c.candidates(line: "cart.", word: ""), ["amount", "date"])
        XCTAssertEqual(c.candidates(line: "Huabei.plan(100 CNY, 3, 2%)[0].", word: ""), ["fee", "payment", "period", "principal"])
        XCTAssertEqual(c.candidates(line: "let x = Huabei.plan(100 CNY, 3, 2%)[0].pa", word: "pa"), ["payment"])
        XCTAssertEqual(c.candidates(line: "cart.date.", word: ""), ["day", "month", "weekday", "year"])
        // A plugin's record type.
        XCTAssertTrue(c.candidates(line: "equal_installment(1000 CNY, 1%/month, 3)[0].", word: "").contains("payment"))
    }

    func testNothingAfterADotOnSomethingWithoutMembers() throws {
        let c = try completer()
        XCTAssertEqual(c.candidates(line: "Huabei.fee(1 CNY, 3).", word: ""), [])
        XCTAssertEqual(c.candidates(line: "nothing_here.", word: ""), [])
    }

    func testNamesByPrefix() throws {
        let c = try completer(typing: ["let vat = 6%", "rule gross(x: money<CNY>) -> money<CNY> = x + x * vat"])
        XCTAssertEqual(c.candidates(line: "Hua", word: "Hua"), ["Huabei"])
        XCTAssertEqual(c.candidates(line: "Huab", word: "Huab"), ["Huabei"])
        XCTAssertEqual(c.candidates(line: "Purc", word: "Purc"), ["Purchase"])  // the example's record
        XCTAssertEqual(c.candidates(line: "Inst", word: "Inst"), ["InstallmentLine"])  // finance's
        XCTAssertEqual(c.candidates(line: "1 + va", word: "va"), ["vat"])
        XCTAssertEqual(c.candidates(line: "gro", word: "gro"), ["gross", "group"])   // the rule, and the keyword
        XCTAssertEqual(c.candidates(line: "ca", word: "ca").filter { $0 == "cart" }, ["cart"])
        XCTAssertTrue(c.candidates(line: "pro", word: "pro").contains("product"))
        XCTAssertTrue(c.candidates(line: "ro", word: "ro").contains("round"))
        XCTAssertTrue(c.candidates(line: "half", word: "half").contains("half_even"))
        XCTAssertTrue(c.candidates(line: "pm", word: "pm").contains("pmt"))
        XCTAssertTrue(c.candidates(line: "fin", word: "fin").contains("finance"))
        let all = c.candidates(line: "", word: "")
        XCTAssertEqual(all, all.sorted())
        XCTAssertEqual(all.count, Set(all).count, "no duplicates")
    }

    func testFilePathsAfterLoad() throws {
        let root = repositoryRoot.path
        let c = try completer()
        XCTAssertEqual(c.candidates(line: ":load \(root)/Exa", word: "Exa"), ["Examples/"])
        XCTAssertEqual(c.candidates(line: ":load \(root)/Examples/hua", word: "hua"), ["huabei.suan"])
        // '.' breaks words too: the rest of the name after it.
        XCTAssertEqual(c.candidates(line: ":load \(root)/Examples/huabei.", word: ""), ["suan"])
        XCTAssertEqual(c.candidates(line: ":l \(root)/Examples/yue", word: "yue"), ["yuebao.suan", "yuebao_holders.suan"])
        XCTAssertEqual(c.candidates(line: ":load \(root)/Examples/pl", word: "pl"), ["plugins/"])
        XCTAssertEqual(c.candidates(line: ":load \(root)/Examples/zz", word: "zz"), [])
    }

    func testRelativeFilePathsAfterLoad() throws {
        let before = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(repositoryRoot.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(before) }
        let c = try completer()
        XCTAssertEqual(c.candidates(line: ":load Exa", word: "Exa"), ["Examples/"])
        XCTAssertEqual(c.candidates(line: ":load Examples/hua", word: "hua"), ["huabei.suan"])
        XCTAssertFalse(c.candidates(line: ":load ", word: "").contains { $0.hasPrefix(".") }, "hidden files are left out")
    }

    func testCompletionWorksWithoutAProgram() throws {
        // A session whose files never loaded still completes keywords and commands.
        let c = Completer(session: try makeSession())
        XCTAssertTrue(c.candidates(line: "pro", word: "pro").contains("product"))
        XCTAssertEqual(c.candidates(line: ":he", word: ":he"), [":help"])
        XCTAssertEqual(c.candidates(line: "Huabei.", word: ""), [])
    }
}
