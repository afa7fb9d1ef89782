import SuanpanSyntax
import SuanpanValues

/// The checker's output: every name resolved to a slot, every expression typed,
/// every operator resolved to the exact operation its units call for. The
/// runtime compiles this once and evaluates it as often as it likes; nothing in
/// it is mutated after checking.
public final class CheckedProgram: @unchecked Sendable {
    public internal(set) var records: [String: RecordType] = [:]
    public internal(set) var globals: [GlobalDef] = []
    public internal(set) var functions: [FunctionDef] = []
    public internal(set) var products: [ProductInfo] = []
    public internal(set) var tests: [TestDef] = []
    /// Top-level `print` statements, in source order.
    public internal(set) var prints: [PrintDef] = []
    public internal(set) var files: [SourceFile] = []
    /// Plugin functions, indexed by `BKind.external`.
    public internal(set) var externals: [ExternalFunction] = []
    public internal(set) var populations: [PopulationDef] = []
    public internal(set) var scenarios: [ScenarioDef] = []
    /// The names visible at top level, for `eval`, the REPL and completion.
    let scope: Scope

    /// The records this program declares (not a plugin's), which it owns.
    var declaredRecords: [RecordType] = []

    init(scope: Scope) { self.scope = scope }

    /// A record that names itself in a field, directly or through others
    /// (`record Node { next: list<Node> }`), holds itself through its field types: a
    /// reference cycle. The program owns its records, so when it goes the fields on such a
    /// cycle let go of their types (they become `invalid`, which fits anything), and the
    /// records are freed with the last value that holds them. Such a value still prints
    /// and compares, since both read the fields' names and values, not their types.
    deinit {
        for record in declaredRecords {
            let fields = record.fields
            guard fields.contains(where: { $0.type.reaches(record) }) else { continue }
            record.fields = fields.map { f in
                f.type.reaches(record) ? RecordType.Field(name: f.name, type: .invalid, span: f.span, defaultGlobal: f.defaultGlobal) : f
            }
        }
    }

    public func product(named name: String) -> ProductInfo? { products.first { $0.name == name } }
    public func scenario(named name: String) -> Int? { scenarios.firstIndex { $0.name == name } }
}

public enum GlobalKind: Sendable { case constant, parameter }

/// A value computed once per run (a `let` or a product parameter). The runtime
/// evaluates it on first use; a parameter can be overridden before that.
public final class GlobalDef: @unchecked Sendable {
    public let name: String
    public let qualifiedName: String
    public let kind: GlobalKind
    public let span: Span
    public let file: SourceFile
    public internal(set) var type: SType = .invalid
    public internal(set) var initializer: BExpr?
    public internal(set) var frameSize = 0
    /// A parameter's values from dates on (`from 2021-07-01 = 0.5%`), each in a
    /// global of its own, by date; a scenario step uses the last one on or before its start.
    public internal(set) var schedule: [(date: CivilDate, global: Int)] = []

    init(name: String, qualifiedName: String, kind: GlobalKind, span: Span, file: SourceFile) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.kind = kind
        self.span = span
        self.file = file
    }
}

/// A rule or a table: called with arguments, evaluated in a fresh frame.
public final class FunctionDef: @unchecked Sendable {
    public enum Body: Sendable {
        case expression(BExpr)
        case table(TableBody)
    }

    public let name: String
    public let qualifiedName: String
    public let span: Span
    public let file: SourceFile
    /// False for a rule declared without parentheses: `P.name` evaluates it.
    public let hasParameterList: Bool
    public internal(set) var parameters: [(name: String, type: SType)] = []
    public internal(set) var result: SType = .invalid
    public internal(set) var body: Body?
    public internal(set) var frameSize = 0
    public internal(set) var isTable = false
    /// A variant's changed rows, tried before the table's own: the globals holding
    /// each row's keys and its value, the variant's own changes first.
    public internal(set) var presetRows: [(keys: [Int], value: Int)] = []

    init(name: String, qualifiedName: String, hasParameterList: Bool, span: Span, file: SourceFile) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.hasParameterList = hasParameterList
        self.span = span
        self.file = file
    }
}

public struct TableBody: Sendable {
    public let rows: [TableRowDef]
    /// The `else` row; without it a key that matches no row is an error.
    public let fallback: BExpr?
}

public struct TableRowDef: Sendable {
    public let patterns: [PatternDef]
    public let value: BExpr
}

public enum PatternDef: Sendable {
    case any
    case exact(BExpr)
    case range(low: BExpr?, high: BExpr?, highInclusive: Bool)
}

public struct ProductInfo: Sendable {
    public let name: String
    public let title: String?
    public let span: Span
    public let file: SourceFile
    /// Parameter name → global slot, in declaration order.
    public let parameters: [(name: String, global: Int)]
    public let constants: [(name: String, global: Int)]
    /// Rule and table name → function index, in declaration order.
    public let functions: [(name: String, function: Int)]
    /// For a variant, `product B = A with { … }`, the product it is made from.
    public var base: String? = nil
}

public struct TestDef: Sendable {
    public let name: String
    public let statements: [TestStatementDef]
    public let frameSize: Int
    public let span: Span
    public let file: SourceFile
}

public enum TestStatementDef: Sendable {
    case assign(slot: Int, BExpr)
    case expect(BExpr, span: Span)
    case expectError(BExpr, message: String?, span: Span)
    case print([BExpr], span: Span)
}

public struct PrintDef: Sendable {
    public let values: [BExpr]
    public let frameSize: Int
    public let span: Span
    public let file: SourceFile
}

/// A literal value, already validated (range, currency, calendar).
public enum Constant: Sendable {
    case decimal(FixedDecimal)
    case money(FixedDecimal, Currency)
    case bool(Bool)
    case string(String)
    case date(CivilDate)
    case roundingMode(RoundingMode)
}
