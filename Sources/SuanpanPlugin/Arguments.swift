import SuanpanRuntime
import SuanpanValues

/// What a plugin function's implementation is given: the argument values of one
/// call (only the ones the call gave; optional ones may be missing), typed access
/// to them, and the declared overload they were checked against. The checker has
/// already matched the values to that signature, so a mismatch here is a plugin
/// bug; it is still an error, never a trap.
public struct Arguments: Sendable {
    public let callee: Callee
    public let values: [Value]

    public init(_ callee: Callee, _ values: [Value]) {
        self.callee = callee
        self.values = values
    }

    /// The overload the checker chose (0, 1, …), in the order of the signatures.
    public var overload: Int { callee.overload }
    public var count: Int { values.count }
    public func has(_ i: Int) -> Bool { i < values.count }

    public func decimal(_ i: Int) throws(ExternalError) -> FixedDecimal {
        guard i < values.count, case .decimal(let d) = values[i] else { throw wrong(i, "a number") }
        return d
    }

    /// A plain number, or the amount of money (for functions that take either).
    public func amount(_ i: Int) throws(ExternalError) -> FixedDecimal {
        guard i < values.count else { throw wrong(i, "an amount") }
        switch values[i] {
        case .decimal(let d), .money(let d, _): return d
        default: throw wrong(i, "an amount")
        }
    }

    /// An optional amount, `value` when the call leaves it out.
    public func amount(_ i: Int, default value: FixedDecimal) throws(ExternalError) -> FixedDecimal {
        has(i) ? try amount(i) : value
    }

    public func money(_ i: Int) throws(ExternalError) -> (FixedDecimal, Currency) {
        guard i < values.count, case .money(let d, let c) = values[i] else { throw wrong(i, "money") }
        return (d, c)
    }

    public func date(_ i: Int) throws(ExternalError) -> CivilDate {
        guard i < values.count, case .date(let d) = values[i] else { throw wrong(i, "a date") }
        return d
    }

    public func string(_ i: Int) throws(ExternalError) -> String {
        guard i < values.count, case .string(let s) = values[i] else { throw wrong(i, "a string") }
        return s
    }

    public func bool(_ i: Int) throws(ExternalError) -> Bool {
        guard i < values.count, case .bool(let b) = values[i] else { throw wrong(i, "a bool") }
        return b
    }

    public func list(_ i: Int) throws(ExternalError) -> [Value] {
        guard i < values.count, case .list(let items) = values[i] else { throw wrong(i, "a list") }
        return items
    }

    /// The amounts of a list of numbers or of money.
    public func amounts(_ i: Int) throws(ExternalError) -> [FixedDecimal] {
        var out: [FixedDecimal] = []
        for v in try list(i) {
            switch v {
            case .decimal(let d), .money(let d, _): out.append(d)
            default: throw wrong(i, "a list of amounts")
            }
        }
        return out
    }

    /// The currency of the first money argument (also inside lists), if any.
    public var currency: Currency? {
        for v in values {
            if case .money(_, let c) = v { return c }
            if case .list(let items) = v, case .money(_, let c)? = items.first { return c }
        }
        return nil
    }

    /// An amount as money in the call's currency, or as a number when the call had none.
    public func amountResult(_ d: FixedDecimal) -> Value {
        currency.map { .money(d, $0) } ?? .decimal(d)
    }

    /// The checker let through a value the signature does not allow: the plugin's own bug.
    func wrong(_ i: Int, _ what: String) -> ExternalError {
        error("internal error: \(callee.label(i)) is not \(what)")
    }
}

/// Arithmetic inside plugins: decimal errors become the function's error.
public func exact<T>(_ body: () throws(ArithmeticError) -> T) throws(ExternalError) -> T {
    do {
        return try body()
    } catch {
        throw ExternalError(error.description)
    }
}
