import SuanpanSyntax
import SuanpanValues

/// A checked `population`: where its rows come from and how they become records.
public struct PopulationDef: Sendable {
    public let name: String
    public let record: RecordType
    /// The file as written, and the file that names it (paths are relative to its folder).
    public let path: String
    public let pathSpan: Span
    /// The global holding all its rows as a list, for expressions that use it whole.
    public let global: Int
    public let columns: [Column]
    public let options: [Option]
    public let span: Span
    public let file: SourceFile

    public struct Column: Sendable {
        public let field: String
        public let column: String?
        /// What one unit in the file is worth, as a decimal of the field's type.
        public let scale: FixedDecimal?
        public let span: Span
    }

    public struct Option: Sendable {
        public let name: String
        public let value: String
        public let span: Span
        public let nameSpan: Span
    }
}

/// A checked `scenario`. Its entries became three functions the runner calls:
/// `initial(a)` gives the first step's state, `step(a, state…, step, period_start,
/// period_end, period_days)` gives the step's revenue lines and the next state,
/// and `segments(a)` the account's key in each breakdown. A variant has no
/// functions of its own: it is its base run with `changes` in force.
public struct ScenarioDef: Sendable {
    public let name: String
    public let title: String?
    public let span: Span
    public let file: SourceFile
    /// The global holding the results, which is what the scenario's name means in expressions.
    public let global: Int
    public let body: Body?
    /// For a variant: the scenario it changes, and the changes.
    public let base: Int?
    public let changes: [OverrideDef]
    /// The result's type: a row of totals, counts, per-period and per-segment lists.
    public let resultType: SType

    public struct Body: Sendable {
        public let population: Int
        public let start: CivilDate
        public let end: CivilDate
        /// Each step is one of these long.
        public let period: Period
        /// The currency of every revenue line.
        public let currency: String
        public let states: [(name: String, type: SType)]
        public let lines: [String]
        public let segments: [(name: String, type: SType)]
        public let initialFunction: Int
        public let stepFunction: Int
        public let segmentFunction: Int?
        /// The step function's result: lines first, then the next state, in declared order.
        public let stepResult: RecordType
        /// Each line's product, when the line names one (`revenue Huabei.fee = …`).
        public let lineProducts: [String?]
    }

    /// The scenario whose entries run: itself, or its base's for a variant.
    public func root(in program: CheckedProgram) -> ScenarioDef {
        var current = self
        var guardCount = 0
        while let b = current.base, program.scenarios.indices.contains(b), guardCount < program.scenarios.count {
            current = program.scenarios[b]
            guardCount += 1
        }
        return current
    }
}
