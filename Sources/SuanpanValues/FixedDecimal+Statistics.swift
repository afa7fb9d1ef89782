// The standard deviation, computed exactly and rounded once.
//
// The usual formulas lose digits: subtracting a rounded mean leaves deviations with 18 rounded
// digits, whose squares are rounded again, so a small spread (daily rates around 0.0004, say)
// keeps only a few correct digits. Here the sums of the values and of their squares are kept
// as exact integers of units, so the variance is an exact fraction and its square root is
// rounded once, half-even, at the 18th fraction digit. The sums cannot overflow either: they
// are as wide as any list a program can build needs.

/// What a standard deviation describes: a sample of a larger population (the sum of squared
/// deviations is divided by n − 1, as a spreadsheet's STDEV.S) or the whole population
/// (divided by n, as STDEV.P).
public enum DeviationBasis: Sendable {
    case sample
    case population

    /// The fewest values the basis has a standard deviation for.
    public var minimumCount: Int { self == .sample ? 2 : 1 }
}

extension FixedDecimal {
    /// The standard deviation of `values`, correctly rounded half-even at the 18th fraction digit.
    ///
    /// - Throws: `.invalidArgument` when there are fewer than `basis.minimumCount` values;
    ///   `.overflow` when the result is out of range (only possible for values near the limit
    ///   of ±1.7e20: the deviation of [-1e20, 1e20] is 1.41e20).
    public static func standardDeviation(of values: [FixedDecimal], _ basis: DeviationBasis) throws(ArithmeticError) -> FixedDecimal {
        let n = values.count
        guard n >= basis.minimumCount else {
            let least = basis == .sample ? "at least 2 values" : "at least one value"
            throw .invalidArgument("a \(basis) standard deviation needs \(least), got \(n)")
        }
        var positive = WideSum(), negative = WideSum(), squares = WideSum()
        for v in values {
            let m = v.units.magnitude
            if v.units < 0 { negative.add(UInt256(m)) } else { positive.add(UInt256(m)) }
            squares.add(multiplyFull(m, m))
        }
        // Σx = positive − negative; only its square is needed, so its magnitude will do.
        let (p, q) = (positive.value, negative.value)
        let sum = p.compare(q) >= 0 ? p.subtracting(q) : q.subtracting(p)
        // The variance is numerator / denominator exactly. n·Σx² − (Σx)² = Σ over pairs of
        // (xᵢ − xⱼ)² (Lagrange's identity), so the subtraction never goes below zero.
        let count = BigUInt(UInt128(truncatingIfNeeded: n))
        let numerator = (count * squares.value).subtracting(sum * sum)
        let denominator = count * BigUInt(UInt128(truncatingIfNeeded: basis == .sample ? n &- 1 : n))
        // Units scale both sides alike (σ of 10^18·x is 10^18·σ of x): the root is in units.
        guard let root = BigUInt.roundedSquareRoot(of: numerator, over: denominator).uint128, root <= maxMagnitude else {
            throw .overflow
        }
        return FixedDecimal(units: Int128(truncatingIfNeeded: root))
    }
}

/// An exact running sum of 256-bit magnitudes. Five limbs hold the sum of up to 2^64 of them
/// (each below 2^256), more than any list can have, so the top limb never carries out.
struct WideSum {
    private var limbs: [UInt64] = [0, 0, 0, 0, 0]

    mutating func add(_ x: UInt256) {
        var carry = addLimb(0, x.low._low, carry: false)
        carry = addLimb(1, x.low._high, carry: carry)
        carry = addLimb(2, x.high._low, carry: carry)
        carry = addLimb(3, x.high._high, carry: carry)
        _ = addLimb(4, 0, carry: carry)
    }

    /// Adds one limb and an incoming carry at position `i`; returns the outgoing carry.
    private mutating func addLimb(_ i: Int, _ x: UInt64, carry: Bool) -> Bool {
        let (s1, o1) = limbs[i].addingReportingOverflow(x)
        let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
        limbs[i] = s2
        return o1 || o2
    }

    var value: BigUInt { BigUInt(limbs: limbs) }
}

extension BigUInt {
    /// `self − other`, for `self >= other` (callers compare first).
    func subtracting(_ other: BigUInt) -> BigUInt {
        var result = limbs
        var borrow = false
        for i in 0..<result.count {
            let (d1, b1) = result[i].subtractingReportingOverflow(i < other.limbs.count ? other.limbs[i] : 0)
            let (d2, b2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            result[i] = d2
            borrow = b1 || b2
        }
        return BigUInt(limbs: result)
    }

    static func + (a: BigUInt, b: BigUInt) -> BigUInt {
        var result = [UInt64](repeating: 0, count: Swift.max(a.limbs.count, b.limbs.count) &+ 1)
        var carry = false
        for i in 0..<result.count {
            let (s1, o1) = (i < a.limbs.count ? a.limbs[i] : 0).addingReportingOverflow(i < b.limbs.count ? b.limbs[i] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
            result[i] = s2
            carry = o1 || o2
        }
        return BigUInt(limbs: result)
    }

    /// `self / 2`, rounded down.
    func halved() -> BigUInt {
        var result = limbs
        for i in 0..<result.count {
            let next = i &+ 1 < result.count ? result[i &+ 1] : 0
            result[i] = (result[i] >> 1) | (next << 63)
        }
        return BigUInt(limbs: result)
    }

    /// ⌊√self⌋ by Newton's iteration from above: starting at a power of two at least √self,
    /// each step strictly decreases until it reaches ⌊√self⌋, the first step that does not.
    /// The start is within a factor of two of the root, so the correct bits double from the
    /// first steps on: a 300-bit value takes about ten. The cap only makes the bound visible.
    func squareRoot() -> BigUInt {
        if isZero { return self }
        var x = BigUInt.power(ofTwo: (bitWidth &+ 1) / 2)
        for _ in 0...bitWidth {
            let next = (x + quotientAndRemainder(dividingBy: x).quotient).halved()
            if next.compare(x) >= 0 { break }
            x = next
        }
        return x
    }

    /// 2^bit, for `bit >= 0`.
    static func power(ofTwo bit: Int) -> BigUInt {
        BigUInt(limbs: [UInt64](repeating: 0, count: bit / 64) + [UInt64(1) << UInt64(bit % 64)])
    }

    /// √(numerator / denominator) rounded half-even to an integer (`denominator` nonzero).
    ///
    /// s = ⌊√⌊N/D⌋⌋ is ⌊√(N/D)⌋, since ⌊N/D⌋ ≥ s² exactly when N/D ≥ s². The root is above
    /// s + ½ when 4N > (2s + 1)²·D, and exactly s + ½ when they are equal.
    static func roundedSquareRoot(of numerator: BigUInt, over denominator: BigUInt) -> BigUInt {
        let s = numerator.quotientAndRemainder(dividingBy: denominator).quotient.squareRoot()
        let twiceSPlusOne = s.doubled() + BigUInt(1)
        let midpoint = twiceSPlusOne * twiceSPlusOne * denominator
        let scaled = numerator.doubled().doubled()
        let order = scaled.compare(midpoint)
        let sIsOdd = (s.limbs.first ?? 0) & 1 == 1
        return order > 0 || (order == 0 && sIsOdd) ? s + BigUInt(1) : s
    }
}
