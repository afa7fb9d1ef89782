// The speed benchmark of issue 11, evaluation only: the reference workload (overdue interest
// after 40 free days plus an installment fee, each rounded half-even to the cent) over
// 1,000,000 Park-Miller accounts generated in memory, through every Swift implementation.
// Each prints CPU nanoseconds per account (median of 5 runs) and its checksum, which must be
// exactly 2,753,163,484.08 CNY; a wrong checksum exits 1. Benchmarks/README.md has the peers.
//
//   swift build -c release --product SpeedBench && .build/release/SpeedBench
import Foundation
import Suanpan
import SuanpanChecker
import SuanpanColumnar
import SuanpanRuntime
import SuanpanValues

let accounts = 1_000_000
let expectedCents: Int64 = 275_316_348_408
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

// The accounts as columns, drawn in the order `suanpan generate` draws them
// (Examples/data/benchmark.spec.json): balance in cents, overdue days, installments.
// Constants, not variables, so the timed loops read them without exclusivity checks.
struct ParkMiller {
    var x: Int64 = 42
    mutating func next() -> Int64 { x = x * 48_271 % 2_147_483_647; return x }
}
func generate() -> (balances: [Int64], overdue: [Int64], installments: [Int64]) {
    var generator = ParkMiller()
    var b = [Int64](), d = [Int64](), n = [Int64]()
    for _ in 0..<accounts {
        b.append(generator.next() % 10_000_000)
        d.append(generator.next() % 120)
        n.append([1, 3, 6, 9, 12][Int(generator.next() % 5)])
    }
    return (b, d, n)
}
let (balances, overdue, installments) = generate()

/// CPU time of this process, so another process on the machine does not count.
func cpuNanoseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
}

/// `SpeedBench d` (or `a`, `b`, `c`) measures only those rows, for a profiler.
let only = CommandLine.arguments.dropFirst().joined()

/// Runs `body` 5 times and prints the median CPU time per account and the checksum (in cents).
func measure(_ name: String, _ body: () throws -> Int64) {
    if !only.isEmpty, let letter = name.dropFirst().first, !only.contains(letter) { return }
    var times: [Double] = []
    var cents: Int64 = 0
    for _ in 0..<5 {
        let start = cpuNanoseconds()
        do { cents = try body() } catch { print("\(name): failed: \(error)"); exit(1) }
        times.append(cpuNanoseconds() - start)
    }
    let median = times.sorted()[2] / Double(accounts)
    let checksum = FixedDecimal(units: Int128(cents) * 10_000_000_000_000_000).formatted(minFractionDigits: 2, grouping: true)
    print(name.padding(toLength: 64, withPad: " ", startingAt: 0), String(format: "%9.1f ns/account", median), " checksum", checksum)
    if cents != expectedCents {
        print("\(name): WRONG checksum \(checksum), expected 2,753,163,484.08")
        exit(1)
    }
}

/// n / d rounded half-even, for n ≥ 0 and d > 0: up when the remainder is above half the
/// divisor, or exactly half and the quotient odd. Flags combined with `|` and `&`, not `||`:
/// on random data the branches mispredict, and that alone made this loop 2.5× slower.
/// d is a constant at every call, so the division is a multiply and shift.
@inline(__always) func halfEven(_ n: Int64, _ d: Int64) -> Int64 {
    let q = n / d, r2 = (n - q * d) * 2
    let above: Int64 = r2 > d ? 1 : 0, tie: Int64 = r2 == d ? 1 : 0
    return q + (above | (tie & q))
}

print("Reference workload, \(accounts) accounts: CPU time per account, median of 5 runs")

// (a) The limit: Int64 cents, the rate (0.04% = 4/10,000) and the table (per mille) folded in.
let feePerMille: [Int64] = [0, 0, 0, 25, 0, 0, 45, 0, 0, 65, 0, 0, 88]
measure("(a) Swift, Int64 cents, rules folded by hand") {
    var total: Int64 = 0
    for i in 0..<accounts {
        let b = balances[i]
        total += halfEven(b * 4 * max(0, overdue[i] - 40), 10_000) + halfEven(b * feePerMille[Int(installments[i])], 1_000)
    }
    return total
}

// (b) The same rules in SuanpanValues' FixedDecimal (Int128 × 10^18), as Suanpan computes.
func decimal(_ text: String) -> FixedDecimal { (try? FixedDecimal.parse(text)) ?? .zero }
let cent = decimal("0.01"), rate = decimal("0.0004"), free = FixedDecimal(40)
var feeRates = [FixedDecimal](repeating: .zero, count: 13)
for (n, r) in [(3, "0.025"), (6, "0.045"), (9, "0.065"), (12, "0.088")] { feeRates[n] = decimal(r) }
let decimalBalances = balances.map { FixedDecimal(units: Int128($0) * 10_000_000_000_000_000) }
let decimalDays = overdue.map { FixedDecimal(Int($0)) }
/// A sum of cents back from FixedDecimal: exact, since every term was rounded to the cent.
func cents(_ d: FixedDecimal) -> Int64 { Int64(d.units / 10_000_000_000_000_000) }
measure("(b) Swift, FixedDecimal written by hand") {
    var total = FixedDecimal.zero
    for i in 0..<accounts {
        let b = decimalBalances[i]
        let days = max(.zero, try decimalDays[i].subtracting(free))
        let interest = try b.multiplied(by: rate).multiplied(by: days).rounded(toMultipleOf: cent, mode: .halfEven)
        let fee = try b.multiplied(by: feeRates[Int(installments[i])]).rounded(toMultipleOf: cent, mode: .halfEven)
        total = try total.adding(interest).adding(fee)
    }
    return cents(total)
}

// (c) Today's interpreter: Speed.revenue of workload.suan called once per account through the
// public API, with the records built before timing.
guard case .success(let (program, _)) = Program.load(paths: [here.appendingPathComponent("workload.suan").path]),
      let revenue = program.function(named: "Speed.revenue"),
      let accountType = program.checked.records["Account"],
      let cny = Currency.named("CNY") else {
    print("SpeedBench: Benchmarks/speed/workload.suan did not load")
    exit(1)
}
let records = !only.isEmpty && !only.contains("c") ? [] : (0..<accounts).map { i in
    Value.record(RecordValue(type: accountType, fields: [.money(decimalBalances[i], cny), .decimal(decimalDays[i]),
                                                         .decimal(FixedDecimal(Int(installments[i])))]))
}
measure("(c) Suanpan scalar: rules called per account through Program") {
    var total = FixedDecimal.zero
    for r in records {
        guard case .money(let m, _) = try program.call(revenue, [r]) else {
            print("SpeedBench: Speed.revenue did not return money"); exit(1)
        }
        total = try total.adding(m)
    }
    return cents(total)
}

// (d) The columnar executor: the same Speed.revenue compiled once into kernels over columns
// (SuanpanColumnar, what `suanpan run` uses for scenarios), run over batches of 4,096 accounts
// held as 64-bit scaled columns, as a population's batches arrive. The batches are sliced
// before timing, as the other rows' records and arrays are built before theirs.
let batchSize = 4_096
let batches: [Vector] = stride(from: 0, to: accounts, by: batchSize).map { start in
    let end = min(start + batchSize, accounts)
    return .record([.fixed(Array(balances[start..<end]), scale: 2), .fixed(Array(overdue[start..<end]), scale: 0),
                    .fixed(Array(installments[start..<end]), scale: 0)])
}
let kernel: ColumnFunction
do {
    kernel = try ColumnFunction(function: revenue, machine: program.machine)
} catch {
    print("SpeedBench: Speed.revenue does not compile to columns: \(error)")
    exit(1)
}
measure("(d) Suanpan columnar: Speed.revenue over batches of 4,096") {
    // Locals, so the loop does not check on each use that the main actor may read them.
    let kernel = kernel, batches = batches
    var total = FixedDecimal.zero
    for batch in batches {
        let result = try kernel.run([batch])
        total = try total.adding(result.sum(rows: batch.count))
    }
    return cents(total)
}
