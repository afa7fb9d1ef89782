import Foundation
import Suanpan
import SuanpanREPL
import XCTest

/// The repository root (three folders up from this file) and the Huabei example in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let huabei = repositoryRoot.appendingPathComponent("Examples/huabei.suan").path

/// A `LineReader` that hands out a fixed script (lines, Ctrl-C, end of input)
/// and records every prompt it was asked to show and every entry remembered.
final class ScriptedReader: LineReader {
    private var script: [LineRead]
    private(set) var prompts: [String] = []
    private(set) var remembered: [String] = []

    init(_ script: [LineRead]) { self.script = script }

    /// How many scripted reads were never asked for (after `:quit`, say).
    var unread: Int { script.count }

    func read(prompt: String) -> LineRead {
        prompts.append(prompt)
        return script.isEmpty ? .end : script.removeFirst()
    }

    func remember(_ entry: String) { remembered.append(entry) }
}

/// What one REPL run printed: stdout and stderr separately and, interleaved, both.
final class Transcript {
    var output: [String] = []
    var errors: [String] = []
    /// Both streams in order; error text is prefixed with "!" so the two can be told apart.
    var all: [String] = []

    var outputText: String { output.joined(separator: "\n") }
    var errorText: String { errors.joined(separator: "\n") }
}

/// A folder of scratch files, removed when released.
final class ScratchFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("suanpan-repl-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = url.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

class REPLTestCase: XCTestCase {
    /// A session with the standard plugins.
    func makeSession() throws -> Session {
        Session(plugins: try Program.standardPlugins())
    }

    /// Runs the REPL over a script of reads; returns what it printed, the reader and the REPL.
    @discardableResult
    func run(_ script: [LineRead], loading files: [String] = [], session: Session? = nil)
        throws -> (Transcript, ScriptedReader, REPL) {
        let transcript = Transcript()
        let reader = ScriptedReader(script)
        let repl = REPL(session: try session ?? makeSession(), reader: reader, color: false,
                        output: { transcript.output.append($0); transcript.all.append($0) },
                        errors: { transcript.errors.append($0); transcript.all.append("!" + $0) })
        repl.run(loading: files)
        return (transcript, reader, repl)
    }

    /// Runs typed lines (each one a `.line`) with the Huabei example loaded unless told otherwise.
    @discardableResult
    func type(_ lines: [String], loading files: [String] = [huabei]) throws -> Transcript {
        try run(lines.map { .line($0) }, loading: files).0
    }

    /// The printed answer to each of several single-line expressions, one each.
    func answers(_ lines: [String], loading files: [String] = [huabei], file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let t = try type(lines, loading: files)
        XCTAssertEqual(t.errors, [], "unexpected errors", file: file, line: line)
        return t.output
    }
}
