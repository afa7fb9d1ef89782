import CLibEdit
import Foundation

/// What reading one line can give.
public enum LineRead: Equatable {
    case line(String)
    /// Ctrl-C: drop the input typed so far.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

/// Where the REPL's input comes from: libedit on a terminal, plain lines otherwise.
public protocol LineReader: AnyObject {
    func read(prompt: String) -> LineRead
    /// Records a complete entry (possibly several lines) in the history.
    func remember(_ entry: String)
}

/// Reads plain lines (scripts and tests pipe into the REPL); no prompt is
/// echoed and no history is kept.
public final class PlainLineReader: LineReader {
    public init() {}

    public func read(prompt: String) -> LineRead {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }

    public func remember(_ entry: String) {}
}

/// Line editing, history and completion through libedit's readline API.
public final class EditLineReader: LineReader {
    let history: History

    public init(history: History, completer: @escaping (String, String) -> [String]) {
        self.history = history
        // libedit converts the prompt and the line through the C locale: without a UTF-8
        // locale the Chinese prompt (and any Chinese typed) cannot be handled at all.
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        suanpan_set_readline_name()
        using_history()
        rl_initialize()
        Completion.install(completer)
        stifle_history(Int32(History.limit))
        for entry in history.load() { add_history(entry) }
        Interrupt.install()
    }

    public func read(prompt: String) -> LineRead {
        Interrupt.clear()
        guard let raw = readline(prompt) else {
            // readline returns nil for Ctrl-D and, with our handler, for Ctrl-C (EINTR).
            if Interrupt.isSet {
                _ = write(1, "\n", 1)
                return .interrupted
            }
            return .end
        }
        defer { free(raw) }
        if Interrupt.isSet { return .interrupted }
        return .line(String(cString: raw))
    }

    public func remember(_ entry: String) {
        guard !entry.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add_history(entry)
        history.append(entry)
    }
}
