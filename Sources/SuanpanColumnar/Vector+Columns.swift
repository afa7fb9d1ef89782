import SuanpanData
import SuanpanRuntime
import SuanpanValues

extension Vector {
    /// A population column as a vector: numbers and money in fixed form at the smallest
    /// scale that holds the batch's values. Nil for money whose currency each cell names,
    /// which only the scalar path holds.
    public init?(column: Column) {
        switch column {
        case .decimals(let xs), .money(let xs, _): self = Fixed.column(xs)
        case .bools(let xs): self = .bools(xs)
        case .strings(let xs): self = .strings(xs)
        case .dates(let xs): self = .dates(xs)
        case .values: return nil
        }
    }

    /// A whole number the same for every row (a step's index or its days).
    public static func integer(_ n: Int) -> Vector { .fixed([Int64(n)], scale: 0) }

    /// A date the same for every row.
    public static func date(_ d: CivilDate) -> Vector { .dates([d]) }

    /// Zero, for every row.
    public static var zero: Vector { .fixed([0], scale: 0) }

    /// The sum of a number vector over `rows` rows (a broadcast value counts `rows` times).
    public func sum(rows: Int) throws(Bail) -> FixedDecimal {
        guard fits(count, rows) else { throw .scalar }
        switch self {
        case .fixed(let xs, let scale):
            var total: Int64 = 0
            var overflow = false
            if xs.count == 1 {
                let (t, o) = xs[0].multipliedReportingOverflow(by: Int64(rows))
                (total, overflow) = (t, o)
            } else {
                for x in xs {
                    let (t, o) = total.addingReportingOverflow(x)
                    total = t
                    overflow = overflow || o
                }
            }
            if !overflow { return FixedDecimal(units: Int128(total) * Int128(Fixed.power(18 - scale))) }
            return try Vector.wide(Fixed.widened(xs, scale: scale)).sum(rows: rows)
        case .wide(let xs):
            do throws(ArithmeticError) {
                if xs.count == 1 { return try xs[0].multiplied(by: FixedDecimal(rows)) }
                var total = FixedDecimal.zero
                for x in xs { total = try total.adding(x) }
                return total
            } catch {
                throw .scalar
            }
        case .bools, .dates, .strings, .record, .mode:
            throw .scalar
        }
    }

    /// For each of `rows` rows, whether the value is not zero (a number vector).
    public func nonzero(rows: Int) throws(Bail) -> [Bool] {
        let flags: [Bool]
        switch self {
        case .fixed(let xs, _): flags = xs.map { $0 != 0 }
        case .wide(let xs): flags = xs.map { $0 != .zero }
        case .bools, .dates, .strings, .record, .mode: throw .scalar
        }
        return flags.count == 1 ? Array(repeating: flags[0], count: rows) : flags
    }

    /// `self + other`, row by row.
    public func adding(_ other: Vector) throws(Bail) -> Vector {
        try Arithmetic.add(self, other, subtract: false)
    }

    /// The fields of a record vector.
    public var fields: [Vector]? {
        if case .record(let f) = self { return f }
        return nil
    }

    /// Row `i`'s value as a plain value: a number (as a decimal, money too), a date, a
    /// string or a bool; nil for a record or past the end.
    public func value(at i: Int) -> Value? {
        switch self {
        case .fixed, .wide: return decimal(at: i).map(Value.decimal)
        case .dates(let xs): return xs.at(i).map(Value.date)
        case .strings(let xs): return xs.at(i).map(Value.string)
        case .bools(let xs): return xs.at(i).map(Value.bool)
        case .record, .mode: return nil
        }
    }
}
