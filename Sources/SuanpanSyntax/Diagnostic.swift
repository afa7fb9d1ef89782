import Foundation

/// An error, warning or note with a position: the one way every phase reports
/// a problem. Diagnostics are values; they are collected and rendered once, at
/// the edge (CLI, REPL, test runner).
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var message: String
    public var file: SourceFile?
    public var span: Span
    /// A suggestion shown under the caret, such as "did you mean 'CNY'?".
    public var hint: String?
    /// For the note that ends a capped list: how many errors it stands for.
    public var omittedErrors = 0

    public init(_ severity: Severity = .error, _ message: String, file: SourceFile?, span: Span, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.span = span
        self.hint = hint
    }

    public static func error(_ message: String, file: SourceFile?, span: Span, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, file: file, span: span, hint: hint)
    }

    public var location: SourceLocation? { file?.location(of: span.start) }

    /// Diagnostics one phase reports at most; the rest are counted in a last note.
    public static let shownLimit = 100

    /// The first `limit` diagnostics, then a note saying how many more there
    /// were: rendering each costs a pass over its line, so thousands of errors on
    /// one long line would take minutes to show.
    public static func capped(_ all: [Diagnostic], limit: Int = shownLimit) -> [Diagnostic] {
        guard all.count > limit else { return all }
        let rest = all[limit...]
        let errors = rest.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) + $1.omittedErrors }
        let others = rest.filter { $0.severity != .error && $0.omittedErrors == 0 }.count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) more error\(errors == 1 ? "" : "s")") }
        if others > 0 { parts.append("\(others) more warning\(others == 1 ? "" : "s") and notes") }
        var note = Diagnostic(.note, "and \(parts.joined(separator: " and ")), not shown", file: nil, span: .none,
                              hint: "fix the first ones and check again")
        note.omittedErrors = errors
        return Array(all.prefix(limit)) + [note]
    }

    /// Errors in a list, counting those a capped list's last note stands for.
    public static func errorCount(_ all: [Diagnostic]) -> Int {
        all.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) + $1.omittedErrors }
    }

    /// `path:line:col: error: message`
    public var description: String {
        guard let file, let loc = location else { return "\(severity.rawValue): \(message)" }
        return "\(file.path):\(loc): \(severity.rawValue): \(message)"
    }

    /// The header line, the source line and a caret under the span, then the hint.
    public func rendered(color: Bool = false) -> String {
        var out = color ? colored(description) : description
        guard let file, let loc = location else {
            if let hint { out += "\n  hint: \(hint)" }
            return out
        }
        var line = file.lineText(loc.line)
        var column = loc.column
        // A very long line is cut to a window around the caret.
        let scalars = Array(line.unicodeScalars)
        if scalars.count > 160 {
            let from = min(scalars.count, max(0, column - 1 - 60))
            let to = min(scalars.count, from + 120)
            var view = String(String.UnicodeScalarView(scalars[from..<to]))
            if from > 0 { view = "…" + view }
            if to < scalars.count { view += "…" }
            column = column - from + (from > 0 ? 1 : 0)
            line = view
        }
        let gutter = String(loc.line)
        let pad = String(repeating: " ", count: gutter.count)
        out += "\n \(pad) |\n \(gutter) | \(line)\n \(pad) | "
        let prefix = line.unicodeScalars.prefix(max(0, column - 1))
        out += String(prefix.map { $0 == "\t" ? "\t" : String(repeating: " ", count: displayWidth($0)) }.joined())
        let endLoc = file.location(of: span.end)
        let width = endLoc.line == loc.line ? max(1, endLoc.column - loc.column) : 1
        let marked = line.unicodeScalars.dropFirst(max(0, column - 1)).prefix(width)
        let caretCount = max(1, marked.reduce(0) { $0 + displayWidth($1) })
        let carets = String(repeating: "^", count: caretCount)
        out += color ? "\u{1B}[1;32m\(carets)\u{1B}[0m" : carets
        if let hint { out += "\n \(pad) = hint: \(hint)" }
        return out
    }

    private func colored(_ header: String) -> String {
        let code = severity == .error ? "1;31" : severity == .warning ? "1;33" : "1;36"
        let word = "\(severity.rawValue):"
        guard let cut = header.range(of: " " + word) ?? header.range(of: word) else { return header }
        return "\u{1B}[1m" + header[..<cut.lowerBound] + "\u{1B}[0m" + header[cut.lowerBound..<cut.upperBound]
            .replacingOccurrences(of: word, with: "\u{1B}[\(code)m\(word)\u{1B}[0m") + "\u{1B}[1m" + header[cut.upperBound...] + "\u{1B}[0m"
    }
}

/// Terminal cells a scalar takes: CJK and full-width forms take two.
func displayWidth(_ s: Unicode.Scalar) -> Int {
    switch s.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
         0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        return 2
    default:
        return 1
    }
}

