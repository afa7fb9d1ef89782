import SuanpanValues

/// Arithmetic over number and money vectors. Each operation is tried in fixed form
/// first; when the exact result does not fit there, the same operation runs in wide
/// form with the scalar interpreter's functions, so the digits never differ.
enum Arithmetic {
    static func add(_ a: Vector, _ b: Vector, subtract: Bool) throws(Bail) -> Vector {
        if case .fixed(let x, let sx) = a, case .fixed(let y, let sy) = b {
            let s = max(sx, sy)
            let px = Fixed.power(s - sx), py = Fixed.power(s - sy)
            let out: [Int64]?
            if px == 1, py == 1 {
                out = subtract ? Elementwise.map(x, y) { $0.subtractingReportingOverflow($1) }
                    : Elementwise.map(x, y) { $0.addingReportingOverflow($1) }
            } else {
                out = Elementwise.map(x, y) { u, v in
                    let (a1, o1) = u.multipliedReportingOverflow(by: px)
                    let (b1, o2) = v.multipliedReportingOverflow(by: py)
                    let (r, o3) = subtract ? a1.subtractingReportingOverflow(b1) : a1.addingReportingOverflow(b1)
                    return (r, o1 || o2 || o3)
                }
            }
            if let out { return .fixed(out, scale: s) }
        }
        let (x, y) = try wide(a, b)
        return .wide(try Elementwise.tryMap(x, y) { u, v throws(ArithmeticError) in
            subtract ? try u.subtracting(v) : try u.adding(v)
        })
    }

    static func multiply(_ a: Vector, _ b: Vector) throws(Bail) -> Vector {
        if case .fixed(let x, let sx) = a, case .fixed(let y, let sy) = b, sx + sy <= 18,
           let out = Elementwise.map(x, y, { $0.multipliedReportingOverflow(by: $1) }) {
            return .fixed(out, scale: sx + sy)
        }
        let (x, y) = try wide(a, b)
        return .wide(try Elementwise.tryMap(x, y) { u, v throws(ArithmeticError) in try u.multiplied(by: v) })
    }

    static func divide(_ a: Vector, _ b: Vector) throws(Bail) -> Vector {
        let (x, y) = try wide(a, b)
        return .wide(try Elementwise.tryMap(x, y) { u, v throws(ArithmeticError) in try u.divided(by: v) })
    }

    static func power(_ a: Vector, _ b: Vector) throws(Bail) -> Vector {
        let (x, y) = try wide(a, b)
        return .wide(try Elementwise.tryMap(x, y) { u, v throws(ArithmeticError) in try u.power(v) })
    }

    /// `round(a × b, q, mode)` or `round(a ÷ b, …)`, rounded once from the exact result,
    /// as the scalar interpreter's fused rounding does.
    static func fusedRound(_ a: Vector, _ b: Vector, divide: Bool, quantum: FixedDecimal,
                           mode: RoundingMode) throws(Bail) -> Vector {
        if !divide, case .fixed(let x, let sx) = a, case .fixed(let y, let sy) = b, sx + sy <= 18,
           let product = Elementwise.map(x, y, { $0.multipliedReportingOverflow(by: $1) }) {
            return try Rounding.round(.fixed(product, scale: sx + sy), quantum: quantum, mode: mode)
        }
        let (x, y) = try wide(a, b)
        let out = try Elementwise.tryMap(x, y) { u, v throws(ArithmeticError) in
            divide ? try u.divided(by: v, roundedToMultipleOf: quantum, mode: mode)
                : try u.multiplied(by: v, roundedToMultipleOf: quantum, mode: mode)
        }
        return Vector.wide(out).narrowed(to: Fixed.digits(of: quantum))
    }

    static func negate(_ a: Vector) throws(Bail) -> Vector {
        if case .fixed(let x, let s) = a, let out = Elementwise.map(x, { (0 as Int64).subtractingReportingOverflow($0) }) {
            return .fixed(out, scale: s)
        }
        guard let x = a.wideValues else { throw .scalar }
        return .wide(try Elementwise.tryMap(x, [FixedDecimal.zero]) { u, _ throws(ArithmeticError) in try u.negated() })
    }

    static func magnitude(_ a: Vector) throws(Bail) -> Vector {
        if case .fixed(let x, let s) = a, let out = Elementwise.map(x, { $0 == .min ? (0, true) : ($0 < 0 ? -$0 : $0, false) }) {
            return .fixed(out, scale: s)
        }
        guard let x = a.wideValues else { throw .scalar }
        return .wide(x.map(\.magnitude))
    }

    /// Both operands in wide form.
    static func wide(_ a: Vector, _ b: Vector) throws(Bail) -> ([FixedDecimal], [FixedDecimal]) {
        guard let x = a.wideValues, let y = b.wideValues else { throw .scalar }
        return (x, y)
    }

    /// Both operands at one scale, for comparing and choosing; nil when that overflows.
    static func aligned(_ a: Vector, _ b: Vector) -> (x: [Int64], y: [Int64], scale: Int)? {
        guard case .fixed(let x, let sx) = a, case .fixed(let y, let sy) = b else { return nil }
        let s = max(sx, sy)
        guard let x1 = Fixed.rescaled(x, from: sx, to: s), let y1 = Fixed.rescaled(y, from: sy, to: s) else { return nil }
        return (x1, y1, s)
    }
}
