// Turning values into text: the canonical form (`description`) that round-trips through
// `parse`, and a display form with a fixed number of fraction digits and digit grouping.
// Digits are written straight into the string's storage: reports print millions of amounts.

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
            // Round half-even to the displayed digits. magnitude <= 2^127 and the step adds at
            // most 10^18, so this stays far below 2^128.
            let exponent = FixedDecimal.scale &- maxDigits
            let (steps, rest) = PowersOfTen.dividing(magnitude, byPowerOf: exponent)
            let quantum = PowersOfTen.value(exponent)
            let discarded = Discarded(remainder: rest, divisor: quantum)
            let up = RoundingMode.halfEven.stepsAwayFromZero(discarded: discarded,
                                                            quotientIsOdd: steps._low & 1 == 1, negative: false)
            magnitude = (steps &+ (up ? 1 : 0)) &* quantum
        }
        let (integerPart, fractionUnits) = FixedDecimal.divideByScale(magnitude)
        let negative = units < 0 && magnitude != 0
        // At most 1 sign + 21 digits + 6 separators + 1 point + 18 digits = 47 bytes.
        return String(unsafeUninitializedCapacity: 64) { buffer in
            var count = 0
            if negative {
                buffer[0] = UInt8(ascii: "-")
                count = 1
            }
            count = FixedDecimal.writeDigits(of: integerPart, grouping: grouping, into: buffer, at: count)
            // All 18 fraction digits after the point, then keep as many as asked for.
            buffer[count] = UInt8(ascii: ".")
            var rest = fractionUnits
            var position = count &+ FixedDecimal.scale
            while position > count {
                buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                position &-= 1
            }
            var shown = maxDigits
            while shown > minDigits && buffer[count &+ shown] == UInt8(ascii: "0") { shown &-= 1 }
            return shown > 0 ? count &+ 1 &+ shown : count
        }
    }

    /// Writes the decimal digits of `value` (below 2^128 / 10^18) at `start`, optionally grouped
    /// by three with ','; returns the index after the last digit.
    static func writeDigits(of value: UInt128, grouping: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>,
                            at start: Int) -> Int {
        // value < 3.5e20: at most 21 digits, split as high (< 35) and low (19 digits) parts.
        let (high, lowPart) = PowersOfTen.dividing(value, byPowerOf: 19)
        var low = UInt64(truncatingIfNeeded: lowPart)
        var highDigits = UInt64(truncatingIfNeeded: high)
        // Digits in reverse order into a scratch area at the end of the buffer.
        let scratchEnd = buffer.count
        var cursor = scratchEnd
        var produced = 0
        func emit(_ digit: UInt64) {
            if grouping && produced > 0 && produced % 3 == 0 {
                cursor &-= 1
                buffer[cursor] = UInt8(ascii: ",")
            }
            cursor &-= 1
            buffer[cursor] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit)
            produced &+= 1
        }
        if highDigits == 0 {
            repeat {
                emit(low % 10)
                low /= 10
            } while low != 0
        } else {
            for _ in 0..<19 {
                emit(low % 10)
                low /= 10
            }
            repeat {
                emit(highDigits % 10)
                highDigits /= 10
            } while highDigits != 0
        }
        // Move them into place (the regions cannot overlap: start + 28 < 64 - 28).
        var end = start
        while cursor < scratchEnd {
            buffer[end] = buffer[cursor]
            end &+= 1
            cursor &+= 1
        }
        return end
    }
}
