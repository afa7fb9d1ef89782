import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import XCTest

/// Programs built to exhaust the stack or the lexer: each must end in an error
/// (or a value), never a crash.
final class HostileInputTests: XCTestCase {
    func outcome(_ source: String, maxSteps: Int? = nil, maxBytes: Int? = nil) -> String {
        let dir = TempFolder()
        let path = dir.write("hostile.suan", source)
        switch Program.load(paths: [path]) {
        case .failure(let failure): return "check: " + (failure.diagnostics.first?.message ?? "")
        case .success(let (program, _)):
            if let maxSteps { program.maxSteps = maxSteps }
            if let maxBytes { program.maxBytes = maxBytes }
            let failures = program.runTests().flatMap(\.failures)
            if !failures.isEmpty { return "test: " + failures.joined(separator: "\n") }
            var lines: [String] = []
            do {
                try program.runPrints { lines.append($0) }
                return lines.joined(separator: "\n")
            } catch {
                return "runtime: " + error.message
            }
        }
    }

    /// Variants declared last-first make the checker follow the chain to its start:
    /// a chain longer than the declaration limit is one error, a shorter one checks.
    func testLongChainsOfVariantsAreAnErrorOrAProduct() {
        func chain(_ n: Int) -> String {
            let variants = (1...n).reversed().map { "product P\($0) = P\($0 - 1) with { r = \($0) }" }
            return variants.joined(separator: "\n") + "\nproduct P0 { param r: int = 0  rule twice -> int = r * 2 }\nprint P\(n).twice"
        }
        XCTAssertEqual(outcome(chain(300)), "600")
        XCTAssertTrue(outcome(chain(1500)).hasPrefix("check: products are made from each other too deeply"), outcome(chain(1500)))
        // nested what-ifs are bounded by the parser's nesting limit
        let nested = String(repeating: "with P0 { r = 1 } in ", count: 300) + "P0.r"
        XCTAssertTrue(outcome("product P0 { param r: int = 0 }\nprint \(nested)").hasPrefix("check: expression nested too deeply"))
    }

    func testThousandsOfLetsInARecursiveRuleRunInALoop() {
        let lets = (0..<3000).map { "let a\($0) = 0" }.joined(separator: " ")
        XCTAssertEqual(outcome("rule f(k: int) -> int { \(lets) if k <= 0 then 0 else f(k - 1) }\nprint f(999)"), "0")
    }

    func testDeepRecursionThroughTallExpressionsIsAnError() {
        let tall = String(repeating: " + 1", count: 990)
        XCTAssertTrue(outcome("rule f(n: int) -> int = if n <= 0 then 0 else f(n - 1)\(tall)\nprint f(990)")
            .hasPrefix("runtime: evaluation nested too deeply"))
    }

    func testChainsOfTallConstantsAreAnError() {
        let n = 990
        let lines = (0..<n).map { k in "let a\(k) = " + String(repeating: "1 + ", count: 980) + (k < n - 1 ? "a\(k + 1)" : "1") }
        XCTAssertTrue(outcome(lines.joined(separator: "\n") + "\nprint a0").hasPrefix("check: definitions depend on each other too deeply"))
    }

    func testARunOfBangsIsOneError() {
        let result = outcome("let x = 1 " + String(repeating: "!", count: 200_000))
        XCTAssertEqual(result, "check: unexpected character '!'")
    }

    // MARK: The step budget

    static let exponential = "rule f(n: int) -> int = if n <= 0 then 0 else f(n - 1) + f(n - 1)\n"

    func testExponentialRecursionStopsAtTheStepBudgetNamingTheRule() {
        let result = outcome(Self.exponential + "test \"t\" { expect f(60) == 0 }", maxSteps: 10_000)
        XCTAssertTrue(result.hasPrefix("test: "), result)
        XCTAssertTrue(result.contains("error: this evaluation took more than 10,000 steps (rule calls and loop items), while running f"), result)
        XCTAssertTrue(result.contains("in f, called at"), result)
    }

    func testTheStepBudgetAppliesToPrintsAndNamesNoRuleOutsideOne() {
        XCTAssertEqual(outcome(Self.exponential + "print f(60)", maxSteps: 5_000),
                       "runtime: this evaluation took more than 5,000 steps (rule calls and loop items), while running f")
        XCTAssertEqual(outcome("print fold s = 0 for x in range(1, 1000) => s + x", maxSteps: 1_000),
                       "runtime: this evaluation took more than 1,000 steps (rule calls and loop items)")
    }

    func testTheStepCountIsExact() {
        // range(1, 50) takes 50 steps and the fold over it 50 more: 100 in all.
        XCTAssertEqual(outcome("print fold s = 0 for x in range(1, 50) => s + x", maxSteps: 100), "1275")
        XCTAssertTrue(outcome("print fold s = 0 for x in range(1, 51) => s + x", maxSteps: 100).hasPrefix("runtime: this evaluation took more than 100 steps"))
    }

    func testEachEvaluationHasItsOwnSteps() {
        let prints = (0..<5).map { _ in "print fold s = 0 for x in range(1, 400) => s + x" }.joined(separator: "\n")
        XCTAssertEqual(outcome(prints, maxSteps: 1_000), Array(repeating: "80200", count: 5).joined(separator: "\n"))
    }

    func testTheDefaultStepBudgetRunsAMillionItemFold() {
        XCTAssertEqual(outcome("print fold s = 0 for x in range(1, 1000000) => s + x"), "500000500000")
    }

    func testTheStepBudgetIsSetThroughEval() throws {
        guard case .success(let (program, _)) = Program.load(paths: [], extraSources: [SourceFile(path: "f.suan", text: Self.exponential)]) else {
            return XCTFail("does not check")
        }
        program.maxSteps = 2_000
        guard case .runtimeFailed(let error) = program.evaluate("f(40)") else { return XCTFail("f(40) finished") }
        XCTAssertEqual(error.limit, .steps)
        XCTAssertEqual(error.hint, "raise the limit with --max-steps N (Program.maxSteps in Swift), or make the recursion or loop smaller")
    }

    // MARK: Deep values

    static let deep = """
        record Node { next: list<Node> }
        rule chain(levels: int, bottom: int) -> Node =
            fold n: Node = Node { next: [] } for i in range(1, levels) => if i == bottom then Node { next: [n, n] } else Node { next: [n] }

        """
    static let three = "let deep = chain(600000, 0)\nlet same = chain(600000, 0)\nlet other = chain(600000, 1)\n"

    func testADeepValuePrintsInLinearTimeWithoutStack() {
        let printed = outcome(Self.deep + "print chain(600000, 0)")
        let levels = 600_000
        XCTAssertEqual(printed.utf8.count, 17 * levels + 17)
        XCTAssertEqual(String(printed.utf8.prefix(42)), String(repeating: "Node { next: [", count: 3))
        XCTAssertEqual(String(printed.utf8.suffix(9)), String(repeating: "] }", count: 3))
        XCTAssertEqual(printed.components(separatedBy: "Node { next: [] }").count, 2, "one innermost node")
    }

    func testDeepValuesCompareAndHashWithoutStack() {
        XCTAssertEqual(outcome(Self.deep + Self.three + "print deep == same, deep == other, count(distinct([deep, same, other]))"), "true false 2")
    }

    func testADeepValueConformsAndIsReleasedWithoutStack() throws {
        guard case .success(let (program, _)) = Program.load(paths: [], extraSources: [SourceFile(path: "deep.suan", text: Self.deep)]) else {
            return XCTFail("does not check")
        }
        guard case .value(let value, let type) = program.evaluate("chain(600000, 0)") else { return XCTFail("no value") }
        XCTAssertTrue(value.conforms(to: type))
        XCTAssertFalse(value.conforms(to: .list(type)))
        let json = Format.json(value, type)
        XCTAssertEqual(json.utf8.count, 75 * 600_000 + 75)
        XCTAssertEqual(String(json.utf8.prefix(47)), #"{"type":"record","name":"Node","value":{"next":"#)
        // The value is released here, on the test's own (small) stack.
    }

    // MARK: One memory budget for a run

    /// What a list element or a record field occupies, and a record object besides its fields.
    static let value = MemoryLayout<Value>.stride
    static let record = Machine.recordBytes
    /// A budget of what 1,000 list elements occupy.
    static let thousand = 1_000 * value

    static func overBudget(_ bytes: Int) -> String {
        "runtime: a run may use at most \(Machine.size(bytes)) for its values (lists, records, strings, plugin results)"
    }

    func testSizesAreWrittenInTheLargestUnitWithOneDecimal() {
        XCTAssertEqual(Machine.size(1 << 30), "1 GB")
        XCTAssertEqual(Machine.size(3 << 29), "1.5 GB")
        XCTAssertEqual(Machine.size(512 << 20), "512 MB")
        XCTAssertEqual(Machine.size(100_000), "97.6 KB")       // 100,000 / 1,024 = 97.66
        XCTAssertEqual(Machine.size(1023), "1023 bytes")
        XCTAssertEqual(Machine.defaultMaxBytes, 1 << 30)
    }

    func testComputedConstantsShareOneBudget() {
        let globals = (1...10).map { "let a\($0) = range(1, 300)" }.joined(separator: "\n")
        XCTAssertEqual(outcome(globals + "\nprint count(a1) + count(a2) + count(a3)", maxBytes: Self.thousand), "900")
        // a1, a2 and a3 hold 900 elements; a4's 300 more do not fit in 1,000.
        XCTAssertEqual(outcome(globals + "\nprint count(a4)", maxBytes: Self.thousand),
                       Self.overBudget(Self.thousand) + ", \(Machine.size(900 * Self.value)) of it in the values of constants")
    }

    func testAConstantHoldsWhatItKeepsNotWhatItSpent() {
        // Each total is one number, though a list of 600 was built to compute it.
        let globals = (1...10).map { "let t\($0) = sum(range(1, 600))" }.joined(separator: "\n")
        XCTAssertEqual(outcome(globals + "\nprint t1 + t10", maxBytes: Self.thousand), "360600")
    }

    func testARecordCountsItsObjectAndFields() {
        let record = "record R { " + (1...16).map { "f\($0): int" }.joined(separator: ", ") + " }\n"
        let make = "R { " + (1...16).map { "f\($0): x" }.joined(separator: ", ") + " }"
        // Per item: its number in the range, its element in the comprehension, a record of 16 fields.
        let perItem = 18 * Self.value + Self.record
        XCTAssertEqual(outcome(record + "print count([\(make) for x in range(1, 50)])", maxBytes: 55 * perItem), "50")
        XCTAssertEqual(outcome(record + "print count([\(make) for x in range(1, 60)])", maxBytes: 55 * perItem), Self.overBudget(55 * perItem))
    }

    func testWhatAPluginReturnsIsPaidFor() {
        // 100 lines, each an element and a record of four fields (period, principal, fee, payment).
        let plan = 100 * (5 * Self.value + Self.record)
        XCTAssertEqual(outcome("print count(installment_plan(1000 CNY, 100, 1%))", maxBytes: 3 * plan), "100")
        XCTAssertEqual(outcome("print count([installment_plan(1000 CNY, 100, 1%) for x in range(1, 20)])", maxBytes: 3 * plan),
                       Self.overBudget(3 * plan))
    }

    func testADoubledStringIsPaidFor() {
        XCTAssertEqual(outcome("print fold s = \"ab\" for i in range(1, 60) => s + s", maxBytes: 100_000),
                       "runtime: a run may use at most 97.6 KB for its values (lists, records, strings, plugin results)")
        // "ab" doubled 14 times: the strings longer than 15 bytes, 16 to 32,768, add up to 65,520, within 100,000.
        XCTAssertEqual(outcome("print count([fold s = \"ab\" for i in range(1, 14) => s + s])", maxBytes: 100_000), "1")
    }

    /// A list shared a thousand times is small in memory and long as text: `text(…)` and
    /// `format(…)` pay for the text they make and stop as soon as it outgrows the budget,
    /// without writing the rest; a print's display stops at its limit and says so.
    func testTextOfASharedListStopsAtTheBudget() {
        let shared = "let xs = range(1, 100000)\n"
        let start = Date()
        // The constant holds 100,000 elements; each copy's text is over 600,000 bytes.
        let budget = 10 << 20
        XCTAssertEqual(outcome(shared + "print text([xs for i in range(1, 1000)]) == \"\"", maxBytes: budget),
                       Self.overBudget(budget) + ", \(Machine.size(100_000 * Self.value)) of it in the values of constants")
        XCTAssertEqual(outcome(shared + "print format(\"{}\", [xs for i in range(1, 1000)]) == \"\"", maxBytes: budget),
                       Self.overBudget(budget) + ", \(Machine.size(100_000 * Self.value)) of it in the values of constants")
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
        // Within the budget, the text is whole: "[1, 2, 3]" twice, as the list displays.
        XCTAssertEqual(outcome("print text([range(1, 3) for i in range(1, 2)])", maxBytes: budget), "[[1, 2, 3], [1, 2, 3]]")
        // Written out, the print would be some 690 MB; it stops at 20,000,000 characters.
        let printed = outcome(shared + "print [xs for i in range(1, 1000)]")
        let note = " … (the display stops at 20,000,000 characters: show a part, take(xs, 100), or write it all with --format json)"
        XCTAssertEqual(printed.utf8.count, 20_000_000 + note.utf8.count)
        XCTAssertTrue(printed.hasPrefix("[[1, 2, 3, "), String(printed.prefix(20)))
        XCTAssertTrue(printed.hasSuffix(note))
    }

    func testTheBudgetErrorNamesTheRule() {
        XCTAssertEqual(outcome("rule many(n: int) -> list<int> = range(1, n)\nprint count(many(5000))", maxBytes: Self.thousand),
                       Self.overBudget(Self.thousand) + ", while running many")
    }

    // MARK: The front end stays linear

    /// The diagnostics of a program that does not check, each rendered, with the time that took.
    func failing(_ source: String) -> (diagnostics: [Diagnostic], rendered: [String], seconds: Double) {
        let dir = TempFolder()
        let path = dir.write("hostile.suan", source)
        let start = Date()
        guard case .failure(let failure) = Program.load(paths: [path]) else { return ([], [], 0) }
        let rendered = failure.diagnostics.map { $0.rendered() }
        return (failure.diagnostics, rendered, Date().timeIntervalSince(start))
    }

    func testAHugeMisspelledNameIsQuick() {
        let name = String(repeating: "a", count: 80_000)
        let result = failing("let \(name) = 1\nprint \(name.dropLast())b\n")
        XCTAssertEqual(result.diagnostics.count, 1)
        // A name over 60 characters is written as its first 40 and last 12 with its length.
        let shown = "'" + String(repeating: "a", count: 40) + "…" + String(repeating: "a", count: 12) + "' (80,000 characters)"
        XCTAssertEqual(result.diagnostics.first?.hint, "did you mean \(shown)?")
        let misspelled = "'" + String(repeating: "a", count: 40) + "…" + String(repeating: "a", count: 11) + "b' (80,000 characters)"
        XCTAssertEqual(result.diagnostics.first?.message, "unknown name \(misspelled)")
        XCTAssertLessThan(result.rendered.joined().count, 1_000, "no message or excerpt writes the whole name")
        XCTAssertLessThan(result.seconds, 10)
    }

    func testThousandsOfErrorsOnOneLineAreCapped() {
        let cases = [
            ("print " + (0..<20_000).map { "x\($0)" }.joined(separator: ", "), 20_000),
            ("record R { " + Array(repeating: "a: int", count: 20_000).joined(separator: ", ") + " }", 19_999),
            ("let x = 1 " + Array(repeating: "!", count: 60_000).joined(separator: " "), 60_000),
        ]
        for (source, errors) in cases {
            let result = failing(source)
            XCTAssertEqual(result.diagnostics.count, Diagnostic.shownLimit + 1, String(source.prefix(20)))
            XCTAssertEqual(Diagnostic.errorCount(result.diagnostics), errors, String(source.prefix(20)))
            XCTAssertEqual(result.rendered.last, "note: and \(errors - Diagnostic.shownLimit) more errors, not shown\n  hint: fix the first ones and check again")
            XCTAssertLessThan(result.seconds, 20, String(source.prefix(20)))
        }
    }

    func testTheEditDistanceIsExactWithinItsBand() {
        XCTAssertEqual(outcome("let principal = 1\nprint principl"), "check: unknown name 'principl'")
        let result = failing("let principal = 1\nprint principl")
        XCTAssertEqual(result.diagnostics.first?.hint, "did you mean 'principal'?")
    }

    // MARK: A program load is freed with the program

    func testALoadedAndRunProgramIsFreed() throws {
        weak var machine: Machine?
        weak var compiled: CompiledProgram?
        weak var checked: CheckedProgram?
        try {
            let path = repositoryRoot.appendingPathComponent("Examples/huabei.suan").path
            guard case .success(let (program, _)) = Program.load(paths: [path]) else { return XCTFail("huabei.suan does not check") }
            XCTAssertTrue(program.runTests().allSatisfy(\.passed))
            try program.runPrints { _ in }
            machine = program.machine
            compiled = program.compiled
            checked = program.checked
        }()
        XCTAssertNil(machine, "the machine is freed")
        XCTAssertNil(compiled, "the compiled program is freed")
        XCTAssertNil(checked, "the checked program is freed")
    }

    /// Records that name themselves in a field, or each other, or themselves through a row,
    /// hold themselves through their field types: they are freed with the program all the same.
    func testAProgramWithRecursiveRecordTypesIsFreed() throws {
        weak var machine: Machine?
        weak var checked: CheckedProgram?
        weak var node: RecordType?, a: RecordType?, b: RecordType?, tree: RecordType?
        var printed: [String] = []
        var kept: Value?
        try {
            let source = """
            record Node { value: int, next: list<Node> }
            record A { bs: list<B> }
            record B { a: list<A> }
            record Tree { children: list<(label: string, subtree: list<Tree>)> }
            let chain = Node { value: 1, next: [Node { value: 2, next: [] }] }
            print chain
            print A { bs: [B { a: [A { bs: [] }] }] }
            let no_trees: list<Tree> = []
            print Tree { children: [(label: "leaf", subtree: no_trees)] }
            test "recursive records" { expect chain.next[0].value == 2 }
            """
            let dir = TempFolder()
            guard case .success(let (program, _)) = Program.load(paths: [dir.write("recursive.suan", source)]) else {
                return XCTFail("the recursive records do not check")
            }
            XCTAssertTrue(program.runTests().allSatisfy(\.passed))
            try program.runPrints { printed.append($0) }
            if case .value(let v, _) = program.evaluate("chain") { kept = v } else { XCTFail("chain does not evaluate") }
            machine = program.machine
            checked = program.checked
            node = program.checked.records["Node"]
            a = program.checked.records["A"]
            b = program.checked.records["B"]
            tree = program.checked.records["Tree"]
        }()
        XCTAssertEqual(printed, [
            "Node { value: 1, next: [Node { value: 2, next: [] }] }",
            "A { bs: [B { a: [A { bs: [] }] }] }",
            "Tree { children: [(label: \"leaf\", subtree: [])] }",
        ])
        XCTAssertNil(machine, "the machine is freed")
        XCTAssertNil(checked, "the checked program is freed")
        XCTAssertNil(a, "A, which names B, which names A, is freed")
        XCTAssertNil(b, "B is freed")
        XCTAssertNil(tree, "Tree, which names itself through a row, is freed")
        // A value that outlives its program keeps its record, which still prints.
        XCTAssertNotNil(node, "a value still holds Node")
        if let kept { XCTAssertEqual(Format.display(kept, .anything), "Node { value: 1, next: [Node { value: 2, next: [] }] }") }
        kept = nil
        XCTAssertNil(node, "Node is freed with the last value that holds it")
    }
}
