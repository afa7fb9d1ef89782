import Foundation
import Suanpan
import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanSyntax

/// The analyst's prompt. Each entry is tried as an expression first, then as
/// declarations; input that ends in the middle of something (an open brace, a
/// dangling operator) is continued on the next line. Nothing typed here can
/// end the process: every problem is printed and the prompt comes back.
public final class REPL {
    public let session: Session
    let reader: LineReader
    let output: (String) -> Void
    let errorSink: (String) -> Void
    let color: Bool
    var quitting = false
    /// The entry answered last, for the note on a line that starts with `- `.
    var previousEntry: String?
    /// How many errors were shown (a warning or a note is not one): piped input that had any exits non-zero.
    public private(set) var errorCount = 0

    public static let prompt = "算盘> "
    public static let continuation = "  ... "

    public init(session: Session, reader: LineReader, color: Bool = false,
                output: @escaping (String) -> Void, errors: @escaping (String) -> Void) {
        self.session = session
        self.reader = reader
        self.color = color
        self.output = output
        self.errorSink = errors
    }

    /// Shows an error and counts it.
    func errors(_ message: String) {
        errorCount += 1
        errorSink(message)
    }

    /// Loads the given files, then reads and answers entries until the end of input or `:quit`.
    public func run(loading files: [String] = []) {
        for f in files { report(session.load(f)) }
        if session.program == nil { report(session.reload()) }
        var pending = ""
        while !quitting {
            let prompt = pending.isEmpty ? REPL.prompt : REPL.continuation
            switch reader.read(prompt: prompt) {
            case .end:
                if !pending.isEmpty { handle(pending) }
                return
            case .interrupted:
                if !pending.isEmpty { output("(input cancelled)") }
                pending = ""
            case .line(let line):
                let text = pending.isEmpty ? line : pending + "\n" + line
                if needsMore(text) {
                    pending = text
                    continue
                }
                pending = ""
                reader.remember(text)
                handle(text)
            }
        }
    }

    /// True while the input so far is the start of something valid: an open
    /// block or bracket, a dangling operator. Anything else is answered now.
    func needsMore(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.hasPrefix(":") { return false }
        let file = SourceFile(path: "<input>", text: text)
        if startsDeclaration(trimmed) { return Parser.parse(file).isIncomplete }
        let (expr, diagnostics, incomplete) = Parser.parseExpression(file)
        return expr == nil && !diagnostics.isEmpty && incomplete
    }

    func startsDeclaration(_ text: String) -> Bool {
        let first = text.prefix { $0.isLetter }
        return Keyword(rawValue: String(first))?.startsItem ?? false
    }

    /// One complete entry: a command, an expression, or declarations.
    public func handle(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return }
        Interrupt.clear()
        defer { previousEntry = trimmed }
        if trimmed.hasPrefix(":") {
            command(trimmed)
            return
        }
        let file = SourceFile(path: session.nextSourceName(), text: text)
        // Declarations start with their keyword; anything else is an expression (and its errors are an expression's).
        if !startsDeclaration(trimmed) {
            noteALeadingMinus(trimmed)
            show(text, sourceName: file.path)
            return
        }
        declare(file)
    }

    /// Declarations become entries of the session; `print` statements run at once.
    func declare(_ file: SourceFile) {
        let parsed = Parser.parse(file)
        if parsed.hasErrors {
            report(parsed.diagnostics)
            return
        }
        var definitions: [(name: String, source: SourceFile)] = []
        var prints: [SourceFile] = []
        for item in parsed.syntax.items {
            let (name, span) = describe(item)
            // Each definition keeps only its own text, padded so that its lines and columns
            // are those of the entry as typed.
            // One space per scalar (the unit columns count in), newlines kept.
            var before = ""
            for scalar in file.text(of: Span(0, span.start)).unicodeScalars {
                before.unicodeScalars.append(scalar == "\n" ? "\n" : " ")
            }
            let piece = SourceFile(path: file.path, text: before + file.text(of: span), shownAs: file)
            switch item {
            case .print: prints.append(piece)
            case .importDecl(let i): report(session.load(i.path))
            default: definitions.append((name, piece))
            }
        }
        if !definitions.isEmpty {
            let diagnostics = session.define(definitions)
            report(diagnostics)
            if !diagnostics.contains(where: { $0.severity == .error }) {
                output("defined " + definitions.map(\.name).joined(separator: ", "))
            }
        }
        for p in prints { runPrint(p) }
    }

    /// In a file a line that starts with `-` continues the expression above it; at the prompt
    /// the entry above was answered when its line ended. A line that reads like the rest of
    /// a subtraction (`- 3`) is taken on its own, as a negation, and a note says so.
    func noteALeadingMinus(_ entry: String) {
        guard entry.hasPrefix("-"), entry.dropFirst().first?.isWhitespace == true,
              let previous = previousEntry, !previous.hasPrefix(":") else { return }
        let last = previous.split(separator: "\n").last.map(String.init) ?? previous
        errorSink("note: \(quoted(entry)) is a new entry, a negation, not the rest of \(quoted(last)): at the prompt an entry ends "
                  + "with its line unless the line ends with an operator or leaves a bracket open; write '\(last) -' to continue it")
    }

    func describe(_ item: Item) -> (String, Span) {
        switch item {
        case .importDecl(let i): return ("import \(i.path)", i.span)
        case .letDecl(let l): return (l.name.text, l.span)
        case .record(let r): return (r.name.text, r.span)
        case .product(let p): return (p.name.text, p.span)
        case .rule(let r): return (r.name.text, r.span)
        case .test(let t): return ("test \"\(t.name)\"", t.span)
        case .print(let p): return ("print", p.span)
        case .population(let p): return (p.name.text, p.span)
        case .scenario(let s): return (s.name.text, s.span)
        }
    }

    func runPrint(_ source: SourceFile) {
        // A print is checked with everything defined so far, run once, and not kept.
        let program: Program
        switch Program.load(paths: session.files, extraSources: session.entries.map(\.source) + [source],
                                 plugins: session.plugins, shadowing: session.shadowed) {
        case .success(let (loaded, _)): program = loaded
        case .failure(let failure): return report(failure.diagnostics)
        }
        for o in session.overrides { _ = program.setParameter("\(o.name)=\(o.value)") }
        do {
            try program.runPrints(onlyIn: source.path) { output($0) }
        } catch {
            report([error.diagnostic])
        }
    }

    /// Evaluates an expression and shows its value (a table for a list of records) and type.
    func show(_ text: String, sourceName: String) {
        guard let program = session.program else { return }
        switch program.evaluate(text, sourceName: sourceName, bindings: session.bindings) {
        case .value(let value, let type):
            session.last = Program.Binding(name: "_", value: value, type: type)
            output(Display.value(value, type))
        case .checkFailed(let diagnostics):
            report(diagnostics)
        case .runtimeFailed(let error):
            report([error.diagnostic])
        }
    }

    func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            if d.severity == .error { errorCount += 1 }
            errorSink(d.rendered(color: color))
        }
    }
}
