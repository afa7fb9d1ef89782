import Foundation
import XCTest

/// `suanpan repl` with its standard input a pipe, as scripts use it: no
/// banner, no prompts, answers on stdout, diagnostics on stderr, exit 0 unless
/// the script had errors, then 1.
final class PipeTests: XCTestCase {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
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

    /// Runs the binary in the repository root with `input` piped to its standard input.
    func suanpan(_ arguments: [String], input: String, environment: [String: String] = [:]) throws -> Output {
        let binary = try XCTUnwrap(Self.binary, "build the suanpan binary first: swift build")
        let dir = ScratchFolder()
        let out = dir.write("stdout", ""), err = dir.write("stderr", "")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env["XDG_STATE_HOME"] = dir.path("state")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Never hang the suite: a REPL that does not finish in time is killed.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            XCTFail("suanpan repl did not finish within 60 s")
        }
        process.waitUntilExit()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Output(status: process.terminationStatus, stdout: read(out), stderr: read(err))
    }

    func testAScriptThroughAPipe() throws {
        let script = """
        Huabei.fee(1200.00 CNY, 12)
        product P {
          param r: percent = 2%
          rule f(x: money<CNY>) -> money<CNY> = x * r
        }
        P.f(100 CNY)
        1 CNY + 1 USD
        :set Huabei.overdue_rate = 0.06%/day
        Huabei.overdue_interest(Bill { amount: 1000 CNY, paid: 100 CNY, days_overdue: 30 days })
        :nonsense
        Huabei.plan(100.88 CNY, 3, 2.3%)
        (1 +
          2) * 3
        :type Huabei.plan(1 CNY, 3, 2%)
        print "done", 1 + 1
        :quit
        1 + 1

        """
        let r = try suanpan(["repl", "Examples/huabei.suan"], input: script)
        XCTAssertEqual(r.status, 1, "the script had two errors: \(r.stderr)")
        XCTAssertEqual(r.stdout, """
        105.60 CNY : money<CNY>
        defined P
        2.00 CNY : money<CNY>
        Huabei.overdue_rate = 0.06%/day
        16.20 CNY : money<CNY>
        period  principal       fee    payment
             1  33.64 CNY  0.78 CNY  34.42 CNY
             2  33.62 CNY  0.77 CNY  34.39 CNY
             3  33.62 CNY  0.77 CNY  34.39 CNY
        : list<InstallmentLine<CNY>>
        9 : int
        list<InstallmentLine<CNY>>
        done 2

        """)
        XCTAssertEqual(r.stderr, """
        <input-4>:1:1: error: cannot add money<CNY> and money<USD>
           |
         1 | 1 CNY + 1 USD
           | ^^^^^^^^^^^^^
           = hint: CNY and USD are different currencies; convert one explicitly
        unknown command :nonsense; :help lists them

        """)
    }

    func testAScriptWithErrorsRunsToItsEndThenExitsWithStatusOne() throws {
        let r = try suanpan(["repl"], input: "1 / 0\nnope\n2 * 21\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "42 : int\n")
        XCTAssertTrue(r.stderr.contains("<input-1>:1:1: error: division by zero"), r.stderr)
        XCTAssertTrue(r.stderr.contains("unknown name 'nope'"), r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: " error: ").count - 1, 2, r.stderr)
    }

    func testAScriptWithoutErrorsExitsWithStatusZero() throws {
        let r = try suanpan(["repl", "Examples/huabei.suan"], input: "let vat = 6%\nHuabei.fee(1200.00 CNY, 12)\nvat * 2\n:test\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.hasPrefix("defined vat\n105.60 CNY : money<CNY>\n12% : percent\n"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("\n5 passed, 0 failed, 0 skipped\n"), r.stdout)
    }

    /// A note is not an error: the script still exits 0.
    func testALineStartingWithMinusGetsANoteAndTheScriptStillSucceeds() throws {
        let r = try suanpan(["repl"], input: "let x = 5\n- 3\nx\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "defined x\n-3 : int\n5 : int\n")
        XCTAssertTrue(r.stderr.hasPrefix("note: '- 3' is a new entry, a negation, not the rest of 'let x = 5'"), r.stderr)
    }

    func testAnUnfinishedEntryAtTheEndOfInputIsAnsweredNotDropped() throws {
        let r = try suanpan(["repl"], input: "[1,\n2")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("error"), r.stderr)
    }

    func testAFileThatCannotBeLoadedIsReportedAndTheREPLGoesOn() throws {
        let r = try suanpan(["repl", "no-such-file.suan"], input: "1 + 1\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "2 : int\n")
        XCTAssertTrue(r.stderr.contains("no such file: no-such-file.suan"), r.stderr)
    }

    func testAPipeKeepsNoHistory() throws {
        let dir = ScratchFolder()
        let history = dir.path("history")
        let r = try suanpan(["repl", "--history", history], input: "1 + 1\n")
        XCTAssertEqual(r.stdout, "2 : int\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: history))
    }

    func testNoColorOnAPipe() throws {
        let r = try suanpan(["repl"], input: "1 CNY + 1 USD\n", environment: ["TERM": "xterm-256color"])
        XCTAssertFalse(r.stderr.contains("\u{1B}["), r.stderr)
    }
}
