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

/// What a rounding step cut off, relative to half of one step.
///
/// Rounding needs only this summary of the discarded part, so wide divisions report it
/// instead of the remainder itself.
@usableFromInline
enum Discarded: UInt8, Sendable {
    case zero, belowHalf, half, aboveHalf

    /// Classifies `remainder / divisor` (with `remainder < divisor <= 2^127`).
    @inlinable
    init(remainder: UInt128, divisor: UInt128) {
        if remainder == 0 {
            self = .zero
        } else {
            // remainder < divisor <= 2^127, so doubling cannot wrap.
            let twice = remainder &<< 1
            self = twice < divisor ? .belowHalf : (twice == divisor ? .half : .aboveHalf)
        }
    }
}

extension RoundingMode {
    /// Whether a magnitude truncated toward zero must step one unit away from zero.
    @inlinable
    func stepsAwayFromZero(discarded: Discarded, quotientIsOdd: Bool, negative: Bool) -> Bool {
        switch self {
        case .down: false
        case .up: discarded != .zero
        case .floor: negative && discarded != .zero
        case .ceiling: !negative && discarded != .zero
        case .halfUp: discarded == .half || discarded == .aboveHalf
        case .halfEven: discarded == .aboveHalf || (discarded == .half && quotientIsOdd)
        }
    }
}
