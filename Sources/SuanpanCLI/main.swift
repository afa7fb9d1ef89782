import ArgumentParser
import Foundation
import Suanpan

/// `suanpan`: run product files, their tests, and single expressions.
struct SuanpanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suanpan",
        abstract: "Suanpan (算盘): a typed language for financial product rules.",
        discussion: "Exit codes: 0 ok, 1 test failures, 64 usage, 65 syntax or check error, 70 runtime error, 74 I/O error.",
        version: "0.1.0",
        subcommands: [Run.self, Test.self, Check.self, Eval.self, Repl.self, Plugins.self]
    )
}

/// Checking and evaluation recurse over the program; a large stack lets
/// deeply nested (but bounded) input finish instead of overflowing.
let worker = Thread {
    // Plain `suanpan` on a terminal opens the REPL.
    if CommandLine.arguments.count == 1, isatty(0) == 1 {
        SuanpanCommand.main(["repl"])
    } else {
        SuanpanCommand.main()
    }
    exit(0)
}
worker.stackSize = 1 << 29
worker.start()
// Signals go to a thread that does not block them: block Ctrl-C here so that it
// reaches the worker, where the REPL's handler interrupts readline or an evaluation.
var blocked = sigset_t()
sigemptyset(&blocked)
sigaddset(&blocked, SIGINT)
pthread_sigmask(SIG_BLOCK, &blocked, nil)
while true { sleep(60) }
