import ArgumentParser
import Foundation
import Suanpan
import SuanpanRuntime
import SuanpanSyntax

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check product files, then run their top-level print statements.")

    @Argument(help: "Product files (.suan).")
    var files: [String]

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var limits: LimitOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a product parameter (repeatable).", valueName: "Product.param=value"))
    var settings: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to run") }
    }

    func run() throws {
        let program = try Console.load(files, plugins: try plugins.pluginSet())
        limits.apply(to: program)
        try Console.apply(settings, to: program)
        do {
            try program.runPrints { Console.out($0) }
        } catch {
            Console.report(error.diagnostic)
            throw ExitCode(70)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse and check product files; print every diagnostic.")

    @Argument(help: "Product files (.suan).")
    var files: [String]

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to check") }
    }

    func run() throws {
        _ = try Console.load(files, plugins: try plugins.pluginSet())
        Console.err("\(files.count) file\(files.count == 1 ? "" : "s") checked, no errors")
    }
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print how files parse: one S-expression per declaration.",
        discussion: """
            Shows the grouping the parser chose, e.g. `let x = a + b * c` prints
            (let x (binary + (name a) (binary * (name b) (name c)))). Imports are not followed \
            and nothing is checked. With several files, each tree follows a line '; FILE'. \
            Grammar/check.py compares this output with the normative grammar's parse.
            """
    )

    @Argument(help: "Product files (.suan).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to parse") }
    }

    func run() throws {
        var errors = 0
        var ioFailed = false
        for path in files {
            switch Program.parse(path: path) {
            case .success(let (syntax, warnings)):
                warnings.forEach(Console.report)
                if files.count > 1 { Console.out("; \(path)") }
                let tree = CanonicalTree.render(syntax)
                if !tree.isEmpty { Console.out(tree) }
            case .failure(let failure):
                failure.diagnostics.forEach(Console.report)
                errors += Diagnostic.errorCount(failure.diagnostics)
                ioFailed = ioFailed || failure.ioFailed
            }
        }
        if errors > 0, !ioFailed { Console.err("\(errors) error\(errors == 1 ? "" : "s")") }
        if ioFailed { throw ExitCode(74) }
        if errors > 0 { throw ExitCode(65) }
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate one expression and print its value and type.")

    @Argument(help: "The expression, e.g. '1200.00 CNY * 8.8%'.")
    var expression: String

    @Option(name: .long, help: "Load a file first (repeatable).")
    var load: [String] = []

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var limits: LimitOptions

    @Flag(name: .long, help: "Print one JSON object: {\"type\":…,\"value\":\"…\"}.")
    var json = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a product parameter (repeatable).", valueName: "Product.param=value"))
    var settings: [String] = []

    func run() throws {
        let program = try Console.load(load, plugins: try plugins.pluginSet())
        limits.apply(to: program)
        try Console.apply(settings, to: program)
        switch program.evaluate(expression) {
        case .value(let value, let type):
            Console.out(json ? Format.json(value, type) : "\(Format.display(value, type, quoteStrings: true)) : \(type)")
        case .checkFailed(let diagnostics):
            diagnostics.forEach(Console.report)
            throw ExitCode(65)
        case .runtimeFailed(let error):
            Console.report(error.diagnostic)
            throw ExitCode(70)
        }
    }
}

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the test blocks in files and folders (recursively).",
        discussion: "Prints one line per test and a last line 'N passed, N failed'; exits 1 if any failed."
    )

    @Argument(help: "Files or folders; the current folder when none are given.")
    var paths: [String] = []

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let pluginSet = try plugins.pluginSet()
        let files = try TestFiles.collect(paths.isEmpty ? ["."] : paths)
        var passed = 0, failed = 0
        for file in files {
            switch Program.load(paths: [file], plugins: pluginSet) {
            case .failure(let failure):
                failure.diagnostics.forEach(Console.report)
                Console.out("FAIL \(file): does not check")
                failed += 1
            case .success(let (program, warnings)):
                warnings.forEach(Console.report)
                limits.apply(to: program)
                for outcome in program.runTests(onlyIn: file) {
                    outcome.output.forEach { Console.out("  \($0)") }
                    if outcome.passed {
                        passed += 1
                        Console.out("PASS \(file): \(outcome.name)")
                    } else {
                        failed += 1
                        Console.out("FAIL \(file): \(outcome.name)")
                        outcome.failures.forEach { Console.out("    \($0)") }
                    }
                }
            }
        }
        Console.out("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Finds `.suan` files under the given paths, in a stable order.
enum TestFiles {
    static func collect(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Console.err("error: no such file or folder: \(path)")
                throw ExitCode(74)
            }
            if !isDirectory.boolValue {
                result.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            result += found.filter { $0.hasSuffix(".suan") }.sorted().map { base == "." ? $0 : "\(base)/\($0)" }
        }
        return result
    }
}
