import ArgumentParser
import Suanpan
import SuanpanPlugin

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
