import ArgumentParser
import Foundation
import Suanpan
import SuanpanPlugin
import SuanpanSyntax

/// Output and error rendering for the command line. Colour only on a terminal
/// and never when NO_COLOR is set.
enum Console {
    static let color: Bool = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func out(_ line: String, flush: Bool = false) {
        print(line)
        if flush { fflush(nil) }
    }

    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func report(_ d: Diagnostic) {
        fflush(nil)
        err(d.rendered(color: color))
    }

    /// Applies `--set Product.param=value` overrides, or exits 65.
    static func apply(_ settings: [String], to program: Program) throws {
        for setting in settings {
            let problems = program.setParameter(setting)
            if !problems.isEmpty {
                problems.forEach(report)
                throw ExitCode(65)
            }
        }
    }

    /// Loads files or exits: 74 when a file can't be read, 65 for syntax and check errors.
    static func load(_ files: [String], plugins: PluginSet) throws -> Program {
        switch Program.load(paths: files, plugins: plugins) {
        case .success(let (program, warnings)):
            warnings.forEach(report)
            return program
        case .failure(let failure):
            throw failed(failure, files, plugins)
        }
    }

    /// Checks files without compiling them, or exits as `load` does; the same diagnostics.
    static func check(_ files: [String], plugins: PluginSet) throws -> Program.Checked {
        switch Program.check(paths: files, plugins: plugins) {
        case .success(let (checked, warnings)):
            warnings.forEach(report)
            return checked
        case .failure(let failure):
            throw failed(failure, files, plugins)
        }
    }

    /// Reports why files did not load and gives the exit code to leave with.
    static func failed(_ failure: Program.Failure, _ files: [String], _ plugins: PluginSet) -> ExitCode {
        failure.diagnostics.forEach(report)
        for file in files {
            let missing = PluginRequirements.missing(forFileAt: file, in: plugins)
            if !missing.isEmpty { err("note: \(file) \(PluginRequirements.advice(missing))") }
        }
        let errors = Diagnostic.errorCount(failure.diagnostics)
        if !failure.ioFailed { err("\(errors) error\(errors == 1 ? "" : "s")") }
        return ExitCode(failure.ioFailed ? 74 : 65)
    }

    /// Keeps a value alive until the process exits. Freeing a large program's trees node by
    /// node takes longer than checking some of them, and the exit frees them all at once.
    static func keepUntilExit<T>(_ value: T) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    final class Kept<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
