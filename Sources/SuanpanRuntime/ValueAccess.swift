import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

// Value access that never traps: a value of the wrong shape is an error at its position.

func decimal(_ v: Value, _ e: BExpr) throws(RuntimeError) -> FixedDecimal {
    guard case .decimal(let d) = v else { throw internalError("a number", e) }
    return d
}

func moneyParts(_ v: Value, _ e: BExpr) throws(RuntimeError) -> (FixedDecimal, Currency) {
    guard case .money(let d, let c) = v else { throw internalError("money", e) }
    return (d, c)
}

func boolean(_ v: Value, _ e: BExpr) throws(RuntimeError) -> Bool {
    guard case .bool(let b) = v else { throw internalError("a bool", e) }
    return b
}

/// A value of the wrong shape means the checker let something through: report
/// it as an error at the position instead of trapping.
func internalError(_ expected: String, _ e: BExpr) -> RuntimeError {
    RuntimeError("internal error: expected \(expected) here", file: e.file, span: e.span)
}

/// An arithmetic failure as the error at the expression, as `arithmetic` reports it.
@inline(never)
func arithmeticError(_ error: ArithmeticError, _ e: BExpr) -> RuntimeError {
    RuntimeError(error.runtimeMessage(e.type), file: e.file, span: e.span)
}

func arithmetic<T>(_ e: BExpr, _ body: () throws(ArithmeticError) -> T) throws(RuntimeError) -> T {
    do {
        return try body()
    } catch {
        throw RuntimeError(error.runtimeMessage(e.type), file: e.file, span: e.span)
    }
}

