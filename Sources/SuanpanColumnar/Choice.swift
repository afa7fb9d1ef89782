import SuanpanChecker
import SuanpanValues

/// Comparing vectors and choosing between them row by row.
enum Choice {
    static func compare(_ c: Comparison, _ a: Vector, _ b: Vector) throws(Bail) -> [Bool] {
        switch (a, b) {
        case (.fixed, .fixed), (.fixed, .wide), (.wide, .fixed), (.wide, .wide):
            if let (x, y, _) = Arithmetic.aligned(a, b) { return ordered(x, y, c) }
            let (x, y) = try Arithmetic.wide(a, b)
            return ordered(x, y, c)
        case (.dates(let x), .dates(let y)):
            return ordered(x.map(\.dayNumber), y.map(\.dayNumber), c)
        case (.strings(let x), .strings(let y)):
            return ordered(x, y, c)
        case (.bools(let x), .bools(let y)):
            switch c {
            case .equal: return Elementwise.test(x, y) { $0 == $1 }
            case .notEqual: return Elementwise.test(x, y) { $0 != $1 }
            case .less, .lessEqual, .greater, .greaterEqual: throw .scalar
            }
        default:
            throw .scalar
        }
    }

    @inline(__always)
    static func ordered<T: Comparable>(_ x: [T], _ y: [T], _ c: Comparison) -> [Bool] {
        switch c {
        case .equal: Elementwise.test(x, y) { $0 == $1 }
        case .notEqual: Elementwise.test(x, y) { $0 != $1 }
        case .less: Elementwise.test(x, y) { $0 < $1 }
        case .lessEqual: Elementwise.test(x, y) { $0 <= $1 }
        case .greater: Elementwise.test(x, y) { $0 > $1 }
        case .greaterEqual: Elementwise.test(x, y) { $0 >= $1 }
        }
    }

    /// `mask ? a : b`, row by row, in the narrowest form that holds both.
    static func select(_ mask: [Bool], _ a: Vector, _ b: Vector) throws(Bail) -> Vector {
        switch (a, b) {
        case (.fixed, .fixed), (.fixed, .wide), (.wide, .fixed), (.wide, .wide):
            if let (x, y, s) = Arithmetic.aligned(a, b) { return .fixed(Elementwise.select(mask, x, y), scale: s) }
            let (x, y) = try Arithmetic.wide(a, b)
            return .wide(Elementwise.choose(mask, x, y))
        case (.bools(let x), .bools(let y)): return .bools(Elementwise.choose(mask, x, y))
        case (.dates(let x), .dates(let y)): return .dates(Elementwise.choose(mask, x, y))
        case (.strings(let x), .strings(let y)): return .strings(Elementwise.choose(mask, x, y))
        case (.record(let x), .record(let y)) where x.count == y.count:
            var fields: [Vector] = []
            for (u, v) in zip(x, y) { fields.append(try select(mask, u, v)) }
            return .record(fields)
        default:
            throw .scalar
        }
    }

    /// `max(a, b)` or `min(a, b)`: the scalar path keeps `a` unless `b` is strictly beyond it.
    static func extreme(_ a: Vector, _ b: Vector, max wantsMax: Bool) throws(Bail) -> Vector {
        // In fixed form the chosen value is the same number either way: one pass, no mask.
        if let (x, y, s) = Arithmetic.aligned(a, b),
           let out = wantsMax ? Elementwise.map(x, y, { (Swift.max($0, $1), false) }) : Elementwise.map(x, y, { (Swift.min($0, $1), false) }) {
            return .fixed(out, scale: s)
        }
        let takeB = try compare(wantsMax ? .greater : .less, b, a)
        return try select(takeB, b, a)
    }

    /// Whether every row of a mask is true, or every row false.
    static func uniform(_ mask: [Bool]) -> Bool? {
        guard let first = mask.first else { return true }
        for m in mask where m != first { return nil }
        return first
    }
}
