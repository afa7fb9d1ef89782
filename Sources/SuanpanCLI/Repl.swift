import ArgumentParser
import Foundation
import Suanpan
import SuanpanREPL

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Explore products at a prompt (plain `suanpan` on a terminal starts it too).",
        discussion: "On a terminal: line editing, history and completion. Otherwise lines are read plainly, so scripts can pipe into it."
    )

    @Argument(help: "Product files to load first.")
    var files: [String] = []

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var limits: LimitOptions

    @Option(name: .long, help: ArgumentHelp("History file (default: $XDG_STATE_HOME/suanpan/history).", valueName: "path"))
    var history: String?

    func run() throws {
        let session = Session(plugins: try plugins.pluginSet())
        session.maxSteps = limits.maxSteps
        session.maxBytes = limits.maxMemory
        let interactive = isatty(0) == 1
        let reader: LineReader
        if interactive {
            let completer = Completer(session: session)
            reader = EditLineReader(history: History(path: history)) { line, word in completer.candidates(line: line, word: word) }
            Console.out("Suanpan 算盘 — :help for commands, Ctrl-D to leave")
        } else {
            reader = PlainLineReader()
        }
        let repl = REPL(session: session, reader: reader, color: interactive && Console.color,
                        output: { line in
                            Console.out(line)
                            fflush(nil)
                        },
                        errors: { Console.err($0) })
        repl.run(loading: files)
        // A script piped in that had errors fails, as `run` would; at a terminal errors are part of exploring.
        if !interactive && repl.errorCount > 0 { throw ExitCode(1) }
    }
}
