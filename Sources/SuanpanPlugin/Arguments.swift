import SuanpanRuntime
import SuanpanValues

/// Typed access to a plugin function's arguments. The checker has already
/// matched them to the signature, so a mismatch here is a plugin bug; it is
/// still an error, never a trap.
public struct Arguments: Sendable {
    public let values: [Value]
    public init(_ values: [Value]) { self.values = values }

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

    public func decimal(_ i: Int, default value: FixedDecimal) throws(ExternalError) -> FixedDecimal {
        has(i) ? try amount(i) : value
    }

    public func int(_ i: Int) throws(ExternalError) -> Int {
        let d = try decimal(i)
        guard let n = d.intValue else {
            throw ExternalError(d.isInteger ? "argument \(i + 1) is too large: \(d)" : "argument \(i + 1) must be a whole number, not \(d)")
        }
        return n
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

    func wrong(_ i: Int, _ what: String) -> ExternalError {
        ExternalError("internal error: argument \(i + 1) is not \(what)")
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
