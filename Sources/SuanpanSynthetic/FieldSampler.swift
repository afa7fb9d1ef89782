import SuanpanValues

/// Draws one field's values. Each field has its own xoshiro256** stream, seeded from the spec's
/// seed and the field's name, so changing one field's distribution (or adding a field) leaves
/// every other column as it was. Parkmiller fields instead share the one Park–Miller sequence,
/// taking draws in field order, as the reference workload defines.
struct FieldSampler {
    let kind: Kind
    var random: Xoshiro256
    /// The UTF-8 text of each choice value, encoded once.
    let texts: [[UInt8]]

    init(_ field: Synthetic.Field, seed: UInt64) {
        kind = field.kind
        var mix = SplitMix64(state: seed)
        random = Xoshiro256(seed: mix.next() ^ FieldSampler.fnv1a(field.name))
        switch field.kind {
        case .choice(let values, _), .parkmiller(_, .values(let values)): texts = values.map(FieldSampler.text)
        default: texts = []
        }
    }

    /// FNV-1a, 64-bit: a fixed hash of the name (Swift's Hasher is seeded per process).
    static func fnv1a(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func text(_ value: ChoiceValue) -> [UInt8] {
        switch value {
        case .text(let s): Array(s.utf8)
        case .integer(let n): Array(String(n).utf8)
        case .bool(let b): Array(String(b).utf8)
        case .null: []
        }
    }

    mutating func sample(row: Int64, parkMiller: inout ParkMiller?, into out: inout Row) {
        switch kind {
        case .sequence(let prefix, let width, let start):
            sequence(prefix: prefix, width: width, number: start &+ row, into: &out)
        case .uniform(let min, let max, let places):
            out.appendDecimal(units: random.next(in: min, max), places: places)
        case .lognormal(let median, let sigma, let min, let max, let places):
            // Floats only shape the distribution: the draw becomes a whole count of the last
            // place before anything is written, so the output is exact decimal text.
            let z = DeterministicMath.standardNormal(&random)
            let units = Double(median) * DeterministicMath.exp(sigma * z)
            out.appendDecimal(units: clamp(units, min, max), places: places)
        case .normal(let mean, let sd, let min, let max, let places):
            let z = DeterministicMath.standardNormal(&random)
            out.appendDecimal(units: clamp(Double(mean) + sd * z, min, max), places: places)
        case .choice(let values, let cumulative):
            let i = pick(count: values.count, cumulative: cumulative)
            out.append(values[i], text: texts[i])
        case .date(let from, let to):
            date(Int32(truncatingIfNeeded: random.next(in: Int64(from), Int64(to))), into: &out)
        case .bool(let threshold, let scale):
            out.cells.append(.bool(random.next(below: scale) < threshold))
        case .parkmiller(let modulus, let output):
            guard let x = parkMiller?.next() else { out.cells.append(.null); return }
            switch output {
            case .scaled(let places): out.appendDecimal(units: x % modulus, places: places)
            case .values(let values):
                let i = Int(x % modulus)
                out.append(values[i], text: texts[i])
            }
        }
    }

    /// Rounds to a whole count of units (ties to even) and clamps into min...max.
    func clamp(_ units: Double, _ min: Int64, _ max: Int64) -> Int64 {
        Swift.min(Swift.max(DeterministicMath.saturatingInt64(units), min), max)
    }

    /// An index into the values: uniform, or the first running weight total above a uniform
    /// draw below the total (a binary search, for long value lists).
    mutating func pick(count: Int, cumulative: [UInt64]?) -> Int {
        guard let cumulative, let total = cumulative.last else {
            return Int(random.next(below: UInt64(count)))
        }
        let r = random.next(below: total)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = low + (high - low) / 2
            if cumulative[mid] > r { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// prefix + the number zero-padded to width; a bare number stays an integer.
    func sequence(prefix: String, width: Int, number: Int64, into out: inout Row) {
        guard !prefix.isEmpty || width > 0 else { out.cells.append(.integer(number)); return }
        let start = out.bytes.count
        out.bytes.append(contentsOf: prefix.utf8)
        var digits = 1
        var rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        for _ in digits..<Swift.max(width, digits) { out.bytes.append(UInt8(ascii: "0")) }
        DecimalText.append(units: number, places: 0, to: &out.bytes)
        out.endText(from: start)
    }

    /// YYYY-MM-DD, written digit by digit rather than through a String per row.
    func date(_ day: Int32, into out: inout Row) {
        guard let date = CivilDate(dayNumber: day) else { out.cells.append(.null); return }
        let (y, m, d) = date.components
        let start = out.bytes.count
        FieldSampler.appendDigits(y, count: 4, to: &out.bytes)
        out.bytes.append(UInt8(ascii: "-"))
        FieldSampler.appendDigits(m, count: 2, to: &out.bytes)
        out.bytes.append(UInt8(ascii: "-"))
        FieldSampler.appendDigits(d, count: 2, to: &out.bytes)
        out.endText(from: start)
    }

    /// The last `count` digits of a non-negative value, zero-padded.
    static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / divisor % 10))
            divisor /= 10
        }
    }
}
