import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

/// A plugin: a named, versioned set of typed functions (and the record types
/// they return). Suanpan's own libraries (finance, funds, calendar) are plugins
/// built with exactly this API; native plugins loaded at run time become one too.
///
/// Each function declares its signatures in Suanpan's type syntax next to its
/// implementation, so the checker types every call from the same declaration
/// the runtime runs:
///
///     var finance = Plugin(name: "finance", version: "1.0", summary: "…")
///     finance.function("effect", "(nominal: percent, periods: int) -> percent",
///                      summary: "effective annual rate") { _, args throws(ExternalError) in … }
public struct Plugin: Sendable {
    public let name: String
    public let version: String
    public let summary: String
    public private(set) var functions: [Function] = []
    public private(set) var records: [RecordType] = []

    public struct Function: Sendable {
        public let name: String
        /// Used by name without parentheses; its one signature takes no parameters.
        public var isConstant = false
        /// One written signature per overload, tried in this order.
        public let signatures: [String]
        public let summary: String
        public let implementation: ExternalImplementation
    }

    public init(name: String, version: String, summary: String) {
        self.name = name
        self.version = version
        self.summary = summary
    }

    /// Adds a function with one or more overloads; the implementation is told
    /// which overload the checker chose (0, 1, …).
    public mutating func function(_ name: String, _ signatures: String..., summary: String,
                                  _ implementation: @escaping ExternalImplementation) {
        functions.append(Function(name: name, signatures: signatures, summary: summary, implementation: implementation))
    }

    /// Adds a function whose overloads' signatures are given as a list.
    public mutating func function(_ name: String, signatures: [String], summary: String,
                                  _ implementation: @escaping ExternalImplementation) {
        functions.append(Function(name: name, signatures: signatures, summary: summary, implementation: implementation))
    }

    /// Adds a named constant of a declared type, such as `("days_per_year", "int", .decimal(365))`.
    public mutating func constant(_ name: String, _ type: String, _ value: Value, summary: String) {
        var f = Function(name: name, signatures: ["() -> \(type)"], summary: summary) { _, _ throws(ExternalError) in value }
        f.isConstant = true
        functions.append(f)
    }

    /// Every signature a template stands for: each placeholder replaced by each of
    /// its choices, in order. `expand("(r: R, pv: A) -> A", ["R": ["percent", "rate"], "A": ["number", "money"]])`
    /// gives the four overloads percent/number, percent/money, rate/number, rate/money.
    public static func expand(_ template: String, _ choices: KeyValuePairs<String, [String]>) -> [String] {
        var results = [template]
        for (placeholder, options) in choices {
            results = results.flatMap { text in options.map { replaceWord(placeholder, in: text, with: $0) } }
        }
        return results
    }

    /// Replaces a placeholder where it stands as a whole word.
    static func replaceWord(_ word: String, in text: String, with replacement: String) -> String {
        var out = ""
        var token = ""
        func flush() {
            out += token == word ? replacement : token
            token = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || ch == "_" {
                token.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }

    /// Declares a record type that functions can return (and programs can name).
    @discardableResult
    public mutating func record(_ name: String, _ fields: [(String, SType)]) -> RecordType {
        let type = RecordType(name: name, fields: fields.map { .init(name: $0.0, type: $0.1, span: .none, defaultGlobal: nil) },
                              span: .none, file: nil)
        records.append(type)
        return type
    }
}

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
