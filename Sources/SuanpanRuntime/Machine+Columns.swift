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

extension Machine {
    /// Calls a plugin function as an expression would, with what it returns checked
    /// against what it declared; nil on any failure, which the caller leaves to the
    /// scalar path to report with its position.
    public func callPlugin(_ function: Int, overload: Int, _ values: [Value], result type: SType) -> Value? {
        guard program.externals.indices.contains(function) else { return nil }
        do throws(ExternalError) {
            let result = try program.externals[function](overload, values)
            return result.conforms(to: type) ? result : nil
        } catch {
            return nil
        }
    }
}
