import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax

/// The REPL's `:` commands.
extension REPL {
    static let commands: [(name: String, usage: String, help: String)] = [
        (":help", ":help", "show this help"),
        (":load", ":load FILE", "load a product file (and what it imports)"),
        (":reload", ":reload", "read the loaded files again"),
        (":type", ":type EXPR", "show the type of an expression without evaluating it, or a rule's signature"),
        (":doc", ":doc NAME", "show a rule's, table's, product's or function's signature, documentation and parameters, or a keyword's form and an example"),
        (":explain", ":explain EXPR", "evaluate and show how: each rule called, table row matched, rounding step"),
        (":set", ":set Product.param = VALUE", "try another value of a parameter (what-if); alone, list them"),
        (":unset", ":unset [Product.param]", "drop one override, or all of them"),
        (":env", ":env", "list what is defined: files, products and parameters, records, constants, rules, tests"),
        (":save", ":save FILE", "write the definitions typed here to a file that :load reads back"),
        (":test", ":test", "run the test blocks loaded and typed"),
        (":scenario", ":scenario NAME", "run a scenario: its report and a chart; beside the baseline when :set what-ifs are in force"),
        (":time", ":time EXPR", "evaluate and show how long it took"),
        (":quit", ":quit", "leave (Ctrl-D does too)"),
    ]

    /// Short spellings kept from before any prefix would do; they win over other commands' prefixes.
    static let aliases: [String: String] = [
        ":h": ":help", ":?": ":help", ":q": ":quit", ":exit": ":quit", ":l": ":load",
        ":r": ":reload", ":t": ":type", ":e": ":explain",
    ]

    /// The command a spelling names: itself, an alias, or the one command it is a prefix of.
    static func resolve(_ spelling: String) -> Result<String, CommandProblem> {
        let names = commands.map(\.name)
        if names.contains(spelling) { return .success(spelling) }
        if let alias = aliases[spelling] { return .success(alias) }
        let matching = spelling.count > 1 ? names.filter { $0.hasPrefix(spelling) } : []
        if matching.count == 1 { return .success(matching[0]) }
        return .failure(matching.isEmpty ? .unknown : .ambiguous(matching))
    }

    enum CommandProblem: Error {
        case unknown
        case ambiguous([String])
    }

    func command(_ text: String) {
        let spelling = String(text.prefix { !$0.isWhitespace })
        let argument = text.dropFirst(spelling.count).trimmingCharacters(in: .whitespaces)
        let name: String
        switch REPL.resolve(spelling) {
        case .success(let resolved): name = resolved
        case .failure(.ambiguous(let candidates)):
            return errors("ambiguous command \(spelling): it could be " + candidates.joined(separator: ", ") + "; type more of its name")
        case .failure(.unknown):
            let names = REPL.commands.map(\.name)
            let close = names.filter { editCost($0, spelling) <= 2 }.min { editCost($0, spelling) < editCost($1, spelling) }
            return errors("unknown command \(spelling)" + (close.map { " (did you mean \($0)?)" } ?? "") + "; :help lists them")
        }
        switch name {
        case ":help": help()
        case ":quit": quitting = true
        case ":load":
            guard !argument.isEmpty else { return errors("usage: :load FILE") }
            let diagnostics = session.load(argument)
            report(diagnostics)
            if !diagnostics.contains(where: { $0.severity == .error }) { output("loaded \(argument)") }
        case ":reload":
            let diagnostics = session.reload()
            report(diagnostics)
            if diagnostics.contains(where: { $0.severity == .error }) {
                errors("reload failed: the previous definitions stay in force; fix the file and :reload again")
            } else {
                output("reloaded \(session.files.isEmpty ? "(no files)" : session.files.joined(separator: ", "))")
            }
        case ":type": type(argument)
        case ":doc": doc(argument)
        case ":set": set(argument)
        case ":unset":
            if session.unset(argument.isEmpty ? nil : argument) {
                output(argument.isEmpty ? "all overrides removed" : "\(argument) is back to its declared value")
            } else {
                errors(argument.isEmpty ? "no overrides to remove" : "\(argument) is not overridden")
            }
        case ":env": environment()
        case ":save": save(argument)
        case ":test": tests()
        case ":scenario": scenario(argument)
        case ":time": time(argument)
        case ":explain": explain(argument)
        default: errors("unknown command \(spelling); :help lists them")
        }
    }

    func type(_ argument: String) {
        guard let program = session.program, !argument.isEmpty else { return errors("usage: :type EXPR") }
        switch program.typeOf(argument, sourceName: "<input>", bindings: session.bindings) {
        case .success(let type): output("\(type)")
        case .failure(let failure):
            // A rule or a table named without arguments: its signature.
            if let shown = signatures(of: argument) { return shown.forEach { output($0) } }
            report(failure.diagnostics)
        }
    }

    func help() {
        output("Type an expression to evaluate it, or a declaration (product, record, let, rule, test) to define it;")
        output("a definition with an existing name replaces it. Open braces and brackets continue on the next line.")
        output("_ is the last value. Commands may be shortened to any unique prefix (:ex for :explain).")
        output("Ctrl-C cancels the input or stops an evaluation; Ctrl-D leaves.")
        for c in REPL.commands { output("  " + c.usage.padding(toLength: 28, withPad: " ", startingAt: 0) + c.help) }
    }

    func set(_ argument: String) {
        if argument.isEmpty {
            if session.overrides.isEmpty { return output("no overrides: :set Product.param = VALUE tries another value") }
            return session.overrides.forEach { output("\($0.name) = \(displayed($0.name) ?? $0.value)") }
        }
        guard let equals = argument.firstIndex(of: "=") else { return errors("usage: :set Product.param = VALUE") }
        let name = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let value = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let problems = session.set(name, value, typed: argument)
        if problems.isEmpty {
            output("\(name) = \(displayed(name) ?? value)")
        } else {
            report(problems)
        }
    }

    /// A parameter's or a table row's value now, as it is displayed (`:set` reads it back).
    func displayed(_ target: String) -> String? {
        guard case .value(let v, let t)? = session.program?.evaluate(target) else { return nil }
        return Format.display(v, t, quoteStrings: true, limit: Format.terminalLimit)
    }

    func environment() {
        guard let program = session.program else { return }
        let checked = program.checked
        if !session.files.isEmpty { output("files: " + session.files.joined(separator: ", ")) }
        for p in checked.products {
            output("product \(p.name)" + (p.title.map { " \"\($0)\"" } ?? "") + (p.base.map { " = \($0) with { … }" } ?? ""))
            for (name, g) in p.parameters {
                let override = session.overrides.contains { $0.name == "\(p.name).\(name)" }
                let value = program.evaluate("\(p.name).\(name)")
                var shown = "?"
                if case .value(let v, let t) = value { shown = Format.display(v, t, quoteStrings: true, limit: Format.terminalLimit) }
                output("  param \(name): \(checked.globals[g].type) = \(shown)" + (override ? "   (set)" : ""))
            }
            for (name, f) in p.functions { output("  \(checked.functions[f].isTable ? "table" : "rule") \(name)\(signature(checked.functions[f]))") }
        }
        for r in checked.records.values.sorted(by: { $0.name < $1.name }) where r.file != nil {
            output("record \(r.name) { " + r.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + " }")
        }
        for g in checked.globals where g.kind == .constant && !g.qualifiedName.contains(".") {
            output("let \(g.name): \(g.type)")
        }
        let productFunctions = Set(checked.products.flatMap { $0.functions.map(\.function) })
        for (i, f) in checked.functions.enumerated() where !productFunctions.contains(i) {
            output("rule \(f.name)\(signature(f))")
        }
        for t in checked.tests { output("test \"\(t.name)\"") }
        output("plugins: " + session.plugins.plugins.map { "\($0.name) \($0.version)" }.joined(separator: ", "))
    }

    func signature(_ f: FunctionDef) -> String {
        let parameters = f.hasParameterList ? "(" + f.parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + ")" : ""
        return parameters + " -> \(f.result)"
    }

    func tests() {
        guard let program = session.program else { return }
        var passed = 0, failed = 0
        for outcome in program.runTests() {
            outcome.output.forEach { output("  \($0)") }
            if outcome.passed {
                passed += 1
                output("PASS \(outcome.name)")
            } else {
                failed += 1
                output("FAIL \(outcome.name)")
                outcome.failures.forEach { output("    \($0)") }
            }
        }
        // As `suanpan test` reports: nothing is skipped here, a missing plugin stops the file from loading.
        output("\(passed) passed, \(failed) failed, 0 skipped")
    }

    func time(_ argument: String) {
        guard let program = session.program, !argument.isEmpty else { return errors("usage: :time EXPR") }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = program.evaluate(argument, sourceName: "<input>", bindings: session.bindings)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        switch result {
        case .value(let v, let t): output(Display.value(v, t))
        case .checkFailed(let d): return report(d)
        case .runtimeFailed(let e): report([e.diagnostic])
        }
        output(String(format: "(%.3f ms)", elapsed))
    }

    func editCost(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            row = next
        }
        return row[b.count]
    }
}
