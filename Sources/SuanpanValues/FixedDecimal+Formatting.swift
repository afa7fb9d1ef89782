// Turning values into text: the canonical form (`description`) that round-trips through
// `parse`, and a display form with a fixed number of fraction digits and digit grouping.

extension FixedDecimal {
    /// The canonical, minimal text: no trailing fraction zeros, no point for integers,
    /// no sign for zero. Examples: "1200", "0.146", "-3.5", "0". `parse` reads it back exactly.
    public var description: String {
        formatted(minFractionDigits: 0, maxFractionDigits: FixedDecimal.scale, grouping: false)
    }

    /// Display text with between `minFractionDigits` and `maxFractionDigits` fraction digits.
    ///
    /// A value with more than `maxFractionDigits` digits is rounded half-even for display only;
    /// trailing zeros are dropped down to `minFractionDigits`. With `grouping`, a ',' separates
    /// every three integer digits ("1,200.00"). A value that displays as zero has no sign.
    /// Arguments are clamped to 0...18, and `maxFractionDigits` is raised to `minFractionDigits`.
    public func formatted(minFractionDigits: Int = 0, maxFractionDigits: Int = 18, grouping: Bool = false) -> String {
        let minDigits = Swift.min(Swift.max(minFractionDigits, 0), FixedDecimal.scale)
        let maxDigits = Swift.max(Swift.min(Swift.max(maxFractionDigits, 0), FixedDecimal.scale), minDigits)
        var magnitude = units.magnitude
        if maxDigits < FixedDecimal.scale {
            // Round half-even to the displayed digits. magnitude <= 2^127 and the step adds
            // less than 10^18, so this stays far below 2^128.
            let quantum = FixedDecimal.powerOfTen(FixedDecimal.scale &- maxDigits)
            let (steps, rest) = PowersOfTen.dividing(magnitude, byPowerOf: FixedDecimal.scale &- maxDigits)
            let discarded = Discarded(remainder: rest, divisor: quantum)
            let up = RoundingMode.halfEven.stepsAwayFromZero(discarded: discarded,
                                                            quotientIsOdd: steps._low & 1 == 1, negative: false)
            magnitude = (steps &+ (up ? 1 : 0)) &* quantum
        }
        let (integerPart, fractionUnits) = FixedDecimal.divideByScale(magnitude)

        var text: [UInt8] = []
        text.reserveCapacity(48)
        if units < 0 && magnitude != 0 { text.append(UInt8(ascii: "-")) }
        FixedDecimal.appendDigits(of: integerPart, grouping: grouping, to: &text)

        // The 18 fraction digits, most significant first, then trimmed.
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: FixedDecimal.scale)
        var rest = fractionUnits
        var position = FixedDecimal.scale
        while position > 0 {
            position &-= 1
            digits[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        var count = maxDigits
        while count > minDigits && digits[count &- 1] == UInt8(ascii: "0") { count &-= 1 }
        if count > 0 {
            text.append(UInt8(ascii: "."))
            text.append(contentsOf: digits[0..<count])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the decimal digits of `value`, optionally grouped by three with ','.
    static func appendDigits(of value: UInt128, grouping: Bool, to text: inout [UInt8]) {
        var reversed: [UInt8] = []
        reversed.reserveCapacity(52)
        var rest = value
        var produced = 0
        repeat {
            // Peel 19 digits at a time with one wide division, then work in 64 bits.
            let (q, chunk) = divide(rest, by: 10_000_000_000_000_000_000)
            rest = q
            var small = chunk
            let last = rest == 0
            var inChunk = 0
            while inChunk < 19 && (!last || small != 0 || inChunk == 0) {
                if grouping && produced > 0 && produced % 3 == 0 { reversed.append(UInt8(ascii: ",")) }
                reversed.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: small % 10))
                small /= 10
                produced &+= 1
                inChunk &+= 1
            }
        } while rest != 0
        text.append(contentsOf: reversed.reversed())
    }
}
