import Foundation
import SuanpanPlugin
import SuanpanSyntax

/// The native plugins a file says it needs, in a comment among the lines that
/// open it (before its first declaration):
///
///     // requires plugin: zhima
///     // requires plugins: zhima, daycount
///
/// A comment changes nothing in the language: `suanpan test` reads it to skip
/// the file's tests, saying which plugin to load, when one is not loaded.
public enum PluginRequirements {
    /// The plugin names the opening comments of `text` ask for, in order.
    public static func declared(in text: String) -> [String] {
        var names: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard line.hasPrefix("//") else { break }
            let comment = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            for prefix in ["requires plugins:", "requires plugin:"] where comment.hasPrefix(prefix) {
                names += comment.dropFirst(prefix.count).split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                break
            }
        }
        return names
    }

    /// The plugins the file at `path` asks for that `plugins` does not hold; none when it can't be read
    /// (loading it then says why).
    public static func missing(forFileAt path: String, in plugins: PluginSet) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let loaded = Set(plugins.plugins.map(\.name))
        return declared(in: String(decoding: data, as: UTF8.self)).filter { !loaded.contains($0) }
    }

    /// What to do about missing plugins: "needs the native plugin 'zhima', which is not
    /// loaded: load it with --plugin path/to/libzhima.so".
    public static func advice(_ missing: [String]) -> String {
        let names = missing.map { "\(quoted($0))" }.joined(separator: ", ")
        let options = missing.map { "--plugin path/to/lib\($0).so" }.joined(separator: " ")
        return "needs the native plugin\(missing.count == 1 ? "" : "s") \(names), which \(missing.count == 1 ? "is" : "are") not loaded: "
            + "load \(missing.count == 1 ? "it" : "them") with \(options)"
    }
}
