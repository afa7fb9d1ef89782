import SuanpanChecker

/// What an executor that compiles rules over columns needs from a machine: the
/// table rows a what-if set, which it folds into the table like the parameters it reads.
extension Machine {
    /// The rows set for a table by `--set`, `:set` or a `with` now in force, in the order
    /// they were set: the latest wins.
    public func rowsSet(forTable index: Int) -> [(keys: [Value], value: Value)] {
        rowOverrides[index] ?? []
    }

    /// Whether evaluations record what they do (`:explain`): only the scalar path does.
    public var isTracing: Bool { program.tracing || log != nil }
}
