// Micro-benchmarks of FixedDecimal's hot operations, in nanoseconds per operation.
//
// Build and run (release, one core is enough):
//   swift build -c release --scratch-path .build-values --product DecimalBench
//   .build-values/release/DecimalBench            # all lines
//   .build-values/release/DecimalBench multiply   # only lines whose name contains "multiply"
//
// Each line gives the fastest and the median of 15 runs over arrays of deterministic pseudo-random inputs
// shaped like the workload: amounts with cents up to 100,000, rates with up to 6 digits,
// divisors 1 + rate. Results are folded into a checksum that is printed, so the optimizer
// cannot drop the work. Loop and load overhead is included (about 0.3-0.5 ns per element).

import SuanpanValues

/// SplitMix64: deterministic inputs, identical on every run.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` 15 times and reports the fastest and the median time per operation. The
/// fastest run is the better estimate on a shared machine, where other work only adds time.
func measure(_ name: String, operations: Int, filter: String?, checksum: inout Int128,
             _ body: () throws(ArithmeticError) -> Int128) throws(ArithmeticError) {
    if let filter, !name.contains(filter) { return }
    var samples: [Double] = []
    for _ in 0..<15 {
        let clock = ContinuousClock()
        let start = clock.now
        checksum &+= try body()
        let elapsed = start.duration(to: clock.now)
        let (seconds, attoseconds) = elapsed.components
        let nanoseconds = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
        samples.append(nanoseconds / Double(operations))
    }
    samples.sort()
    func text(_ value: Double) -> String {
        let figure = String(Double(Int(value * 100 + 0.5)) / 100)
        return String(repeating: " ", count: max(0, 8 - figure.count)) + figure
    }
    let padded = name + String(repeating: " ", count: max(0, 48 - name.count))
    print("\(padded)\(text(samples[0]))\(text(samples[samples.count / 2]))")
}

/// All inputs are locals of this nonisolated function, so the loops read plain buffers
/// (top-level globals would add actor-isolation checks and reference counting per element).
func runBenchmarks(filter: String?) {
    var checksum: Int128 = 0
    let count = 1 << 18
    var generator = Generator(state: 2026)
    let centUnits: Int128 = 10_000_000_000_000_000
    let rateStep: Int128 = 1_000_000_000_000          // 0.000001
    let amounts = (0..<count).map { _ in FixedDecimal(units: Int128(generator.next() % 10_000_000 + 1) * centUnits) }
    let otherAmounts = (0..<count).map { _ in FixedDecimal(units: Int128(generator.next() % 10_000_000 + 1) * centUnits) }
    let rates = (0..<count).map { _ in FixedDecimal(units: Int128(generator.next() % 200_000 + 1) * rateStep) }
    let growth = rates.map { FixedDecimal(units: $0.units + 1_000_000_000_000_000_000) }   // 1 + rate
    let smallCount = 1 << 16
    let bases = (0..<smallCount).map { _ in FixedDecimal(units: Int128(generator.next() % 10_000 + 1) * rateStep + 1_000_000_000_000_000_000) }
    let cent = FixedDecimal(units: centUnits)
    let days = FixedDecimal(365)
    let week = FixedDecimal(7)

    print("operation" + String(repeating: " ", count: 39) + "  best  median   (ns/op)")
    do {
        let exponent = try days.divided(by: week)   // 365/7, as in the Yu'e Bao 7-day yield
        let twelve = FixedDecimal(12)

        try measure("add (amount + amount)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try amounts[i].adding(otherAmounts[i]).units }
            return sum
        }
        try measure("subtract (amount - amount)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try amounts[i].subtracting(otherAmounts[i]).units }
            return sum
        }
        try measure("multiply (rate x (1 + rate), 64-bit path)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try rates[i].multiplied(by: growth[i]).units }
            return sum
        }
        try measure("multiply (amount x rate)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try amounts[i].multiplied(by: rates[i]).units }
            return sum
        }
        try measure("multiply (amount x amount, 256-bit path)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try amounts[i].multiplied(by: otherAmounts[i]).units }
            return sum
        }
        try measure("multiply, then round to cents half-even", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count {
                sum &+= try amounts[i].multiplied(by: rates[i]).rounded(toMultipleOf: cent, mode: .halfEven).units
            }
            return sum
        }
        try measure("multiply rounded to cents (fused, one rounding)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count {
                sum &+= try amounts[i].multiplied(by: rates[i], roundedToMultipleOf: cent, mode: .halfEven).units
            }
            return sum
        }
        let cents = try FixedDecimal.Rounding(quantum: cent, mode: .halfEven)
        try measure("multiply rounded to cents (prepared Rounding)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try cents.product(amounts[i], rates[i]).units }
            return sum
        }
        try measure("round to cents half-even (prepared Rounding)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try cents.apply(to: growth[i]).units }
            return sum
        }
        try measure("round to cents half-even (alone)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try growth[i].rounded(toMultipleOf: cent, mode: .halfEven).units }
            return sum
        }
        try measure("divide (amount / (1 + rate))", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try amounts[i].divided(by: growth[i]).units }
            return sum
        }
        try measure("divide (rate / 7)", operations: count, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<count { sum &+= try rates[i].divided(by: week).units }
            return sum
        }
        try measure("power, fractional exponent (x^(365/7))", operations: smallCount, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<smallCount { sum &+= try bases[i].power(exponent).units }
            return sum
        }
        try measure("power, integer exponent ((1 + r)^12, exact)", operations: smallCount, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<smallCount { sum &+= try bases[i].power(twelve).units }
            return sum
        }
        try measure("power, integer exponent ((1 + r)^365, exact)", operations: smallCount / 16, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<(smallCount / 16) { sum &+= try bases[i].power(days).units }
            return sum
        }
        try measure("ln", operations: smallCount, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<smallCount { sum &+= try bases[i].ln().units }
            return sum
        }
        try measure("exp", operations: smallCount, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<smallCount { sum &+= try rates[i].exp().units }
            return sum
        }
        try measure("squareRoot", operations: smallCount, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<smallCount { sum &+= try amounts[i].squareRoot().units }
            return sum
        }
        try measure("parse (\"12345.67\")", operations: smallCount, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            let text: Substring = "12345.67"
            for _ in 0..<smallCount { sum &+= try FixedDecimal.parse(text).units }
            return sum
        }
        try measure("description", operations: smallCount, filter: filter, checksum: &checksum) { () throws(ArithmeticError) in
            var sum: Int128 = 0
            for i in 0..<smallCount { sum &+= Int128(amounts[i].description.utf8.count) }
            return sum
        }
        print("checksum \(checksum)")
    } catch {
        print("benchmark failed: \(error)")
    }
}

/// Optional filter: `DecimalBench round` runs only the lines whose name contains "round".
runBenchmarks(filter: CommandLine.arguments.dropFirst().first)
