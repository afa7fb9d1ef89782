import SuanpanChecker
import SuanpanData
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

/// A plugin: a named, versioned set of typed functions (and the record types
/// they return). Suanpan's own libraries (finance, funds, calendar, math) are plugins
/// built with exactly this API; native plugins loaded at run time become one too.
///
/// Each function declares its signatures in Suanpan's type syntax next to its
/// implementation, so the checker types every call from the same declaration
/// the runtime runs:
///
///     var finance = Plugin(name: "finance", version: "1.0", summary: "…")
///     finance.function("effect", "(nominal: percent, periods: int) -> percent",
///                      summary: "effective annual rate") { args throws(ExternalError) in … }
///
/// The implementation gets the call's `Arguments`: the values, the overload the
/// checker chose, and that overload's declaration (`args.callee`), from which
/// `args.argumentError(1, "must be at least 1, not 0")` reads
/// `effect: argument 2 ('periods') must be at least 1, not 0`. The names are
/// written once, in the signature.
public struct Plugin: Sendable {
    /// How a plugin function runs, given one call's arguments.
    public typealias Implementation = @Sendable (_ arguments: Arguments) throws(ExternalError) -> Value

    public let name: String
    public let version: String
    public let summary: String
    public private(set) var functions: [Function] = []
    public private(set) var records: [RecordType] = []
    /// Data readers: file formats a `population` can be read from.
    public private(set) var readers: [any DataReader] = []

    public struct Function: Sendable {
        public let name: String
        /// Used by name without parentheses; its one signature takes no parameters.
        public var isConstant = false
        /// One written signature per overload, tried in this order.
        public let signatures: [String]
        public let summary: String
        public let implementation: Implementation
    }

    public init(name: String, version: String, summary: String) {
        self.name = name
        self.version = version
        self.summary = summary
    }

    /// Adds a function with one or more overloads; the implementation is told
    /// which overload the checker chose (`args.overload`: 0, 1, …).
    public mutating func function(_ name: String, _ signatures: String..., summary: String,
                                  _ implementation: @escaping Implementation) {
        functions.append(Function(name: name, signatures: signatures, summary: summary, implementation: implementation))
    }

    /// Adds a function whose overloads' signatures are given as a list.
    public mutating func function(_ name: String, signatures: [String], summary: String,
                                  _ implementation: @escaping Implementation) {
        functions.append(Function(name: name, signatures: signatures, summary: summary, implementation: implementation))
    }

    /// Adds a named constant of a declared type, such as `("days_per_year", "int", .decimal(365))`.
    public mutating func constant(_ name: String, _ type: String, _ value: Value, summary: String) {
        var f = Function(name: name, signatures: ["() -> \(type)"], summary: summary) { _ throws(ExternalError) in value }
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

    /// Adds a data reader: a file format that populations can be read from.
    public mutating func reader(_ reader: any DataReader) {
        readers.append(reader)
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
