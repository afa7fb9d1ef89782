import SuanpanValues

/// Rounding a vector to a multiple of a constant quantum. In fixed form a quantum that is
/// a power of ten is a division by a constant, which the compiler turns into a multiply
/// and shift; the direction is a comparison of the remainder with half the divisor, so
/// no branch depends on the data. Ties and signs follow `FixedDecimal` exactly.
enum Rounding {
    static func round(_ a: Vector, quantum: FixedDecimal, mode: RoundingMode) throws(Bail) -> Vector {
        let t = Fixed.digits(of: quantum)
        if case .fixed(let xs, let s) = a {
            let u = max(s, t)
            if let x = Fixed.rescaled(xs, from: s, to: u), let q = Fixed.scaled(quantum, u), q > 0 {
                if let k = Fixed.powers.firstIndex(of: q), k <= u {
                    return .fixed(quotients(x, k, mode), scale: u - k)
                }
                if let out = Elementwise.map(quotients(x, q, mode), { $0.multipliedReportingOverflow(by: q) }) {
                    return .fixed(out, scale: u)
                }
            }
        }
        guard let x = a.wideValues else { throw .scalar }
        var out = [FixedDecimal]()
        out.reserveCapacity(x.count)
        do throws(ArithmeticError) {
            for d in x { out.append(try d.rounded(toMultipleOf: quantum, mode: mode)) }
        } catch {
            throw .scalar
        }
        return Vector.wide(out).narrowed(to: t)
    }

    /// Each x / 10^k rounded by `mode`, with 10^k a literal in each case.
    static func quotients(_ xs: [Int64], _ k: Int, _ mode: RoundingMode) -> [Int64] {
        switch k {
        case 0: return xs
        case 1: return quotients(xs, 10 as Int64, mode)
        case 2: return quotients(xs, 100 as Int64, mode)
        case 3: return quotients(xs, 1_000 as Int64, mode)
        case 4: return quotients(xs, 10_000 as Int64, mode)
        case 5: return quotients(xs, 100_000 as Int64, mode)
        case 6: return quotients(xs, 1_000_000 as Int64, mode)
        case 7: return quotients(xs, 10_000_000 as Int64, mode)
        case 8: return quotients(xs, 100_000_000 as Int64, mode)
        default: return quotients(xs, Fixed.power(k), mode)
        }
    }

    /// Each x / d rounded by `mode`, for d > 0.
    @inline(__always)
    static func quotients(_ xs: [Int64], _ d: Int64, _ mode: RoundingMode) -> [Int64] {
        return [Int64](unsafeUninitializedCapacity: xs.count) { r, initialized in
            xs.withUnsafeBufferPointer { x in
                switch mode {
                case .halfEven: for i in 0..<x.count { r[i] = quotient(x[i], d, .halfEven) }
                case .halfUp: for i in 0..<x.count { r[i] = quotient(x[i], d, .halfUp) }
                case .down: for i in 0..<x.count { r[i] = x[i] / d }
                case .up: for i in 0..<x.count { r[i] = quotient(x[i], d, .up) }
                case .floor: for i in 0..<x.count { r[i] = quotient(x[i], d, .floor) }
                case .ceiling: for i in 0..<x.count { r[i] = quotient(x[i], d, .ceiling) }
                }
            }
            initialized = xs.count
        }
    }

    /// x / d rounded by `mode` (d > 0): the truncated quotient, one step away from zero
    /// when the mode says so. Cannot overflow: |x / d| + 1 ≤ |x| for d ≥ 2.
    @inline(__always)
    static func quotient(_ x: Int64, _ d: Int64, _ mode: RoundingMode) -> Int64 {
        let q = x / d
        let r = x &- q &* d
        let magnitude = r < 0 ? 0 &- r : r
        let twice = magnitude &* 2  // < 2d ≤ 2·10^18: cannot wrap
        let negative: Int64 = x < 0 ? 1 : 0
        let nonzero: Int64 = magnitude != 0 ? 1 : 0
        let away: Int64
        switch mode {
        case .halfEven:
            let above: Int64 = twice > d ? 1 : 0, tie: Int64 = twice == d ? 1 : 0
            away = above | (tie & (q & 1))
        case .halfUp: away = twice >= d ? 1 : 0
        case .down: away = 0
        case .up: away = nonzero
        case .floor: away = nonzero & negative
        case .ceiling: away = nonzero & (1 - negative)
        }
        // One step away from zero: +1 for positive x, -1 for negative.
        return q &+ away &* (1 &- 2 &* negative)
    }
}
