import ArgumentParser
import Suanpan
import SuanpanPlugin
import SuanpanRuntime

/// `--plugin PATH`, shared by every command that loads programs.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugin"), help: ArgumentHelp("Load a native plugin (a shared library; repeatable).", valueName: "path"))
    var paths: [String] = []

    /// The standard plugins plus the native ones asked for; exits 74 when a
    /// library cannot be loaded and 65 when what it declares is wrong.
    func pluginSet() throws -> PluginSet {
        var set: PluginSet
        do {
            set = try Program.standardPlugins()
        } catch {
            Console.err("error: \(error)")
            throw ExitCode(70)
        }
        for path in paths {
            do {
                try set.add(try NativePlugin.load(path: path))
            } catch {
                Console.err("error: \(error)")
                throw ExitCode(error.message.hasPrefix("cannot load") ? 74 : 65)
            }
        }
        return set
    }
}

struct Plugins: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plugins", abstract: "List the loaded plugins with their functions and signatures.")

    @OptionGroup var plugins: PluginOptions

    @Flag(name: .long, help: "Print a Markdown reference instead.")
    var markdown = false

    func run() throws {
        let set = try plugins.pluginSet()
        Console.out(markdown ? PluginReference.markdown(set) : PluginReference.text(set))
    }
}

/// `--max-steps N` and `--max-memory SIZE`, shared by every command that runs programs.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-steps"),
            help: ArgumentHelp("Steps (rule calls and loop items) one evaluation may take (default \(Machine.defaultMaxSteps)).", valueName: "N"))
    var maxSteps: Int = Machine.defaultMaxSteps

    @Option(name: .customLong("max-memory"),
            help: ArgumentHelp("Memory a run's values may take: 512MB, 2GB, or plain bytes (default \(Machine.size(Machine.defaultMaxBytes).replacingOccurrences(of: " ", with: ""))).",
                               valueName: "SIZE"),
            transform: { text in
                guard let bytes = MemorySize.parse(text) else {
                    throw ValidationError("--max-memory takes a size such as 512MB, 2GB or a number of bytes, not '\(text)'")
                }
                return bytes
            })
    var maxMemory: Int = Machine.defaultMaxBytes

    func validate() throws {
        if maxSteps < 1 { throw ValidationError("--max-steps needs a number of 1 or more") }
    }

    func apply(to program: Program) {
        program.maxSteps = maxSteps
        program.maxBytes = maxMemory
    }
}

/// A size as `--max-memory` takes it: a whole or decimal number with an optional unit,
/// `KB`, `MB`, `GB` or `TB` (powers of 1,024; `K`, `M`, `G`, `T`, `KiB`… too), any case;
/// plain bytes without one.
enum MemorySize {
    static func parse(_ text: String) -> Int? {
        let written = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = written.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        var unit = written.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        if unit.hasSuffix("IB") { unit = String(unit.dropLast(2)) } else if unit.hasSuffix("B") { unit = String(unit.dropLast()) }
        let shifts = ["": 0, "K": 10, "M": 20, "G": 30, "T": 40]
        guard let shift = shifts[unit], let amount = Double(digits), amount.isFinite else { return nil }
        let bytes = amount * Double(1 << shift)
        guard bytes >= 1, bytes < Double(Int.max / 2) else { return nil }
        return Int(bytes)
    }
}
