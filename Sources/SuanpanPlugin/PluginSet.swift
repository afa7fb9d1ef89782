import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax

/// A problem with a plugin itself (not with a program): reported naming the plugin.
public struct PluginProblem: Error, Sendable, CustomStringConvertible {
    public let plugin: String
    public let message: String
    public var description: String { "plugin \(plugin): \(message)" }
}

/// The plugins of one program, checked together: signatures parsed, names
/// unique within a plugin, plugin names unique. Two plugins may both define a
/// function name; a program then has to say which it means (`finance.pmt`).
public struct PluginSet: Sendable {
    public private(set) var plugins: [Plugin] = []
    public private(set) var library = Library()
    public private(set) var implementations: [ExternalImplementation] = []

    public init() {}

    public init(_ plugins: [Plugin]) throws(PluginProblem) {
        for p in plugins { try add(p) }
    }

    public mutating func add(_ plugin: Plugin) throws(PluginProblem) {
        func problem(_ m: String) -> PluginProblem { PluginProblem(plugin: plugin.name, message: m) }
        guard isName(plugin.name) else { throw problem("'\(plugin.name)' is not a valid plugin name") }
        if plugins.contains(where: { $0.name == plugin.name }) {
            throw problem("a plugin named '\(plugin.name)' is already loaded")
        }
        for r in plugin.records where library.records.contains(where: { $0.name == r.name }) {
            throw problem("record type '\(r.name)' is already defined by another plugin")
        }
        let allRecords = library.records + plugin.records
        var functions: [ExternalFunction] = []
        for f in plugin.functions {
            guard isName(f.name) else { throw problem("'\(f.name)' is not a valid function name") }
            if functions.contains(where: { $0.name == f.name }) { throw problem("function '\(f.name)' is defined twice") }
            if f.signatures.isEmpty { throw problem("function '\(f.name)' has no signature") }
            var overloads: [Overload] = []
            for text in f.signatures {
                switch Overload.parse(text, records: allRecords) {
                case .success(let o):
                    // A `rate` result takes its period from a `rate` parameter; without one it has none.
                    if case .anyRate = o.result, !o.parameters.contains(where: { if case .anyRate = $0.pattern { return true } else { return false } }) {
                        throw problem("function '\(f.name)': a 'rate' result needs a 'rate' parameter to take its period from")
                    }
                    overloads.append(o)
                case .failure(let d):
                    throw problem("function '\(f.name)' has a malformed signature \"\(text)\": \(d.message)")
                }
            }
            functions.append(ExternalFunction(plugin: plugin.name, name: f.name, overloads: overloads, summary: f.summary,
                                              isConstant: f.isConstant))
        }
        plugins.append(plugin)
        library.records += plugin.records
        library.functions += functions
        implementations += plugin.functions.map(\.implementation)
    }

    func isName(_ s: String) -> Bool {
        let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
        guard let first = s.first, letters.contains(first) else { return false }
        return s.allSatisfy { letters.contains($0) || $0.isASCII && $0.isNumber } && Keyword(rawValue: s) == nil
    }
}
