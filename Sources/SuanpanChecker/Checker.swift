import SuanpanSyntax
import SuanpanValues

/// Checks parsed files as one program before anything runs.
///
/// It works in two passes. The first declares every record, product, rule,
/// table, parameter and `let` so that declarations can refer to each other in
/// any order and across imported files. The second types each body; a global or
/// rule whose type is not written is typed on first use, which is how cycles
/// ("a depends on itself") are found. Every error is collected, with a position
/// and, where one helps, a hint; an expression that fails gets the type
/// `invalid`, which fits anywhere, so one mistake yields one message.
public final class Checker {
    let program: CheckedProgram
    var diagnostics: [Diagnostic] = []
    /// Built-ins; user declarations live in `globalScope` below it.
    let globalScope: Scope

    enum Progress { case pending, inProgress, done }
    struct PendingGlobal {
        let type: TypeSyntax?
        let value: Expr
        let scope: Scope
        let file: SourceFile
        var progress = Progress.pending
        /// A variant's new value for an inherited parameter: the base's parameter,
        /// whose type the value must have.
        var replaces: Int?
        /// A variant's table row key or value: the type it must have, and how to name it.
        var typedAs: (SType, String)?
        /// A scenario, and its place among the scenarios: its results are this global's value.
        var scenario: (ScenarioDecl, Int)?
    }
    enum FunctionSyntax {
        case rule(RuleDecl)
        case table(TableDecl)
    }
    struct PendingFunction {
        let syntax: FunctionSyntax
        let scope: Scope
        let file: SourceFile
        let rounding: (quantum: FixedDecimal?, mode: RoundingMode)?
        var progress = Progress.pending
    }
    var pendingGlobals: [Int: PendingGlobal] = [:]
    var pendingFunctions: [Int: PendingFunction] = [:]
    /// Which globals and functions are done, by index: a use of one already typed (most uses)
    /// answers from here instead of copying its pending entry out of the table.
    var globalsDone: [Bool] = []
    var functionsDone: [Bool] = []

    func isDone(_ flags: [Bool], _ index: Int) -> Bool { index >= 0 && index < flags.count && flags[index] }

    func markDone(_ flags: inout [Bool], _ index: Int) {
        guard index >= 0 else { return }
        if flags.count <= index { flags += repeatElement(false, count: index + 1 - flags.count) }
        flags[index] = true
    }
    /// Each scenario's global, in declaration order, and each checked one by that order.
    var declaredScenarios: [Int] = []
    var checkedScenarios: [Int: ScenarioDef] = [:]
    /// Every product as written, by name, for variants to find their base.
    var productSources: [String: (decl: ProductDecl, file: SourceFile)] = [:]
    /// Variants declared so far (by file and position): a base is declared before its variants.
    var declaredVariants: Set<String> = []
    /// What each product passes on to its variants, by name.
    var inheritances: [String: Inheritance] = [:]

    /// How many declarations are being typed inside each other right now.
    var declarationDepth = 0
    /// Typing recurses through declarations that use each other; past this the
    /// chain is reported instead of followed. A chain this deep needs more than a
    /// default 8 MB stack: `Program.load` runs the checker on a large one.
    static let maxDeclarationDepth = 1000
    var reportedTooDeep = false
    /// The sum of the heights of the expressions being typed inside each other:
    /// what the checker's recursion really costs, bounded like the depth.
    var nesting = 0
    static let maxNesting = 100_000
    var suggestionsLeft = 100
    /// Where a `--set`/`:set` assignment's text starts, for hints that write it again.
    var quoteOverridesFrom: Int?
        /// Row types by their spelling: one type per list of fields.
    var rows: [String: RecordType] = [:]

    /// Slots of the frame being built (a rule, a test, an initializer).
    var nextSlot = 0
    var frameSize = 0
    var file: SourceFile

    init(program: CheckedProgram, file: SourceFile) {
        self.program = program
        self.globalScope = program.scope
        self.file = file
    }

    /// Checks a whole program: the files given plus everything they import,
    /// already parsed and in load order.
    public static func check(_ files: [FileSyntax], library: Library = Library()) -> (CheckedProgram, [Diagnostic]) {
        let root = Scope(parent: nil)
        for mode in RoundingMode.allCases { root.define(mode.rawValue, .roundingMode(mode)) }
        for f in Intrinsic.allCases { root.define(f.name, .intrinsic(f)) }
        for record in library.records { root.define(record.name, .record(record)) }
        for (i, f) in library.functions.enumerated() {
            root.define(f.plugin, .namespace(f.plugin))
            if case .external(let others)? = root.lookupLocally(f.name) {
                root.define(f.name, .external(others + [i]))
            } else if root.lookupLocally(f.name) == nil {
                root.define(f.name, .external([i]))
            }
        }
        let program = CheckedProgram(scope: Scope(parent: root))
        program.externals = library.functions
        for record in library.records { program.records[record.name] = record }
        let checker = Checker(program: program, file: files.first?.file ?? SourceFile(path: "<empty>", text: ""))
        program.files = files.map(\.file)
        checker.declareRecords(files)
        checker.declareEverythingElse(files)
        checker.checkBodies(files)
        return (program, Diagnostic.capped(checker.uniqueDiagnostics))
    }

    /// Checks one expression against a checked program, as `eval` and the REPL do.
    /// `bindings` are names the expression may use as local values (the REPL's `_`): each takes
    /// the next slot of the frame, in order, and the caller puts their values there.
    public static func checkExpression(_ expr: Expr, file: SourceFile, in program: CheckedProgram,
                                       bindings: [(name: String, type: SType)] = [])
        -> (BExpr, frameSize: Int, [Diagnostic]) {
        let checker = Checker(program: program, file: file)
        let scope = Scope(parent: program.scope)
        for b in bindings { scope.define(b.name, .local(slot: checker.allocateSlot(), type: b.type)) }
        let bound = checker.expression(expr, scope)
        return (bound, checker.frameSize, Diagnostic.capped(checker.diagnostics))
    }

    // MARK: Diagnostics

    /// The diagnostics without repeats: a variant's inherited rules are checked again
    /// in its scope, and whatever is wrong in them is reported once, at the base.
    var uniqueDiagnostics: [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { d in
            seen.insert("\(d.severity) \(d.file?.path ?? "") \(d.span.start) \(d.span.end) \(d.message) \(d.hint ?? "")").inserted
        }
    }

    func error(_ message: String, _ span: Span, hint: String? = nil) {
        diagnostics.append(.error(message, file: file, span: span, hint: hint))
    }

    func note(_ message: String, _ span: Span, in noteFile: SourceFile) {
        diagnostics.append(Diagnostic(.note, message, file: noteFile, span: span))
    }

    /// Defines a name, or reports the clash with what already holds it. A program
    /// may reuse the name of a built-in or plugin function: inside a product or a
    /// rule its own name simply wins; at top level it wins too, with a warning, and
    /// a plugin's function stays reachable as `plugin.name`. So a new built-in never
    /// breaks a program that already uses its name.
    func define(_ name: Name, _ symbol: Symbol, in scope: Scope, what: String) {
        if scope.lookupLocally(name.text) != nil {
            error("\(quoted(name.text)) is already defined", name.span, hint: "rename this \(what)")
            return
        }
        let topLevel = scope === globalScope
        switch scope.parent?.lookup(name.text) {
        case .intrinsic(let f)? where topLevel:
            diagnostics.append(Diagnostic(.warning, "\(quoted(name.text)) hides the built-in function \(f.name)",
                                          file: file, span: name.span, hint: "rename this \(what) to keep \(f.name)(…) at hand"))
        case .external(let fs)? where topLevel:
            // Allowed, but never silent: the program's own name wins, the plugin's stays qualified.
            let owners = fs.map { program.externals[$0].qualifiedName }
            diagnostics.append(Diagnostic(.warning, "\(quoted(name.text)) hides the plugin function \(owners.joined(separator: " and "))",
                                          file: file, span: name.span, hint: "call the plugin's as \(owners[0])(…)"))
        case .namespace? where topLevel:
            error("\(quoted(name.text)) is the name of a plugin", name.span, hint: "rename this \(what)")
            return
        case .roundingMode?:
            error("\(quoted(name.text)) is a rounding mode", name.span, hint: "rename this \(what)")
            return
        case .record(let r)? where topLevel && globalScope.parent?.lookupLocally(r.name) != nil:
            error("\(quoted(name.text)) is a record type from a plugin", name.span, hint: "rename this \(what)")
            return
        default:
            break
        }
        scope.define(name.text, symbol)
    }

    // MARK: Frames

    func withFrame<T>(_ body: () -> T) -> (T, Int) {
        let saved = (nextSlot, frameSize)
        nextSlot = 0
        frameSize = 0
        let result = body()
        let size = frameSize
        (nextSlot, frameSize) = saved
        return (result, size)
    }

    func allocateSlot() -> Int {
        let slot = nextSlot
        nextSlot += 1
        frameSize = max(frameSize, nextSlot)
        return slot
    }

    func inFile<T>(_ f: SourceFile, _ body: () -> T) -> T {
        let saved = file
        file = f
        defer { file = saved }
        return body()
    }
}
