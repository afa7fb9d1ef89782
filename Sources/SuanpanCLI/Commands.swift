import ArgumentParser
import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanREPL
import SuanpanSyntax

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check product files, then run their top-level print statements.",
        discussion: """
            Only the print statements of the files named run, not those of the files they import; \
            each line is printed as soon as it is computed. A print of one list of records shows an \
            aligned table; --format csv or json writes it for other programs.
            """
    )

    @Argument(help: "Product files (.suan).")
    var files: [String]

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var limits: LimitOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a product parameter (repeatable).", valueName: "Product.param=value"))
    var settings: [String] = []

    @Option(name: .long, help: OutputFormat.help)
    var format: OutputFormat = .table

    @OptionGroup(title: "Scenarios") var scenarioOptions: ScenarioOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to run") }
    }

    func run() throws {
        let bar = ProgressBar.make(forced: scenarioOptions.progress)
        let program = try load(changes: settings, bar)
        if scenarioOptions.scenarios.isEmpty { try runPrints(program) }
        // Scenarios run with --set and --what-if in force beside the declared values; a shard
        // writes the run with them in force.
        let changes = settings + scenarioOptions.whatIfs
        let compare = !changes.isEmpty && scenarioOptions.partial == nil
        var job = ScenarioJob(program: compare ? try load(changes: [], bar) : changes.isEmpty ? program : try load(changes: changes, bar),
                              files: files, options: scenarioOptions, format: format, changes: changes,
                              loadVariant: compare ? { try load(changes: changes, bar) } : nil)
        job.progress = bar
        try job.run()
    }

    /// The files loaded with the limits, the scenario options and these changes applied.
    func load(changes: [String], _ bar: ProgressBar?) throws -> Program {
        let program = try Console.load(files, plugins: try plugins.pluginSet())
        limits.apply(to: program)
        scenarioOptions.apply(to: program)
        try Console.apply(changes, to: program)
        program.scenarioProgress = { rows, steps, fraction in bar?.update(rows: rows, steps: steps, fraction: fraction) }
        // Ctrl-C stops the run between steps: nothing is written as if it were complete.
        Interrupt.install()
        program.machine.interruptRequested = { Interrupt.isSet }
        return program
    }

    func runPrints(_ program: Program) throws {
        if format == .csv {
            // Every print's types are known before anything runs.
            for p in program.prints(onlyIn: files) where p.values.count != 1 || !isRecordList(p.values[0].type) {
                let what = p.values.count == 1 ? OutputFormat.csvNeedsRecords(p.values[0].type)
                    : "csv needs each print to give one list of records; this one prints \(p.values.count) values"
                Console.report(.error(what, file: p.file, span: p.span))
                throw ExitCode(64)
            }
        }
        var problem: FormatProblem?
        do {
            try program.runPrints(onlyIn: files) { printed in
                guard problem == nil else { return }
                switch format.render(printed, limit: program.maxBytes) {
                case .success(let text): Console.out(text, flush: true)
                case .failure(let p): problem = p
                }
            }
        } catch {
            Console.report(error.diagnostic)
            throw ExitCode(70)
        }
        if let problem {
            Console.err("error: \(problem.message)")
            throw ExitCode(problem.exitCode)
        }
    }

    func isRecordList(_ type: SType) -> Bool {
        if case .list(.record) = type { return true }
        return false
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Parse and check product files; print every diagnostic.")

    @Argument(help: "Product files (.suan).")
    var files: [String]

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to check") }
    }

    func run() throws {
        // Checking needs no compiled program: compiling one cannot add a diagnostic.
        Console.keepUntilExit(try Console.check(files, plugins: try plugins.pluginSet()))
        Console.err("\(files.count) file\(files.count == 1 ? "" : "s") checked, no errors")
    }
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
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
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one expression and print its value and type.",
        discussion: """
            An expression may start with a minus: suanpan eval '-5 * 3'. A list of records prints as \
            an aligned table with its type on the line after; --format csv or json writes it for \
            other programs (json leaves the type out).
            """
    )

    @Argument(help: "The expression, e.g. '1200.00 CNY * 8.8%'.")
    var expression: String

    @Option(name: .long, help: "Load a file first (repeatable).")
    var load: [String] = []

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var limits: LimitOptions

    @Flag(name: .long, help: "The same as --format json: one JSON object, {\"type\":…,\"value\":\"…\"}.")
    var json = false

    @Option(name: .long, help: OutputFormat.help)
    var format: OutputFormat?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a product parameter (repeatable).", valueName: "Product.param=value"))
    var settings: [String] = []

    func validate() throws {
        if json, let format, format != .json {
            throw ValidationError("--json is --format json; give one of --json and --format \(format.rawValue)")
        }
    }

    func run() throws {
        let program = try Console.load(load, plugins: try plugins.pluginSet())
        limits.apply(to: program)
        try Console.apply(settings, to: program)
        switch program.evaluate(expression) {
        case .value(let value, let type):
            let format = json ? .json : self.format ?? .table
            switch format {
            case .table:
                if let (items, record) = Format.records(value, type), !items.isEmpty {
                    Console.out(Format.table(items, record) + "\n: \(type)")
                } else {
                    Console.out("\(Format.display(value, type, quoteStrings: true)) : \(type)")
                }
            case .csv, .json:
                switch format.render(value, type, limit: program.maxBytes) {
                case .success(let text): Console.out(text)
                case .failure(let problem):
                    Console.err("error: \(problem.message)")
                    throw ExitCode(problem.exitCode)
                }
            }
        case .checkFailed(let diagnostics):
            diagnostics.forEach(Console.report)
            throw ExitCode(65)
        case .runtimeFailed(let error):
            Console.report(error.diagnostic)
            throw ExitCode(70)
        }
    }

    /// The arguments with an expression that starts with a minus (`-5 * 3`,
    /// `-1234.5 CNY`) moved after `--`, so that it is not read as an option.
    /// Only `eval`'s arguments change; an option's value stays where it is.
    static func protectingNegativeExpression(_ arguments: [String]) -> [String] {
        guard arguments.first == "eval", !arguments.contains("--") else { return arguments }
        let takesValue: Set<String> = ["--load", "--plugin", "--set", "--format"]
        let flags: Set<String> = ["-h", "--help", "--json"]
        var rest: [String] = []
        var expressions: [String] = []
        var i = 1
        while i < arguments.count {
            let a = arguments[i]
            if takesValue.contains(a), i + 1 < arguments.count {
                rest += [a, arguments[i + 1]]
                i += 2
                continue
            }
            if a.hasPrefix("-"), !a.hasPrefix("--"), !flags.contains(a) {
                expressions.append(a)
            } else {
                rest.append(a)
            }
            i += 1
        }
        if expressions.isEmpty { return arguments }
        return ["eval"] + rest + ["--"] + expressions
    }
}

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test blocks in files and folders (recursively).",
        discussion: """
            Prints one line per test and a last line 'N passed, N failed, N skipped'. A file that \
            does not check fails, with its diagnostics in the report. A file whose opening comments \
            say '// requires plugin: NAME' is skipped when that plugin is not loaded (--plugin \
            PATH). Exits 1 if any test failed, 66 if no test was found.
            """
    )

    @Argument(help: "Files or folders; the current folder when none are given.")
    var paths: [String] = []

    @OptionGroup var plugins: PluginOptions

    @Option(name: .long, help: ArgumentHelp("Also write the report as JUnit XML, for CI.", valueName: "file"))
    var junit: String?

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let pluginSet = try plugins.pluginSet()
        let searched = paths.isEmpty ? ["."] : paths
        let files = try TestFiles.collect(searched)
        var passed = 0, failed = 0, skipped = 0
        var report = JUnitReport()
        for file in files {
            let missing = PluginRequirements.missing(forFileAt: file, in: pluginSet)
            if !missing.isEmpty {
                let why = PluginRequirements.advice(missing)
                let names = TestFiles.testNames(file)
                skipped += max(names.count, 1)
                Console.out("SKIP \(file): \(why)")
                for name in names.isEmpty ? ["(the file)"] : names {
                    report.add(file, .init(name: name, result: .skipped(why)))
                }
                continue
            }
            switch Program.load(paths: [file], plugins: pluginSet) {
            case .failure(let failure):
                let messages = failure.diagnostics.map { $0.rendered(color: false) }
                Console.out("FAIL \(file): does not check")
                for message in messages {
                    message.split(separator: "\n", omittingEmptySubsequences: false).forEach { Console.out("    \($0)") }
                }
                failed += 1
                report.add(file, .init(name: "does not check", result: .failed(messages)))
            case .success(let (program, warnings)):
                warnings.forEach(Console.report)
                limits.apply(to: program)
                for outcome in program.runTests(onlyIn: file) {
                    outcome.output.forEach { Console.out("  \($0)") }
                    if outcome.passed {
                        passed += 1
                        Console.out("PASS \(file): \(outcome.name)")
                        report.add(file, .init(name: outcome.name, result: .passed))
                    } else {
                        failed += 1
                        Console.out("FAIL \(file): \(outcome.name)")
                        outcome.failures.forEach { Console.out("    \($0)") }
                        report.add(file, .init(name: outcome.name, result: .failed(outcome.failures)))
                    }
                }
            }
        }
        if let junit {
            do {
                try Data(report.xml.utf8).write(to: URL(fileURLWithPath: junit))
            } catch {
                Console.err("error: cannot write the JUnit report to \(junit): \(error.localizedDescription); give --junit a path in a folder that exists and can be written")
                throw ExitCode(74)
            }
        }
        if passed + failed + skipped == 0 {
            let searchedText = searched.joined(separator: ", ")
            Console.out(files.isEmpty ? "no .suan files in \(searchedText)" : "no tests in \(searchedText)")
            Console.err("error: no tests found: write test \"name\" { expect … } blocks in .suan files, or name the files or folders that hold them")
            throw ExitCode(66)
        }
        Console.out("\(passed) passed, \(failed) failed, \(skipped) skipped")
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

    /// The names of the test blocks a file declares, read without checking it
    /// (for a file skipped because it needs a plugin); none when it does not parse.
    static func testNames(_ file: String) -> [String] {
        guard case .success(let (syntax, _)) = Program.parse(path: file) else { return [] }
        return syntax.items.compactMap { if case .test(let t) = $0 { return t.name } else { return nil } }
    }
}
