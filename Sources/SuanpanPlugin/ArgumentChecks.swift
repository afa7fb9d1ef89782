import SuanpanRuntime
import SuanpanValues

/// How every plugin function reports a bad argument, so all of them read alike:
/// `pmt: argument 3 ('pv') must be above 0, not -1`. The function's name and the
/// argument's come from the declaration (`callee`), never from the implementation.
extension Arguments {
    /// An error of this function: `pmt: <message>`.
    public func error(_ message: String) -> ExternalError {
        ExternalError("\(callee.function): \(message)")
    }

    /// An error about argument `i` (from 0), named as its signature names it:
    /// `argumentError(2, "must be above 0, not -1")` → `pmt: argument 3 ('pv') must be above 0, not -1`.
    public func argumentError(_ i: Int, _ problem: String) -> ExternalError {
        error("\(callee.label(i)) \(problem)")
    }

    /// A whole number that fits an `Int`.
    public func int(_ i: Int) throws(ExternalError) -> Int {
        let d = try decimal(i)
        guard let n = d.intValue else {
            throw argumentError(i, d.isInteger ? "is too large: \(d)" : "must be a whole number, not \(d)")
        }
        return n
    }

    /// An optional whole number, `value` when the call leaves it out.
    public func int(_ i: Int, default value: Int) throws(ExternalError) -> Int {
        has(i) ? try int(i) : value
    }

    /// A whole number from `minimum` to `maximum` (a count of periods, say); `value`
    /// when the call leaves it out, if there is a default.
    public func count(_ i: Int, default value: Int? = nil, minimum: Int = 1, maximum: Int = 1_000_000) throws(ExternalError) -> Int {
        let n: Int
        if let value, !has(i) { n = value } else { n = try int(i) }
        guard n >= minimum else { throw argumentError(i, "must be at least \(minimum), not \(n)") }
        guard n <= maximum else { throw argumentError(i, "must be at most \(maximum), not \(n)") }
        return n
    }

    /// Arithmetic whose decimal errors (overflow, division by zero) are this function's:
    /// `pmt: overflow`. (`exact` reports them without the name.) Inlinable, so that each
    /// plugin's arithmetic, its hot path, is specialized rather than called generically.
    @inlinable
    public func compute<T>(_ body: () throws(ArithmeticError) -> T) throws(ExternalError) -> T {
        do {
            return try body()
        } catch {
            throw self.error(error.description)
        }
    }
}
