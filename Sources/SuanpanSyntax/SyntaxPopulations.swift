/// Populations and scenarios: accounts read from files, and the rules run over
/// them through time.

/// `population accounts: Account from "accounts.csv" { … }`: the rows of a file,
/// each read into a record of the type. The block maps columns and gives the
/// reader its options.
public struct PopulationDecl: Sendable {
    public let name: Name
    public let record: Name
    public let path: String
    public let pathSpan: Span
    public let columns: [ColumnDecl]
    public let options: [PopulationOption]
    public let span: Span
}

/// `column balance = "bal_fen" in 0.01 CNY`: the field's column has another name,
/// or counts in another unit (what one unit in the file is worth), or both.
public struct ColumnDecl: Sendable {
    public let field: Name
    public let column: String?
    public let unit: Expr?
    public let span: Span
}

/// `encoding = "gbk"`: an option for the reader, or `bad_rows = "skip"`.
public struct PopulationOption: Sendable {
    public let name: Name
    public let value: String
    public let span: Span
}

/// `scenario Credit "title" { for a in accounts … }`: the products' rules run over
/// every account of a population, step by step through a horizon, with state
/// carried from step to step and revenue lines summed by period and segment.
/// A variant, `scenario Cut = Credit with Huabei { … }`, is the same run with
/// parameters or table rows changed.
public struct ScenarioDecl: Sendable {
    public let name: Name
    public let title: String?
    public let entries: [ScenarioEntry]
    public let variant: Variant?
    public let span: Span

    public struct Variant: Sendable {
        public let base: Name
        /// One `with P { … }` per product changed.
        public let changes: [(product: Name, assignments: [OverrideAssignment])]
    }
}

public enum ScenarioEntry: Sendable {
    /// `for a in accounts`: the population, and the name of its account in the entries.
    case population(variable: Name, source: Name, span: Span)
    /// `from 2021-01-01 to 2021-12-31 by month`: the first period's start, the last
    /// period's start at the latest, and the step.
    case horizon(from: Expr, to: Expr, step: Name, span: Span)
    /// `state balance: money<CNY> = a.balance`: carried from step to step, starting here.
    case state(name: Name, type: TypeSyntax, initial: Expr)
    /// `let unpaid = balance - a.repaid`: computed each step.
    case letValue(LetDecl)
    /// `revenue interest = …`: money earned each step, summed; `revenue Huabei.interest = …`
    /// also says which product earns it, for the results by product.
    case revenue(name: Name, product: Name?, value: Expr)
    /// `next balance = balance + interest`: the state's value in the following step.
    case next(name: Name, value: Expr)
    /// `by band = a.zhima_band`, or `by a.zhima_band` (named for its field): a breakdown of the results.
    case segment(name: Name?, key: Expr)
}
