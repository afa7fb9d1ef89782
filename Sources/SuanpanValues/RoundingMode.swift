/// How to choose between the two representable neighbours of a value that has too many digits.
///
/// Raw values are the spellings used in product files (`half_up`, `half_even`, ...).
public enum RoundingMode: String, CaseIterable, Sendable {
    /// To the nearest neighbour; ties away from zero (commercial rounding).
    case halfUp = "half_up"
    /// To the nearest neighbour; ties to the even neighbour (banker's rounding).
    case halfEven = "half_even"
    /// Toward zero (truncation).
    case down
    /// Away from zero.
    case up
    /// Toward negative infinity.
    case floor
    /// Toward positive infinity.
    case ceiling
}

/// What a rounding step cut off, relative to half of one step: zero, below half, exactly
/// half, or above half (codes 0...3).
///
/// Rounding needs only this summary of the discarded part, so wide divisions report it instead
/// of the remainder itself. It is a code rather than an enum so that it can be computed and
/// used without branches: with random data, a branch on "above or below half" mispredicts half
/// of the time, which costs more than the arithmetic of a rounding.
@usableFromInline
struct Discarded: Equatable, Sendable {
    @usableFromInline var code: UInt8

    @inlinable init(code: UInt8) { self.code = code }

    @inlinable static var zero: Discarded { Discarded(code: 0) }
    @inlinable static var belowHalf: Discarded { Discarded(code: 1) }
    @inlinable static var half: Discarded { Discarded(code: 2) }
    @inlinable static var aboveHalf: Discarded { Discarded(code: 3) }

    /// Classifies `remainder / divisor` (with `remainder < divisor`).
    @inlinable @inline(__always)
    init(remainder: UInt128, divisor: UInt128) {
        // Compare the remainder with what is left to the divisor instead of doubling it, so any
        // 128-bit divisor works.
        let complement = divisor &- remainder
        code = (remainder != 0 ? 1 : 0) &+ (remainder >= complement ? 1 : 0) &+ (remainder > complement ? 1 : 0)
    }

    /// Summarises `(rest + f) / quantum`, where `rest < quantum` is a remainder in units and
    /// `f < 1` is a sub-unit part summarised by `below`: rounding a value that was itself
    /// already cut at the unit, without rounding twice.
    @inlinable
    init(rest: UInt128, quantum: UInt128, below: Discarded) {
        if rest == 0 && below == .zero {
            self = .zero
            return
        }
        let twice = rest &<< 1  // rest < quantum <= 2^127: cannot wrap
        if twice > quantum {
            self = .aboveHalf
        } else if twice == quantum {
            self = below == .zero ? .half : .aboveHalf
        } else if twice &+ 1 == quantum {
            // 2(rest + f) against 2·rest + 1: decided by f against one half.
            self = below == .zero ? .belowHalf : below
        } else {
            self = .belowHalf
        }
    }
}

extension RoundingMode {
    /// Whether a magnitude truncated toward zero must step one unit away from zero.
    ///
    /// The discarded part is given as the ratio `scaled / fourQuanta`: with `rest` the remainder
    /// in units of a quantum `Q` and `below` the sub-unit part, `scaled = 8·rest + 2·below.code`
    /// and `fourQuanta = 4·Q`. Both are even, ties are exactly `scaled == fourQuanta`, and
    /// every mode is a comparison: no data-dependent branch.
    @inlinable @inline(__always)
    func stepsAwayFromZero(scaled: UInt64, fourQuanta: UInt64, quotientIsOdd: Bool, negative: Bool) -> Bool {
        let nonzero = scaled != 0
        switch self {
        case .down: return false
        case .up: return nonzero
        case .floor: return negative && nonzero
        case .ceiling: return !negative && nonzero
        case .halfUp: return scaled >= fourQuanta
        case .halfEven: return scaled &+ (quotientIsOdd ? 1 : 0) > fourQuanta
        }
    }

    /// Whether a magnitude truncated toward zero must step one unit away from zero, given what
    /// was cut off below that unit.
    @inlinable @inline(__always)
    func stepsAwayFromZero(discarded: Discarded, quotientIsOdd: Bool, negative: Bool) -> Bool {
        stepsAwayFromZero(scaled: UInt64(discarded.code) &<< 1, fourQuanta: 4,
                          quotientIsOdd: quotientIsOdd, negative: negative)
    }
}

extension RoundingMode {
    /// The mode a spreadsheet's or a programming language's rounding function rounds
    /// in (`floor(x)`, `ceil(x)`, `trunc(x)`, `ROUNDUP`), for a hint that writes it as
    /// Suanpan's `round` or `int` with that mode; a mode's own name called as a function too.
    public static func ofFunction(named name: String) -> RoundingMode? {
        let key = name.lowercased()
        if let mode = RoundingMode(rawValue: key) { return mode }
        return functionNames[key]
    }

    private static let functionNames: [String: RoundingMode] = [
        "ceil": .ceiling, "trunc": .down, "truncate": .down, "fix": .down,
        "roundup": .up, "round_up": .up, "rounddown": .down, "round_down": .down,
        "round_half_up": .halfUp, "round_half_even": .halfEven,
    ]
}
