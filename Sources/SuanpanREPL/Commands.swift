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
        (":type", ":type EXPR", "show the type of an expression without evaluating it"),
        (":explain", ":explain EXPR", "evaluate and show how: each rule called, table row matched, rounding step"),
        (":set", ":set Product.param = VALUE", "try another value of a parameter (what-if)"),
        (":unset", ":unset [Product.param]", "drop one override, or all of them"),
        (":env", ":env", "list what is defined: files, products and parameters, records, constants, rules, tests"),
        (":test", ":test", "run the test blocks loaded and typed"),
        (":time", ":time EXPR", "evaluate and show how long it took"),
        (":quit", ":quit", "leave (Ctrl-D does too)"),
    ]

    func command(_ text: String) {
        let name = String(text.prefix { !$0.isWhitespace })
        let argument = text.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch name {
        case ":help", ":h", ":?": help()
        case ":quit", ":q", ":exit": quitting = true
        case ":load", ":l":
            guard !argument.isEmpty else { return errors("usage: :load FILE") }
            let diagnostics = session.load(argument)
            report(diagnostics)
            if !diagnostics.contains(where: { $0.severity == .error }) { output("loaded \(argument)") }
        case ":reload", ":r":
            let diagnostics = session.reload()
            report(diagnostics)
            if !diagnostics.contains(where: { $0.severity == .error }) {
                output("reloaded \(session.files.isEmpty ? "(no files)" : session.files.joined(separator: ", "))")
            }
        case ":type", ":t":
            guard let program = session.program, !argument.isEmpty else { return errors("usage: :type EXPR") }
            switch program.typeOf(argument, sourceName: "<input>") {
            case .success(let type): output("\(type)")
            case .failure(let failure): report(failure.diagnostics)
            }
        case ":set": set(argument)
        case ":unset":
            if session.unset(argument.isEmpty ? nil : argument) {
                output(argument.isEmpty ? "all overrides removed" : "\(argument) is back to its declared value")
            } else {
                errors(argument.isEmpty ? "no overrides to remove" : "\(argument) is not overridden")
            }
        case ":env": environment()
        case ":test": tests()
        case ":time": time(argument)
        case ":explain", ":e": explain(argument)
        default:
            let names = REPL.commands.map(\.name)
            let close = names.first { $0.hasPrefix(name) }
                ?? names.filter { editCost($0, name) <= 2 }.min { editCost($0, name) < editCost($1, name) }
            errors("unknown command \(name)" + (close.map { " (did you mean \($0)?)" } ?? "") + "; :help lists them")
        }
    }

    func help() {
        output("Type an expression to evaluate it, or a declaration (product, record, let, rule, test) to define it;")
        output("a definition with an existing name replaces it. Open braces and brackets continue on the next line.")
        output("Ctrl-C cancels the input or stops an evaluation; Ctrl-D leaves.")
        for c in REPL.commands { output("  " + c.usage.padding(toLength: 28, withPad: " ", startingAt: 0) + c.help) }
    }

    func set(_ argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return errors("usage: :set Product.param = VALUE") }
        let name = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let value = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let problems = session.set(name, value, typed: argument)
        if problems.isEmpty {
            output("\(name) = \(value)")
        } else {
            report(problems)
        }
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
                if case .value(let v, let t) = value { shown = Format.display(v, t, quoteStrings: true) }
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
        output("\(passed) passed, \(failed) failed")
    }

    func time(_ argument: String) {
        guard let program = session.program, !argument.isEmpty else { return errors("usage: :time EXPR") }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = program.evaluate(argument, sourceName: "<input>")
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
