// Evaluates Huabei's rules over synthetic accounts through the public API and
// prints nanoseconds per account, next to the same arithmetic written directly
// in Swift with FixedDecimal (the floor the interpreter is measured against).
//
//   swift run -c release RuleBench [accounts]      (default 1,000,000)
import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanValues

let accounts = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

guard case .success(let (program, _)) = Program.load(paths: [root.appendingPathComponent("Examples/huabei.suan").path]),
      let overdue = program.function(named: "Huabei.overdue_interest"),
      let fee = program.function(named: "Huabei.fee"),
      let billType = program.checked.records["Bill"],
      let cny = Currency.named("CNY") else {
    print("RuleBench: Examples/huabei.suan did not load")
    exit(1)
}

/// A deterministic population: amounts 1.00…20,000.00 CNY, 0…59 days late.
struct Generator {
    var seed: UInt64 = 42
    mutating func next() -> UInt64 {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return seed >> 33
    }
}
var generator = Generator()
var bills: [(amount: FixedDecimal, paid: FixedDecimal, late: Int, periods: Int)] = []
for _ in 0..<accounts {
    let cents = Int(generator.next() % 2_000_000) + 100
    let amount = FixedDecimal(units: Int128(cents) * 10_000_000_000_000_000)
    bills.append((amount, .zero, Int(generator.next() % 60), [3, 6, 9, 12][Int(generator.next() % 4)]))
}

func measure(_ name: String, _ body: () throws -> FixedDecimal) rethrows {
    var best = Double.infinity
    var total = FixedDecimal.zero
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        total = try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
    }
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0),
          String(format: "%8.1f ns/account", best / Double(accounts)), " total", total.formatted(minFractionDigits: 2, grouping: true), "CNY")
}

print("Huabei overdue interest + installment fee, \(accounts) accounts")
try measure("suanpan (compiled rules)") {
    var total = FixedDecimal.zero
    for b in bills {
        let bill = Value.record(RecordValue(type: billType, fields: [.money(b.amount, cny), .money(b.paid, cny), .decimal(FixedDecimal(b.late))]))
        guard case .money(let i, _) = try program.call(overdue, [bill]),
              case .money(let f, _) = try program.call(fee, [.money(b.amount, cny), .decimal(FixedDecimal(b.periods))]) else { continue }
        total = try total.adding(i).adding(f)
    }
    return total
}
let rate = try FixedDecimal.parse("0.0005")
let table: [Int: FixedDecimal] = try [3: .parse("0.025"), 6: .parse("0.045"), 9: .parse("0.065"), 12: .parse("0.088")]
let cent = try FixedDecimal.parse("0.01")
try measure("hand-written Swift, FixedDecimal") {
    var total = FixedDecimal.zero
    for b in bills {
        let interest = try b.amount.subtracting(b.paid).multiplied(by: rate).multiplied(by: FixedDecimal(b.late))
            .rounded(toMultipleOf: cent, mode: .halfUp)
        let f = try b.amount.multiplied(by: table[b.periods] ?? .zero).rounded(toMultipleOf: cent, mode: .halfEven)
        total = try total.adding(interest).adding(f)
    }
    return total
}
