import Foundation
import Suanpan
import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// Tab completion candidates for the word under the cursor: commands after
/// ':', file paths after ':load', members after 'Product.' or 'plugin.', record
/// fields after a record-valued expression and '.', and otherwise every name
/// in scope: keywords, products, records, constants, rules, plugin functions.
public struct Completer {
    let session: Session

    public init(session: Session) { self.session = session }

    public func candidates(line: String, word: String) -> [String] {
        let before = String(line.dropLast(word.count))
        if line.hasPrefix(":") && !line.contains(" ") {
            return REPL.commands.filter { $0.name.hasPrefix(line) }.map { command in
                // Commands that take an argument get the space before it.
                let text = command.usage == command.name ? command.name : command.name + " "
                return String(text.dropFirst(max(0, line.count - word.count)))
            }
        }
        if line.hasPrefix(":load ") || line.hasPrefix(":l ") {
            return paths(String(line.drop { $0 != " " }.dropFirst()), word: word)
        }
        if line.hasPrefix(":scenario ") {
            return (session.program?.checked.scenarios.map(\.name) ?? []).filter { $0.hasPrefix(word) }.sorted()
        }
        if (line.hasPrefix(":set ") || line.hasPrefix(":unset ")) && !before.contains("=") {
            return settable(before, word: word)
        }
        if before.hasSuffix(".") { return members(of: String(before.dropLast()), word: word) }
        if let changeable = changeable(before) { return changeable.filter { $0.hasPrefix(word) }.sorted() }
        return names().filter { $0.hasPrefix(word) }.sorted()
    }

    /// Where a change's target goes, inside `with Product {` or `… = Product with {`
    /// (after the brace or a comma, before any '='): the product's parameters and tables.
    func changeable(_ before: String) -> [String]? {
        let open = #/(?:\bwith\s+([A-Za-z_][A-Za-z0-9_]*)|\b([A-Za-z_][A-Za-z0-9_]*)\s+with)\s*\{([^{}]*)$/#
        guard let match = before.firstMatch(of: open), let name = match.1 ?? match.2,
              let product = session.program?.checked.product(named: String(name)) else { return nil }
        let sinceLastChange = match.3.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
        if sinceLastChange.contains("=") { return nil }
        let tables = product.functions.filter { session.program?.checked.functions[$0.function].isTable == true }.map(\.name)
        return product.parameters.map(\.name) + tables
    }

    /// What `:set` (and `:unset`) can change: a product's name, then after its dot its
    /// parameters and tables, nothing else.
    func settable(_ before: String, word: String) -> [String] {
        guard let checked = session.program?.checked else { return [] }
        if before.hasSuffix(".") {
            guard let product = checked.product(named: trailingExpression(String(before.dropLast()))) else { return [] }
            let tables = product.functions.filter { checked.functions[$0.function].isTable }.map(\.name)
            return (product.parameters.map(\.name) + tables).filter { $0.hasPrefix(word) }.sorted()
        }
        return checked.products.map(\.name).filter { $0.hasPrefix(word) }.sorted()
    }

    func names() -> [String] {
        var names = Keyword.allCases.map(\.rawValue)
        names += Intrinsic.allCases.map(\.name) + RoundingMode.allCases.map(\.rawValue)
        names += TypeName.names
        guard let checked = session.program?.checked else { return names }
        names += checked.products.map(\.name) + checked.records.keys
        names += checked.globals.filter { !$0.qualifiedName.contains(".") }.map(\.name)
        let productFunctions = Set(checked.products.flatMap { $0.functions.map(\.function) })
        names += checked.functions.enumerated().filter { !productFunctions.contains($0.offset) }.map(\.element.name)
        names += checked.externals.map(\.name) + checked.externals.map(\.plugin)
        return Array(Set(names))
    }

    /// Members after a dot: of a product, a plugin, a record value or a date.
    func members(of prefix: String, word: String) -> [String] {
        guard let program = session.program else { return [] }
        let expression = trailingExpression(prefix)
        var names: [String] = []
        if let product = program.checked.product(named: expression) {
            names = product.parameters.map(\.name) + product.constants.map(\.name) + product.functions.map(\.name)
        } else if program.checked.externals.contains(where: { $0.plugin == expression }) {
            names = program.checked.externals.filter { $0.plugin == expression }.map(\.name)
        } else if case .success(let type) = program.typeOf(expression) {
            switch type {
            case .record(let r): names = r.fields.map(\.name)
            case .date: names = DateComponent.allCases.map(\.rawValue)
            default: break
            }
        }
        return names.filter { $0.hasPrefix(word) }.sorted()
    }

    /// The expression that ends the text: `Huabei.plan(1 CNY, 3, 2%)[0]` in `let x = Huabei.plan(1 CNY, 3, 2%)[0]`.
    func trailingExpression(_ text: String) -> String {
        var depth = 0
        var start = text.endIndex
        for i in text.indices.reversed() {
            let c = text[i]
            if c == ")" || c == "]" { depth += 1 } else if c == "(" || c == "[" {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0, !(c.isLetter || c.isNumber || c == "_" || c == ".") { break }
            start = i
        }
        return String(text[start...])
    }

    func paths(_ typed: String, word: String) -> [String] {
        let directory = typed.contains("/") ? String(typed[...(typed.lastIndex(of: "/") ?? typed.startIndex)]) : ""
        let partial = String(typed.dropFirst(directory.count))
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return entries.filter { $0.hasPrefix(partial) && !$0.hasPrefix(".") }.sorted().map { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
            let full = name + (exists && isDirectory.boolValue ? "/" : "")
            // Complete the word as readline split it (the name may contain '.').
            return String(full.dropFirst(max(0, partial.count - word.count)))
        }
    }
}
