/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; the constants of Vigna's reference splitmix64.c). Used only to spread a seed
/// over xoshiro's 256 bits of state, as xoshiro's authors recommend.
struct SplitMix64: Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna, https://prng.di.unimi.it/xoshiro256starstar.c): a
/// 64-bit generator defined by shifts, rotations and wrapping multiplications only, so the
/// same seed gives the same sequence on every machine, unlike Foundation's system random.
struct Xoshiro256: Sendable {
    var s0, s1, s2, s3: UInt64

    init(seed: UInt64) {
        var mix = SplitMix64(state: seed)
        s0 = mix.next(); s1 = mix.next(); s2 = mix.next(); s3 = mix.next()
        // SplitMix64 is a bijection of a counter, so four zeros cannot follow each other;
        // xoshiro's only bad state is all zeros.
    }

    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in 0..<bound (bound > 0), without modulo bias: Lemire's
    /// multiply-and-reject ("Fast random integer generation in an interval", 2019).
    mutating func next(below bound: UInt64) -> UInt64 {
        var (high, low) = bound.multipliedFullWidth(by: next())
        if low < bound {
            let threshold = (0 &- bound) % bound
            while low < threshold {
                (high, low) = bound.multipliedFullWidth(by: next())
            }
        }
        return high
    }

    /// A uniform integer in lower...upper (lower ≤ upper), over the whole Int64 range if asked.
    mutating func next(in lower: Int64, _ upper: Int64) -> Int64 {
        // The width as UInt64 is exact for any lower ≤ upper in two's complement.
        let width = UInt64(bitPattern: upper &- lower)
        let offset = width == .max ? next() : next(below: width &+ 1)
        return lower &+ Int64(bitPattern: offset)
    }

    /// A Double uniform in [0, 1) from the top 53 bits, the standard conversion.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}

/// The Park–Miller "minimal standard" generator, x ← x·48271 mod (2³¹−1) (Park, Miller and
/// Stockmeyer's 1993 multiplier; C++'s minstd_rand). Suanpan's reference benchmark workload is
/// defined by it, so it is kept draw for draw rather than replaced by a better generator.
struct ParkMiller: Sendable {
    static let modulus: Int64 = 2_147_483_647
    static let multiplier: Int64 = 48_271
    var state: Int64

    /// nil for seeds that are multiples of 2³¹−1, from which the sequence is stuck at 0.
    init?(seed: UInt64) {
        let start = Int64(seed % UInt64(ParkMiller.modulus))
        guard start != 0 else { return nil }
        state = start
    }

    /// The next x; the state stays in 1..<2³¹−1 so the product fits in 62 bits.
    mutating func next() -> Int64 {
        state = state &* ParkMiller.multiplier % ParkMiller.modulus
        return state
    }
}
