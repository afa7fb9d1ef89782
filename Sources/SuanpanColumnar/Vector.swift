import SuanpanValues

/// One value per account of a batch, or one value for all of them (an array of one:
/// a parameter, a literal, the step's date), held as the narrowest exact form.
///
/// Numbers, money, percentages, rates and durations are `fixed` when they fit: 64-bit
/// integers with a decimal scale (`value = x / 10^scale`), the scale following the
/// operations as DuckDB's DECIMAL does (a sum keeps the larger scale, a product adds
/// them). An operation whose exact result would not fit, or would need more than 18
/// digits, is done instead in `wide` form, `FixedDecimal`, by the very functions the
/// scalar interpreter calls, so both paths give the same digits.
public enum Vector: @unchecked Sendable {
    case fixed([Int64], scale: Int)
    case wide([FixedDecimal])
    case bools([Bool])
    case dates([CivilDate])
    case strings([String])
    case record([Vector])
    case mode(RoundingMode)

    /// How many values it holds: the batch's count, or 1 for a broadcast value.
    public var count: Int {
        switch self {
        case .fixed(let xs, _): xs.count
        case .wide(let xs): xs.count
        case .bools(let xs): xs.count
        case .dates(let xs): xs.count
        case .strings(let xs): xs.count
        case .record(let fields): fields.map(\.count).max() ?? 1
        case .mode: 1
        }
    }

    /// The value at row `i` as an exact decimal, for a number vector.
    public func decimal(at i: Int) -> FixedDecimal? {
        switch self {
        case .fixed(let xs, let scale):
            guard let x = xs.at(i) else { return nil }
            return FixedDecimal(units: Int128(x) * Int128(Fixed.power(18 - scale)))
        case .wide(let xs): return xs.at(i)
        case .bools, .dates, .strings, .record, .mode: return nil
        }
    }
}

/// Scaled 64-bit integers and the conversions to and from `FixedDecimal`.
enum Fixed {
    static let powers: [Int64] = (0...18).map { k in (0..<k).reduce(Int64(1)) { p, _ in p &* 10 } }

    /// 10^k for 0 ≤ k ≤ 18.
    @inline(__always) static func power(_ k: Int) -> Int64 { powers[k] }

    /// The number of decimal digits `d` needs after the point (0 … 18).
    static func digits(of d: FixedDecimal) -> Int {
        var units = d.units.magnitude
        var zeros = 0
        while zeros < 18, units % 10 == 0 {
            units /= 10
            zeros += 1
        }
        return units == 0 ? 0 : 18 - zeros
    }

    /// `d` as an integer at `scale` digits, when exact and in range.
    static func scaled(_ d: FixedDecimal, _ scale: Int) -> Int64? {
        let divisor = Int128(power(18 - scale))
        let (q, r) = d.units.quotientAndRemainder(dividingBy: divisor)
        guard r == 0 else { return nil }
        return Int64(exactly: q)
    }

    /// A constant as the narrowest fixed vector of one value, or wide when it does not fit.
    static func constant(_ d: FixedDecimal) -> Vector {
        let s = digits(of: d)
        if let x = scaled(d, s) { return .fixed([x], scale: s) }
        return .wide([d])
    }

    /// Every value of a column of decimals at one scale, the smallest that holds them all,
    /// or nil when some value does not fit in 64 bits at that scale.
    static func column(_ ds: [FixedDecimal]) -> Vector {
        // Most columns are whole numbers or cents: try the scale of the first value and
        // widen it as later values need, without dividing each value more than twice.
        var scale = 0
        var out = [Int64]()
        out.reserveCapacity(ds.count)
        for d in ds {
            if let x = scaled(d, scale) {
                out.append(x)
                continue
            }
            let needed = digits(of: d)
            guard needed > scale, let x = scaled(d, needed) else { return .wide(ds) }
            // Bring the values so far to the new scale.
            let factor = power(needed - scale)
            for k in out.indices {
                let (y, overflow) = out[k].multipliedReportingOverflow(by: factor)
                if overflow { return .wide(ds) }
                out[k] = y
            }
            scale = needed
            out.append(x)
        }
        return .fixed(out, scale: scale)
    }

    /// Fixed values at another scale (larger or equal): nil on overflow.
    static func rescaled(_ xs: [Int64], from: Int, to: Int) -> [Int64]? {
        if from == to { return xs }
        let factor = power(to - from)
        var out = [Int64](repeating: 0, count: xs.count)
        var overflow = false
        xs.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<src.count {
                    let (y, o) = src[i].multipliedReportingOverflow(by: factor)
                    dst[i] = y
                    overflow = overflow || o
                }
            }
        }
        return overflow ? nil : out
    }

    /// Fixed values as `FixedDecimal`: always exact (|x| · 10^18 < 2^127).
    static func widened(_ xs: [Int64], scale: Int) -> [FixedDecimal] {
        let factor = Int128(power(18 - scale))
        return xs.map { FixedDecimal(units: Int128($0) * factor) }
    }
}

extension Vector {
    /// A number vector in wide form.
    var wideValues: [FixedDecimal]? {
        switch self {
        case .fixed(let xs, let scale): Fixed.widened(xs, scale: scale)
        case .wide(let xs): xs
        case .bools, .dates, .strings, .record, .mode: nil
        }
    }

    /// A wide vector of values that all have at most `scale` digits, back in fixed form
    /// when they fit; otherwise unchanged.
    func narrowed(to scale: Int) -> Vector {
        guard case .wide(let ds) = self else { return self }
        var out = [Int64]()
        out.reserveCapacity(ds.count)
        for d in ds {
            guard let x = Fixed.scaled(d, scale) else { return self }
            out.append(x)
        }
        return .fixed(out, scale: scale)
    }
}

extension Array {
    /// Row `i` of a column, or its one value when it is broadcast; nil past the end.
    func at(_ i: Int) -> Element? {
        count == 1 ? self[0] : (indices.contains(i) ? self[i] : nil)
    }
}
