/// Exact decimal text as an integer count of its last place: "3124.57" is 312457 at 2 places.
/// Every decimal the generator writes goes through this, so money is never a binary float.
struct DecimalText: Equatable, Sendable {
    /// The value in units of 10^-places.
    var units: Int64
    var places: Int

    /// The most places a field may have: 10^18 still fits in an Int64.
    static let maximumPlaces = 18

    /// Parses `-?digits(.digits)?`; nil for anything else (exponents, spaces, "+", "1.", ".5")
    /// and for values whose units do not fit in an Int64.
    static func parse(_ text: String) -> DecimalText? {
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var units: Int64 = 0
        var places = 0
        var seenPoint = false
        var digitsBefore = 0
        for byte in bytes {
            if byte == UInt8(ascii: "."), !seenPoint, digitsBefore > 0 {
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, o1) = units.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            units = plus
            if seenPoint { places += 1 } else { digitsBefore += 1 }
        }
        guard digitsBefore > 0, !(seenPoint && places == 0), places <= maximumPlaces else { return nil }
        return DecimalText(units: negative ? 0 &- units : units, places: places)
    }

    /// The same value at more places, or nil when it would lose digits or overflow.
    func rescaled(to target: Int) -> Int64? {
        guard target >= places, let factor = DecimalText.powerOfTen(target - places) else { return nil }
        let (result, overflow) = units.multipliedReportingOverflow(by: factor)
        return overflow ? nil : result
    }

    /// 10^n for 0...18, nil beyond.
    static func powerOfTen(_ n: Int) -> Int64? {
        guard n >= 0, n <= maximumPlaces else { return nil }
        var result: Int64 = 1
        for _ in 0..<n { result &*= 10 }
        return result
    }

    /// Appends `units` at `places` as decimal text ("-0.05", "3124.57", "7"), in place:
    /// this runs for every cell, so it reserves the digits and fills them from the right
    /// instead of building a temporary.
    static func append(units: Int64, places: Int, to out: inout [UInt8]) {
        if units < 0 { out.append(UInt8(ascii: "-")) }
        // The magnitude as UInt64, so that Int64.min has one.
        var magnitude = units.magnitude
        var digitCount = 1
        var probe = magnitude / 10
        while probe > 0 { digitCount += 1; probe /= 10 }
        digitCount = max(digitCount, places + 1)
        let length = places > 0 ? digitCount + 1 : digitCount
        let start = out.count
        for _ in 0..<length { out.append(UInt8(ascii: "0")) }
        var index = start + length - 1
        var written = 0
        while index >= start {
            if places > 0, written == places {
                out[index] = UInt8(ascii: ".")
            } else {
                out[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            written += 1
            index -= 1
        }
    }

    var text: String {
        var out: [UInt8] = []
        DecimalText.append(units: units, places: places, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
