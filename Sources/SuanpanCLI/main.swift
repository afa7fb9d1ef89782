import ArgumentParser
import Foundation
import Suanpan

/// `suanpan`: run product files, their tests, and single expressions. Each subcommand
/// spells its name: the one ArgumentParser would derive costs a slow runtime lookup of how
/// to describe the type, on every start.
struct SuanpanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suanpan",
        abstract: "Suanpan (算盘): a typed language for financial product rules.",
        discussion: "Exit codes: 0 ok, 1 test failures, 64 usage, 65 syntax or check error, 66 no tests found, 70 runtime error, 74 I/O error.",
        version: "0.1.0",
        subcommands: [Run.self, Test.self, Check.self, Parse.self, Eval.self, Repl.self, Merge.self, Generate.self, Plugins.self]
    )
}

// Everything runs on a thread with a large stack, so that deeply nested (but
// bounded) input finishes instead of overflowing. Ctrl-C must reach that thread,
// where the REPL's handler interrupts readline or an evaluation: it is blocked
// here and unblocked there.
var interrupt = sigset_t()
sigemptyset(&interrupt)
sigaddset(&interrupt, SIGINT)
pthread_sigmask(SIG_BLOCK, &interrupt, nil)
LargeStack.run {
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    // Plain `suanpan` on a terminal opens the REPL.
    if CommandLine.arguments.count == 1, isatty(0) == 1 {
        SuanpanCommand.main(["repl"])
    } else {
        SuanpanCommand.main(Eval.protectingNegativeExpression(Array(CommandLine.arguments.dropFirst())))
    }
}
exit(0)
