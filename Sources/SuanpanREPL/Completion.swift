import CLibEdit
import Foundation

/// Tab completion through libedit: the REPL supplies candidates for the word
/// being completed, given the whole line; this adapts them to readline's C API.
enum Completion {
    nonisolated(unsafe) static var provider: (String, String) -> [String] = { _, _ in [] }
    nonisolated(unsafe) static var matches: [String] = []

    static func install(_ completer: @escaping (String, String) -> [String]) {
        provider = completer
        suanpan_set_word_break_characters()
        suanpan_set_completion(attempt)
    }

    static let attempt: suanpan_completion_function = { text, _, _ in
        let word = text.map { String(cString: $0) } ?? ""
        let line = suanpan_line_buffer().map { String(cString: $0) } ?? ""
        matches = provider(line, word)
        suanpan_set_attempted_completion_over(1)
        // No space after a completed word: `Huabei` is usually followed by `.`.
        suanpan_set_completion_append_character(0)
        if matches.isEmpty { return nil }
        return rl_completion_matches(text, generator)
    }

    nonisolated(unsafe) static var next = 0

    /// Called with state 0 for the first candidate, then non-zero until it returns nil.
    static let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        if state == 0 { next = 0 }
        guard next < matches.count else { return nil }
        next += 1
        return strdup(matches[next - 1])
    }
}
