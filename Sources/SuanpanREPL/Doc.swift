import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax

/// `:doc NAME`, the signatures `:type` shows for rules and tables, and `:save FILE`.
extension REPL {
    /// The signature of a rule, a table or a plugin function named `name` (one line per
    /// plugin overload), or nil when nothing callable has that name.
    func signatures(of name: String) -> [String]? {
        guard let checked = session.program?.checked else { return nil }
        if let f = checked.functions.first(where: { $0.qualifiedName == name }) {
            return ["\(f.isTable ? "table" : "rule") \(f.qualifiedName)\(signature(f))"]
        }
        if let f = Intrinsic.allCases.first(where: { $0.name == name }) { return ["built-in \(f.usage)"] }
        let plugin = checked.externals.filter { $0.qualifiedName == name || $0.name == name }
        if plugin.isEmpty { return nil }
        return plugin.flatMap { e in e.overloads.map { "\(e.qualifiedName)\($0)" } }
    }

    func doc(_ name: String) {
        guard !name.isEmpty else { return errors("usage: :doc NAME") }
        if let k = Keyword(rawValue: name) {
            let doc = k.doc
            output(doc.syntax)
            output("  " + doc.summary)
            output("  example:")
            doc.example.split(separator: "\n", omittingEmptySubsequences: false).forEach { output("    " + $0) }
            return
        }
        guard let program = session.program else { return errors("usage: :doc NAME") }
        let checked = program.checked
        if let f = checked.functions.first(where: { $0.qualifiedName == name }) {
            output("\(f.isTable ? "table" : "rule") \(f.qualifiedName)\(signature(f))")
            comment(f.file, f.span).forEach { output("  " + $0) }
            if !f.parameters.isEmpty {
                output("  parameters:")
                f.parameters.forEach { output("    \($0.name): \($0.type)") }
            }
            return
        }
        if let p = checked.product(named: name) {
            output("product \(p.name)" + (p.title.map { " \"\($0)\"" } ?? "") + (p.base.map { " = \($0) with { … }" } ?? ""))
            comment(p.file, p.span).forEach { output("  " + $0) }
            if !p.parameters.isEmpty { output("  parameters:") }
            for (param, g) in p.parameters {
                let global = checked.globals[g]
                let summary = comment(global.file, global.span).first.map { "  — " + $0 } ?? ""
                output("    \(param): \(global.type) = \(displayed("\(p.name).\(param)") ?? "?")" + summary)
            }
            for (fname, fi) in p.functions {
                let f = checked.functions[fi]
                let summary = comment(f.file, f.span).first.map { "  — " + $0 } ?? ""
                output("  \(f.isTable ? "table" : "rule") \(fname)\(signature(f))" + summary)
            }
            return
        }
        if let g = checked.globals.first(where: { $0.qualifiedName == name }) {
            let word = g.kind == .parameter ? "param" : "let"
            output("\(word) \(g.qualifiedName): \(g.type) = \(displayed(g.qualifiedName) ?? "?")")
            comment(g.file, g.span).forEach { output("  " + $0) }
            return
        }
        if let r = checked.records[name], r.file != nil {
            output("record \(r.name) { " + r.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + " }")
            if let file = r.file { comment(file, r.span).forEach { output("  " + $0) } }
            return
        }
        if let f = Intrinsic.allCases.first(where: { $0.name == name }) {
            output("built-in \(f.usage)")
            output("  " + f.summary)
            return
        }
        let plugin = checked.externals.filter { $0.qualifiedName == name || $0.name == name }
        if !plugin.isEmpty {
            for e in plugin {
                e.overloads.forEach { output("\(e.qualifiedName)\($0)") }
                output("  " + e.summary)
            }
            return
        }
        var known = checked.functions.map(\.qualifiedName) + checked.products.map(\.name) + checked.globals.map(\.qualifiedName)
        known += checked.records.values.filter { $0.file != nil }.map(\.name) + checked.externals.map(\.qualifiedName)
        let close = known.filter { editCost($0, name) <= 2 }.min { editCost($0, name) < editCost($1, name) }
        errors("nothing is named \(quoted(name))" + (close.map { " (did you mean \($0)?)" } ?? "")
               + ": :doc takes a rule, table, product, parameter, constant, record, built-in or plugin function, or a keyword, such as Huabei.fee, round or fold; :env lists the names")
    }

    /// The `///` lines just above a declaration, without their slashes.
    func comment(_ file: SourceFile, _ span: Span) -> [String] {
        var line = file.location(of: span.start).line - 1
        var lines: [String] = []
        while line >= 1 {
            let text = file.lineText(line).trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("///") else { break }
            lines.insert(String(text.dropFirst(3)).trimmingCharacters(in: .whitespaces), at: 0)
            line -= 1
        }
        return lines
    }

    /// The session as a file that loads back and means the same: an import of each file
    /// loaded, then each definition typed, and the overrides in force as comments (a file
    /// has no what-ifs). When a definition typed replaces one of a loaded file's, importing
    /// that file would declare the name twice, so the saved file holds the loaded files'
    /// declarations instead (each with its `///` lines), without the replaced ones and
    /// without their prints (`run` shows only the prints of the files it is given).
    func save(_ path: String) {
        guard !path.isEmpty else { return errors("usage: :save FILE") }
        var text = "// Saved from the suanpan REPL: the files it had loaded, then the definitions typed at it.\n"
        let typed = Set(session.entries.map(\.source.path))
        let loaded = (session.program?.checked.files ?? []).filter { !typed.contains($0.path) }
        let needs = loaded.flatMap { PluginRequirements.declared(in: $0.text) }
        if !needs.isEmpty {
            var seen = Set<String>()
            text += "// requires plugins: " + needs.filter { seen.insert($0).inserted }.joined(separator: ", ") + "\n"
        }
        let shadowed = session.shadowed
        let parsed = loaded.map { Parser.parse($0).syntax }
        if parsed.contains(where: { $0.items.contains { $0.declaredName.map(shadowed.contains) ?? false } }) {
            text = "// Saved from the suanpan REPL: the declarations of the files it had loaded, less those typed anew, then the definitions typed at it.\n" + text.drop { $0 != "\n" }.dropFirst()
            for file in parsed {
                text += "\n// From \(file.file.path), without what was typed anew at the prompt:\n"
                for item in file.without(shadowed).items {
                    switch item {
                    case .importDecl, .print: continue
                    case .letDecl, .record, .product, .rule, .test, .scenario:
                        comment(file.file, item.span).forEach { text += "/// \($0)\n" }
                        text += file.file.text(of: item.span) + "\n\n"
                    case .population(let p):
                        // Its file is named from the folder of the file it came from: written out whole here.
                        comment(file.file, item.span).forEach { text += "/// \($0)\n" }
                        let folder = URL(fileURLWithPath: file.file.path).deletingLastPathComponent()
                        let absolute = p.path.hasPrefix("/") ? p.path : folder.appendingPathComponent(p.path).standardizedFileURL.path
                        text += file.file.text(of: Span(item.span.start, p.pathSpan.start)) + StringLiteral.quoted(absolute)
                            + file.file.text(of: Span(p.pathSpan.end, item.span.end)) + "\n\n"
                    }
                }
            }
        } else {
            for f in session.files {
                text += "import \"\(URL(fileURLWithPath: f).standardizedFileURL.path)\"\n"
            }
        }
        for entry in session.entries {
            text += "\n" + entry.source.text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        }
        if !session.overrides.isEmpty {
            text += "\n// What-ifs in force when saved; a file has none, so type them again to use them:\n"
            for o in session.overrides { text += "// :set \(o.name) = \(displayed(o.name) ?? o.value)\n" }
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            return errors("cannot write \(path): \(error.localizedDescription); give :save a path in a folder that exists and can be written")
        }
        let count = session.entries.count
        output("saved \(count) definition\(count == 1 ? "" : "s") to \(path)")
    }
}
