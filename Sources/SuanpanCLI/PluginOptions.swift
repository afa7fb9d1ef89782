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
    static let configuration = CommandConfiguration(abstract: "List the loaded plugins with their functions and signatures.")

    @OptionGroup var plugins: PluginOptions

    @Flag(name: .long, help: "Print a Markdown reference instead.")
    var markdown = false

    func run() throws {
        let set = try plugins.pluginSet()
        Console.out(markdown ? PluginReference.markdown(set) : PluginReference.text(set))
    }
}

/// `--max-steps N`, shared by every command that runs programs.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-steps"),
            help: ArgumentHelp("Steps (rule calls and loop items) one evaluation may take (default \(Machine.defaultMaxSteps)).", valueName: "N"))
    var maxSteps: Int = Machine.defaultMaxSteps

    func validate() throws {
        if maxSteps < 1 { throw ValidationError("--max-steps needs a number of 1 or more") }
    }

    func apply(to program: Program) {
        program.maxSteps = maxSteps
    }
}
