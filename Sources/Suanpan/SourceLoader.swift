import Foundation
import SuanpanSyntax

/// Reads product files and everything they import, each once, imports first.
/// Paths in `import "…"` are relative to the importing file.
struct SourceLoader {
    var files: [FileSyntax] = []
    var diagnostics: [Diagnostic] = []
    /// True when a file could not be read (the CLI exits 74 rather than 65).
    var ioFailed = false
    private var seen: Set<String> = []

    mutating func load(path: String, importedAt: (SourceFile, Span)? = nil) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let key = url.resolvingSymlinksInPath().path
        guard seen.insert(key).inserted else { return }
        if let file = read(path: path, importedAt: importedAt) { addSource(file) }
    }

    /// The file's text, or nil after recording why it cannot be had: it cannot be
    /// read (reported at the import that names it, if any), or it is not UTF-8.
    mutating func read(path: String, importedAt: (SourceFile, Span)? = nil) -> SourceFile? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            ioFailed = true
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot read" : "no such file"
            if let (file, span) = importedAt {
                diagnostics.append(.error("\(reason): \(path)", file: file, span: span))
            } else {
                diagnostics.append(.error("\(reason): \(path)", file: nil, span: .none))
            }
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            // Bytes before the first bad one decode unchanged, so its offset is a
            // valid position in the repaired text.
            let repaired = SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
            let offset = firstInvalidByte(data)
            diagnostics.append(.error("not UTF-8 text", file: repaired, span: Span(offset, offset + 1),
                                      hint: "save the file as UTF-8"))
            return nil
        }
        return SourceFile(path: path, text: text)
    }

    /// Parses one source (from disk, `eval` or the REPL) and loads its imports.
    mutating func addSource(_ file: SourceFile) {
        let result = Parser.parse(file)
        diagnostics += result.diagnostics
        let directory = URL(fileURLWithPath: file.path).deletingLastPathComponent()
        for case .importDecl(let i) in result.syntax.items {
            let target = i.path.hasPrefix("/") ? i.path : directory.appendingPathComponent(i.path).path
            load(path: relativeIfPossible(target), importedAt: (file, i.span))
        }
        files.append(result.syntax)
    }

    /// The byte offset at which a file stops being UTF-8.
    func firstInvalidByte(_ data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput, .error: return offset
            }
        }
    }

    /// Keeps paths in messages short: relative to the working directory when below it.
    func relativeIfPossible(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return standardized.hasPrefix(cwd) ? String(standardized.dropFirst(cwd.count)) : standardized
    }
}
