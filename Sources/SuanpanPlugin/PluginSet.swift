import SuanpanChecker
import SuanpanData
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
    /// Every plugin's data readers, in the order the plugins were added.
    public private(set) var readers: [any DataReader] = []

    public init() {}

    public init(_ plugins: [Plugin]) throws(PluginProblem) {
        for p in plugins { try add(p) }
    }

    public mutating func add(_ plugin: Plugin) throws(PluginProblem) {
        func problem(_ m: String) -> PluginProblem { PluginProblem(plugin: plugin.name, message: m) }
        guard isName(plugin.name) else { throw problem("\(quoted(plugin.name)) is not a valid plugin name") }
        if plugins.contains(where: { $0.name == plugin.name }) {
            throw problem("a plugin named \(quoted(plugin.name)) is already loaded")
        }
        for r in plugin.records where library.records.contains(where: { $0.name == r.name }) {
            throw problem("record type \(quoted(r.name)) is already defined by another plugin")
        }
        let allRecords = library.records + plugin.records
        var functions: [ExternalFunction] = []
        var bound: [ExternalImplementation] = []
        for f in plugin.functions {
            guard isName(f.name) else { throw problem("\(quoted(f.name)) is not a valid function name") }
            if functions.contains(where: { $0.name == f.name }) { throw problem("function \(quoted(f.name)) is defined twice") }
            if f.signatures.isEmpty { throw problem("function \(quoted(f.name)) has no signature") }
            let overloads = try f.signatures.map { text throws(PluginProblem) in try overload(text, of: f.name, records: allRecords, problem) }
            functions.append(ExternalFunction(plugin: plugin.name, name: f.name, overloads: overloads, summary: f.summary,
                                              isConstant: f.isConstant))
            bound.append(Self.bind(f.implementation, plugin: plugin.name, function: f.name, overloads: overloads))
        }
        for r in plugin.readers {
            if readers.contains(where: { $0.name == r.name }) { throw problem("a data reader named \(quoted(r.name)) is already loaded") }
        }
        plugins.append(plugin)
        readers += plugin.readers
        library.records += plugin.records
        library.functions += functions
        implementations += bound
    }

    /// One signature, parsed and checked.
    func overload(_ text: String, of function: String, records: [RecordType],
                  _ problem: (String) -> PluginProblem) throws(PluginProblem) -> Overload {
        switch Overload.parse(text, records: records) {
        case .success(let o):
            // A `rate` result takes its period from a `rate` parameter; without one it has none.
            if case .anyRate = o.result, !o.parameters.contains(where: { if case .anyRate = $0.pattern { return true } else { return false } }) {
                throw problem("function \(quoted(function)): a 'rate' result needs a 'rate' parameter to take its period from")
            }
            return o
        case .failure(let d):
            throw problem("function \(quoted(function)) has a malformed signature \"\(text)\": \(d.message)")
        }
    }

    /// What the runtime calls: the overload's declaration, made here once per overload
    /// from its parsed signature, handed to the implementation with each call's values.
    static func bind(_ implementation: @escaping Plugin.Implementation, plugin: String, function: String,
                     overloads: [Overload]) -> ExternalImplementation {
        let callees = overloads.enumerated().map { i, o in
            Callee(plugin: plugin, function: function, overload: i, parameters: o.parameters.map(\.name))
        }
        return { overload, values throws(ExternalError) in
            guard callees.indices.contains(overload) else {
                throw ExternalError("internal error: \(plugin).\(function) has no overload \(overload)")
            }
            return try implementation(Arguments(callees[overload], values))
        }
    }

    func isName(_ s: String) -> Bool {
        let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
        guard let first = s.first, letters.contains(first) else { return false }
        return s.allSatisfy { letters.contains($0) || $0.isASCII && $0.isNumber } && Keyword(rawValue: s) == nil
    }
}
