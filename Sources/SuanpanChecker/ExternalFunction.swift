import SuanpanSyntax
import SuanpanValues

/// What one parameter of a plugin function accepts. Written types mean
/// themselves, except that `money` accepts any currency and `rate` any period:
/// the first such argument fixes the currency (or period) for the rest of the
/// call and for the result.
public indirect enum TypePattern: Sendable, CustomStringConvertible {
    case exact(SType)
    case anyMoney
    case anyRate
    case list(TypePattern)

    public var description: String {
        switch self {
        case .exact(let t): return t.description
        case .anyMoney: return "money"
        case .anyRate: return "rate"
        case .list(let e): return "list<\(e)>"
        }
    }
}

/// One way to call a plugin function.
public struct Overload: Sendable, CustomStringConvertible {
    public let parameters: [(name: String, pattern: TypePattern)]
    public let required: Int
    /// `money` here is money in the call's currency; `rate`, a rate of the call's period.
    public let result: TypePattern

    public init(parameters: [(name: String, pattern: TypePattern)], required: Int, result: TypePattern) {
        self.parameters = parameters
        self.required = required
        self.result = result
    }

    public var description: String {
        let shown = parameters.enumerated().map { i, p in
            (i == required ? "[" : "") + "\(p.name): \(p.pattern)"
        }.joined(separator: ", ")
        return "(\(shown)\(required < parameters.count ? "]" : "")) -> \(result)"
    }
}

/// A function contributed by a plugin: its name, its overloads and a line of help.
public struct ExternalFunction: Sendable {
    public let plugin: String
    public let name: String
    public let overloads: [Overload]
    public let summary: String
    /// A constant is used by name, without parentheses: `calendar.days_per_year`.
    public let isConstant: Bool

    public init(plugin: String, name: String, overloads: [Overload], summary: String, isConstant: Bool = false) {
        self.plugin = plugin
        self.name = name
        self.overloads = overloads
        self.summary = summary
        self.isConstant = isConstant
    }

    public var qualifiedName: String { "\(plugin).\(name)" }
}

/// Everything plugins contribute to the checker: functions and record types.
public struct Library: Sendable {
    public var functions: [ExternalFunction] = []
    public var records: [RecordType] = []
    public init(functions: [ExternalFunction] = [], records: [RecordType] = []) {
        self.functions = functions
        self.records = records
    }
}

extension Overload {
    /// Reads a written signature such as
    /// `(rate: percent, periods: number, pv: money, [fv: money]) -> money`.
    /// Record types it names must be among `records`.
    public static func parse(_ text: String, records: [RecordType]) -> Result<Overload, Diagnostic> {
        let file = SourceFile(path: "<signature>", text: text)
        let (syntax, diagnostics) = Parser.parseSignature(file)
        guard let syntax, diagnostics.isEmpty else {
            return .failure(diagnostics.first ?? .error("malformed signature", file: file, span: .none))
        }
        let resolver = PatternResolver(file: file, records: records)
        let parameters = syntax.parameters.map { ($0.name.text, resolver.pattern($0.type)) }
        let result = resolver.pattern(syntax.result)
        if let problem = resolver.problem { return .failure(problem) }
        return .success(Overload(parameters: parameters, required: syntax.required, result: result))
    }
}

/// Turns written signature types into patterns with the checker's own type
/// reader, remembering the first problem.
final class PatternResolver {
    let file: SourceFile
    let records: [RecordType]
    var problem: Diagnostic?

    init(file: SourceFile, records: [RecordType]) {
        self.file = file
        self.records = records
    }

    func pattern(_ t: TypeSyntax) -> TypePattern {
        switch (TypeName.named(t.name.text)?.meaning, t.argument, t.per) {
        case (.money?, nil, nil): return .anyMoney
        case (.rate?, nil, nil): return .anyRate
        case (.list?, let element?, nil): return .list(pattern(element))
        case (.money?, _, _), (.rate?, _, _), (.list?, _, _), (.plain?, _, _), (nil, _, _): return .exact(type(t))
        }
    }

    func type(_ t: TypeSyntax) -> SType {
        let records = self.records
        let reader = TypeReader(
            record: { name in records.first { $0.name == name } },
            recordNames: { records.map(\.name) },
            report: { [self] message, span, hint in
                if problem == nil {
                    problem = .error("\(message) in a plugin signature", file: file, span: span, hint: hint)
                }
            })
        return reader.read(t)
    }
}
