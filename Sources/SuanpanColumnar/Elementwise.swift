import SuanpanValues

/// The loops every kernel is made of: one pass over a batch, with an operand of one
/// value broadcast. Overflow is a flag OR-ed over the pass and tested once at the end,
/// so the loop has no branch that depends on the data.
enum Elementwise {
    /// `f` over two fixed columns (either may be a single broadcast value); nil when any
    /// element overflowed.
    @inline(__always)
    static func map(_ a: [Int64], _ b: [Int64], _ f: (Int64, Int64) -> (Int64, Bool)) -> [Int64]? {
        if a.isEmpty || b.isEmpty { return [] }
        let n = max(a.count, b.count)
        guard fits(a.count, n), fits(b.count, n) else { return nil }
        var overflow = false
        let out = [Int64](unsafeUninitializedCapacity: n) { r, initialized in
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    if x.count == n, y.count == n {
                        for i in 0..<n { let (v, o) = f(x[i], y[i]); r[i] = v; overflow = overflow || o }
                    } else if y.count == 1 {
                        let c = y[0]
                        for i in 0..<n { let (v, o) = f(x[i], c); r[i] = v; overflow = overflow || o }
                    } else {
                        let c = x[0]
                        for i in 0..<n { let (v, o) = f(c, y[i]); r[i] = v; overflow = overflow || o }
                    }
                }
            }
            initialized = n
        }
        return overflow ? nil : out
    }

    /// `f` over one fixed column.
    @inline(__always)
    static func map(_ a: [Int64], _ f: (Int64) -> (Int64, Bool)) -> [Int64]? {
        var overflow = false
        let out = [Int64](unsafeUninitializedCapacity: a.count) { r, initialized in
            a.withUnsafeBufferPointer { x in
                for i in 0..<x.count { let (v, o) = f(x[i]); r[i] = v; overflow = overflow || o }
            }
            initialized = a.count
        }
        return overflow ? nil : out
    }

    /// A test over two columns of anything.
    @inline(__always)
    static func test<A, B>(_ a: [A], _ b: [B], _ f: (A, B) -> Bool) -> [Bool] {
        if a.isEmpty || b.isEmpty { return [] }
        let n = max(a.count, b.count)
        guard fits(a.count, n), fits(b.count, n) else { return [] }
        var out = [Bool](repeating: false, count: n)
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { r in
                    if x.count == n, y.count == n {
                        for i in 0..<n { r[i] = f(x[i], y[i]) }
                    } else if y.count == 1 {
                        let c = y[0]
                        for i in 0..<n { r[i] = f(x[i], c) }
                    } else {
                        let c = x[0]
                        for i in 0..<n { r[i] = f(c, y[i]) }
                    }
                }
            }
        }
        return out
    }

    /// A throwing operation over two columns of anything (the wide forms, dates): any
    /// error sends the batch to the scalar path, which reports it where it happens.
    static func tryMap<A, B, R>(_ a: [A], _ b: [B], _ f: (A, B) throws(ArithmeticError) -> R) throws(Bail) -> [R] {
        if a.isEmpty || b.isEmpty { return [] }
        let n = max(a.count, b.count)
        guard fits(a.count, n), fits(b.count, n) else { throw .scalar }
        var out = [R]()
        out.reserveCapacity(n)
        do throws(ArithmeticError) {
            for i in 0..<n { out.append(try f(a[a.count == 1 ? 0 : i], b[b.count == 1 ? 0 : i])) }
        } catch {
            throw .scalar
        }
        return out
    }

    /// `mask ? a : b` row by row.
    static func choose<T>(_ mask: [Bool], _ a: [T], _ b: [T]) -> [T] {
        if mask.isEmpty || a.isEmpty || b.isEmpty { return [] }
        let n = max(mask.count, a.count, b.count)
        guard fits(mask.count, n), fits(a.count, n), fits(b.count, n) else { return [] }
        var out = [T]()
        out.reserveCapacity(n)
        for i in 0..<n {
            out.append(mask[mask.count == 1 ? 0 : i] ? a[a.count == 1 ? 0 : i] : b[b.count == 1 ? 0 : i])
        }
        return out
    }

    /// `mask ? a : b` for fixed columns, without a branch per row; either may be broadcast.
    static func select(_ mask: [Bool], _ a: [Int64], _ b: [Int64]) -> [Int64] {
        if mask.isEmpty || a.isEmpty || b.isEmpty { return [] }
        let n = max(mask.count, a.count, b.count)
        guard mask.count == n, a.count == n || a.count == 1, b.count == n || b.count == 1 else { return choose(mask, a, b) }
        let strideA = a.count == n ? 1 : 0, strideB = b.count == n ? 1 : 0
        return [Int64](unsafeUninitializedCapacity: n) { r, initialized in
            mask.withUnsafeBufferPointer { m in
                a.withUnsafeBufferPointer { x in
                    b.withUnsafeBufferPointer { y in
                        for i in 0..<n {
                            let keep = Int64(m[i] ? 1 : 0)
                            let u = x[i &* strideA], v = y[i &* strideB]
                            r[i] = v &+ (u &- v) &* keep
                        }
                    }
                }
            }
            initialized = n
        }
    }
}

/// Whether a column of `count` values goes with a batch of `n` rows: all of them, or one for all.
@inline(__always) func fits(_ count: Int, _ n: Int) -> Bool { count == n || count == 1 }

/// Why a batch leaves the columns: an error (division by zero, a table miss, `fail`,
/// an overflow even in 18-digit form) that the scalar path must meet itself, at the same
/// row and with the same message, or a value the columns do not hold.
public enum Bail: Error, Sendable {
    case scalar
}
