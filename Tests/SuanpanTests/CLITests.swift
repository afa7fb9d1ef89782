import Foundation
import XCTest

/// The `suanpan` binary, run as a user would: exit codes, stdout, stderr.
final class CLITests: XCTestCase {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        var lastLine: String? { stdout.split(separator: "\n").last.map(String.init) }
    }

    /// `suanpan` next to the test bundle (macOS), or next to the test executable (Linux, where
    /// the .xctest is itself the executable and is not among `Bundle.allBundles`).
    static var binary: URL? {
        let folders = [
            Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        return folders.compactMap { $0?.appendingPathComponent("suanpan") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the binary in the repository root, stdin from /dev/null, output to files.
    func suanpan(_ arguments: [String], environment: [String: String] = [:], stderrTo handle: FileHandle? = nil) throws -> Output {
        let binary = try XCTUnwrap(Self.binary, "build the suanpan binary first: swift build")
        let dir = TempFolder()
        let out = dir.write("stdout", ""), err = dir.write("stderr", "")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = handle ?? FileHandle(forWritingAtPath: err)
        try process.run()
        process.waitUntilExit()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Output(status: process.terminationStatus, stdout: read(out), stderr: read(err))
    }

    func testRunPrintsTheExampleLines() throws {
        let r = try suanpan(["run", "Examples/huabei.suan"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Huabei: 1,200 CNY in 12 installments costs 105.60 CNY in fees, paid as 108.80 CNY a month\n"
            + "bought on 2020-07-01 → due 2020-08-10 ( 40 days free )\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testTestOnTheExamplesPassesEveryTestBlock() throws {
        // The examples at the top of Examples/ need no native plugin (those under Examples/plugins do).
        let examples = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Examples").path)
            .filter { $0.hasSuffix(".suan") }.sorted()
        let blocks = try examples.map { name -> Int in
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
            return text.split(separator: "\n").filter { $0.hasPrefix("test \"") }.count
        }.reduce(0, +)
        XCTAssertGreaterThanOrEqual(blocks, 12)
        let r = try suanpan(["test"] + examples.map { "Examples/\($0)" })
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(r.lastLine, "\(blocks) passed, 0 failed, 0 skipped")
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.hasPrefix("PASS ") }.count, blocks)
    }

    /// A file that imports another runs its own test blocks, not the imported file's.
    func testTestRunsOnlyTheBlocksOfTheFileNamed() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/portfolio.suan"), encoding: .utf8)
        XCTAssertTrue(text.contains("import \"huabei.suan\""))
        let own = text.split(separator: "\n").filter { $0.hasPrefix("test \"") }.count
        let r = try suanpan(["test", "Examples/portfolio.suan"])
        XCTAssertEqual(r.lastLine, "\(own) passed, 0 failed, 0 skipped", r.stdout + r.stderr)
    }

    func testAFailingTestExitsOne() throws {
        let dir = TempFolder()
        let path = dir.write("f.suan", """
        test "good" { expect 1 + 1 == 2 }
        test "bad" { expect 1 + 1 == 3 }
        test "also bad" { expect error 1 / 1 }
        """)
        let r = try suanpan(["test", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.lastLine, "1 passed, 2 failed, 0 skipped")
        XCTAssertTrue(r.stdout.contains("FAIL \(path): bad"), r.stdout)
        XCTAssertTrue(r.stdout.contains("left:  2"), r.stdout)
    }

    func testCheckReportsATypeErrorOnStderr() throws {
        let dir = TempFolder()
        let path = dir.write("t.suan", "let ok = 1\nlet bad = 100 CNY + 5%\n")
        let r = try suanpan(["check", path])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("\(path):2:11: error: cannot add money<CNY> and percent"), r.stderr)
        XCTAssertTrue(r.stderr.contains("let bad = 100 CNY + 5%"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try suanpan(["check", "Examples/huabei.suan"]).status, 0)
    }

    func testExitCodes() throws {
        let dir = TempFolder()
        let syntax = dir.write("s.suan", "let x = (1 +\n")
        let runtime = dir.write("r.suan", "print \"before\"\nprint 1 / 0\n")
        let s = try suanpan(["check", syntax])
        XCTAssertEqual(s.status, 65)
        XCTAssertTrue(s.stderr.contains("\(syntax):2:1: error: "), s.stderr)
        let r = try suanpan(["run", runtime])
        XCTAssertEqual(r.status, 70)
        XCTAssertEqual(r.stdout, "before\n")
        XCTAssertTrue(r.stderr.contains("\(runtime):2:7: error: division by zero"), r.stderr)
        XCTAssertEqual(try suanpan(["run", dir.url.appendingPathComponent("missing.suan").path]).status, 74)
        XCTAssertEqual(try suanpan(["test", dir.url.appendingPathComponent("missing").path]).status, 74)
        XCTAssertEqual(try suanpan(["eval", "--load", "nope.suan", "1"]).status, 74)
        XCTAssertEqual(try suanpan(["--bogus"]).status, 64)
        XCTAssertEqual(try suanpan(["run"]).status, 64)
        XCTAssertEqual(try suanpan(["eval", "1 CNY + 1 USD"]).status, 65)
        XCTAssertEqual(try suanpan(["eval", "1 / 0"]).status, 70)
    }

    func testMaxStepsBoundsRunTestAndEval() throws {
        let dir = TempFolder()
        let file = dir.write("f.suan", "rule f(n: int) -> int = if n <= 0 then 0 else f(n - 1) + f(n - 1)\nprint f(60)\ntest \"t\" { expect f(60) == 0 }\n")
        let run = try suanpan(["run", "--max-steps", "1000", file])
        XCTAssertEqual(run.status, 70)
        XCTAssertTrue(run.stderr.contains("\(file):1:58: error: this evaluation took more than 1,000 steps (rule calls and loop items), while running f"), run.stderr)
        XCTAssertTrue(run.stderr.contains("raise the limit with --max-steps N"), run.stderr)
        let test = try suanpan(["test", "--max-steps", "1000", file])
        XCTAssertEqual(test.status, 1)
        XCTAssertTrue(test.stdout.contains("more than 1,000 steps"), test.stdout)
        let eval = try suanpan(["eval", "--max-steps", "100", "fold s = 0 for x in range(1, 100) => s + x"])
        XCTAssertEqual(eval.status, 70)
        XCTAssertTrue(eval.stderr.contains("<expr>:1:1: error: this evaluation took more than 100 steps"), eval.stderr)
        XCTAssertEqual(try suanpan(["eval", "--max-steps", "200", "fold s = 0 for x in range(1, 100) => s + x"]).stdout, "5050 : int\n")
        XCTAssertEqual(try suanpan(["eval", "--max-steps", "0", "1"]).status, 64)
    }

    /// `--max-memory` takes a size with a unit or plain bytes, and bounds what a run holds
    /// and the JSON it writes; a size it cannot read says what to write.
    func testMaxMemoryBoundsRunTestEvalAndJSON() throws {
        let dir = TempFolder()
        let file = dir.write("m.suan", "let xs = range(1, 100000)\nprint count(xs)\ntest \"t\" { expect count(xs) == 100000 }\n")
        // 100,000 numbers take 100,000 list elements: more than 1 MB, less than 10 MB.
        let run = try suanpan(["run", "--max-memory", "1MB", file])
        XCTAssertEqual(run.status, 70)
        XCTAssertTrue(run.stderr.contains("error: a run may use at most 1 MB for its values (lists, records, strings, plugin results)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("raise the limit with --max-memory 2MB"), run.stderr)
        XCTAssertEqual(try suanpan(["run", "--max-memory", "10MB", file]).stdout, "100000\n")
        XCTAssertEqual(try suanpan(["run", "--max-memory", "\(10 << 20)", file]).stdout, "100000\n")
        XCTAssertEqual(try suanpan(["test", "--max-memory", "1mb", file]).status, 1)
        XCTAssertEqual(try suanpan(["test", "--max-memory", "0.5GB", file]).status, 0)
        let eval = try suanpan(["eval", "--max-memory", "1MB", "count(range(1, 100000))"])
        XCTAssertEqual(eval.status, 70)
        XCTAssertTrue(eval.stderr.contains("at most 1 MB"), eval.stderr)
        let bad = try suanpan(["eval", "--max-memory", "lots", "1"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--max-memory takes a size such as 512MB, 2GB or a number of bytes, not 'lots'"), bad.stderr)
        // 300 copies of a list of 1,000 numbers: little memory, but about 4 MB of JSON, over a 2 MB budget.
        let shared = dir.write("shared.suan", "let ys = range(1, 1000)\n")
        let json = try suanpan(["eval", "--max-memory", "2MB", "--format", "json", "--load", shared, "[ys for i in range(1, 300)]"])
        XCTAssertEqual(json.status, 70)
        XCTAssertTrue(json.stderr.contains("error: the JSON of this value is longer than 2 MB, the memory a run may use"), json.stderr)
        // 600 rows, each a cell of the 4,893 bytes "[1, 2, …, 1000]" is written: about 2.9 MB of CSV.
        let csv = try suanpan(["eval", "--max-memory", "2MB", "--format", "csv", "--load", shared, "[(a: ys) for i in range(1, 600)]"])
        XCTAssertEqual(csv.status, 70)
        XCTAssertTrue(csv.stderr.contains("error: the CSV of this value is longer than 2 MB, the memory a run may use"), csv.stderr)
        XCTAssertEqual(try suanpan(["eval", "--max-memory", "2MB", "--format", "csv", "--load", shared, "[(a: take(ys, 2)) for i in range(1, 2)]"]).stdout,
                       "a\n\"[1, 2]\"\n\"[1, 2]\"\n")
    }

    func testParsePrintsTheTreeOrTheSyntaxErrors() throws {
        let dir = TempFolder()
        let good = dir.write("g.suan", "let x = a + b * c\nprint -2^2\n")
        let other = dir.write("o.suan", "")
        let bad = dir.write("b.suan", "let ok = 1 < 2 < 3\n")
        let one = try suanpan(["parse", good])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, "(let x (binary + (name a) (binary * (name b) (name c))))\n"
            + "(print (unary - (binary ^ (number 2) (number 2))))\n")
        XCTAssertEqual(one.stderr, "")
        let several = try suanpan(["parse", other, good])
        XCTAssertEqual(several.status, 0, several.stderr)
        XCTAssertEqual(several.stdout, "; \(other)\n; \(good)\n(let x (binary + (name a) (binary * (name b) (name c))))\n"
            + "(print (unary - (binary ^ (number 2) (number 2))))\n")
        let rejected = try suanpan(["parse", bad, other])
        XCTAssertEqual(rejected.status, 65)
        XCTAssertEqual(rejected.stdout, "; \(other)\n")
        XCTAssertTrue(rejected.stderr.contains("\(bad):1:16: error: comparisons do not chain"), rejected.stderr)
        XCTAssertEqual(try suanpan(["parse", dir.url.appendingPathComponent("missing.suan").path]).status, 74)
        XCTAssertEqual(try suanpan(["parse"]).status, 64)
    }

    func testEvalPrintsValueAndType() throws {
        let cases: [([String], String)] = [
            (["eval", "1200.00 CNY * 8.8%"], "105.60 CNY : money<CNY>\n"),
            (["eval", "--load", "Examples/huabei.suan", "Huabei.fee(1200.00 CNY, 12)"], "105.60 CNY : money<CNY>\n"),
            (["eval", "\"a\" + \"b\""], "\"ab\" : string\n"),
            (["eval", "--json", "1200.00 CNY"], #"{"type":"money","value":"1200.00","currency":"CNY"}"# + "\n"),
            (["eval", "--json", "14.6%"], #"{"type":"percent","value":"0.146"}"# + "\n"),
            (["eval", "--json", "0.04%/day"], #"{"type":"rate","value":"0.0004","per":"day"}"# + "\n"),
        ]
        for (arguments, stdout) in cases {
            let r = try suanpan(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertEqual(r.stdout, stdout, "\(arguments)")
        }
    }

    func testSetOverridesAProductParameter() throws {
        let bill = "Huabei.overdue_interest(Bill { amount: 1000 CNY, paid: 100 CNY, days_overdue: 30 days })"
        XCTAssertEqual(try suanpan(["eval", "--load", "Examples/huabei.suan", bill]).stdout, "13.50 CNY : money<CNY>\n")
        // 900 × 0.06% × 30 = 16.20
        let r = try suanpan(["eval", "--load", "Examples/huabei.suan", "--set", "Huabei.overdue_rate=0.06%/day", bill])
        XCTAssertEqual(r.stdout, "16.20 CNY : money<CNY>\n", r.stderr)
        let wrongUnit = try suanpan(["eval", "--load", "Examples/huabei.suan", "--set", "Huabei.overdue_rate=6%", bill])
        XCTAssertEqual(wrongUnit.status, 65)
        XCTAssertTrue(wrongUnit.stderr.contains("Huabei.overdue_rate is rate/day; '6%' is percent"), wrongUnit.stderr)
        let unknown = try suanpan(["run", "Examples/antdake.suan", "--set", "AntDake.nope=1"])
        XCTAssertEqual(unknown.status, 65)
        XCTAssertTrue(unknown.stderr.contains("no product parameter 'AntDake.nope'"), unknown.stderr)
        let either = try suanpan(["run", "Examples/antdake.suan", "--set", "AntDake.require_both=false"])
        XCTAssertTrue(either.stdout.contains("李 qualifies: true"), either.stdout)
        // A value is typed as it is displayed: 500,000 CNY is over the 300,000 limit until it is raised.
        let allowed = "Jiebei.allowed(500000 CNY, 12, 650)"
        XCTAssertEqual(try suanpan(["eval", "--load", "Examples/jiebei.suan", allowed]).stdout, "false : bool\n")
        let raised = try suanpan(["eval", "--load", "Examples/jiebei.suan", "--set", "Jiebei.max_amount=1,000,000.00 CNY", allowed])
        XCTAssertEqual(raised.stdout, "true : bool\n", raised.stderr)
    }

    /// `--set` changes a table's row as `with Huabei { installment_fee(12) = 7.5% } in …` does,
    /// with the same messages: 1,200 × 7.5% = 90.00 (declared 8.8%: 105.60).
    func testSetChangesATableRowOrAParameterWithTheMessagesOfWith() throws {
        let fee = "Huabei.fee(1200.00 CNY, 12)"
        let row = try suanpan(["eval", "--load", "Examples/huabei.suan", "--set", "Huabei.installment_fee(12)=7.5%", fee])
        XCTAssertEqual(row.stdout, "90.00 CNY : money<CNY>\n", row.stderr)
        let scoped = try suanpan(["eval", "--load", "Examples/huabei.suan", "with Huabei { installment_fee(12) = 7.5% } in \(fee)"])
        XCTAssertEqual(scoped.stdout, "90.00 CNY : money<CNY>\n", scoped.stderr)
        for (set, scopedForm, message) in [
            ("Huabei.installment_fee=7.5%", "with Huabei { installment_fee = 7.5% } in 1", "'Huabei.installment_fee' is a table, so it cannot be set as a whole"),
            ("Huabei.installment_fee(12)=7.5", "with Huabei { installment_fee(12) = 7.5 } in 1", "Huabei.installment_fee(12) is percent; '7.5' is number"),
            ("Huabei.fee=1", "with Huabei { fee = 1 } in 1", "'Huabei.fee' is a rule, so it cannot be set"),
            ("Huabei.overdue_rat=1", "with Huabei { overdue_rat = 1 } in 1", "no product parameter 'Huabei.overdue_rat'"),
        ] {
            let a = try suanpan(["eval", "--load", "Examples/huabei.suan", "--set", set, "1"])
            let b = try suanpan(["eval", "--load", "Examples/huabei.suan", scopedForm])
            XCTAssertEqual([a.status, b.status], [65, 65], set)
            XCTAssertTrue(a.stderr.contains(message) && b.stderr.contains(message), "\(a.stderr)\n\(b.stderr)")
        }
    }

    func testNoColourWhenStderrIsNotATerminal() throws {
        for env in [[:], ["NO_COLOR": "1"]] {
            let r = try suanpan(["eval", "1 CNY + 1 USD"], environment: env)
            XCTAssertEqual(r.status, 65)
            XCTAssertTrue(r.stderr.contains("error: cannot add money<CNY> and money<USD>"), r.stderr)
            XCTAssertFalse(r.stderr.contains("\u{1B}["), "\(env): \(r.stderr.debugDescription)")
        }
    }

    func testColourOnATerminalUnlessNoColorIsSet() throws {
        for (env, coloured) in [([String: String](), true), (["NO_COLOR": "1"], false)] {
            guard let (master, name) = Self.openPseudoTerminal() else { throw XCTSkip("no pseudo-terminal available") }
            let terminal = try XCTUnwrap(FileHandle(forWritingAtPath: name))
            let r = try suanpan(["eval", "1 CNY + 1 USD"], environment: env, stderrTo: terminal)
            try terminal.close()
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = fcntl(master, F_SETFL, O_NONBLOCK)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            close(master)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(r.status, 65)
            XCTAssertTrue(text.contains("cannot add money<CNY> and money<USD>"), text)
            XCTAssertEqual(text.contains("\u{1B}["), coloured, "\(env): \(text.debugDescription)")
        }
    }

    /// A pseudo-terminal: the master descriptor and the terminal's path. The pty functions are
    /// looked up at run time because Glibc's module map hides them behind _XOPEN_SOURCE.
    static func openPseudoTerminal() -> (Int32, String)? {
        typealias IntFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let all = UnsafeMutableRawPointer(bitPattern: 0)
        guard let open = dlsym(all, "posix_openpt"), let grant = dlsym(all, "grantpt"),
              let unlock = dlsym(all, "unlockpt"), let name = dlsym(all, "ptsname") else { return nil }
        let master = unsafeBitCast(open, to: IntFunction.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, unsafeBitCast(grant, to: IntFunction.self)(master) == 0,
              unsafeBitCast(unlock, to: IntFunction.self)(master) == 0,
              let path = unsafeBitCast(name, to: NameFunction.self)(master) else { return nil }
        return (master, String(cString: path))
    }
}
