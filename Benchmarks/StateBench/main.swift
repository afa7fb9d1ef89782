// The four running-state examples over 1,000,000 items each, through the public
// API (`fold` and `scan` in Examples/*.suan), next to the same arithmetic written
// directly in Swift with FixedDecimal. Both columns must reach the same result.
//
//   swift build -c release --product StateBench && .build/release/StateBench [items]
import Foundation
import Suanpan
import SuanpanChecker
import SuanpanRuntime
import SuanpanValues

let items = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let examples = ["alipay", "yuebao", "jiebei"].map { root.appendingPathComponent("Examples/\($0).suan").path }

guard case .success(let (program, _)) = Program.load(paths: examples),
      let withdrawalFees = program.function(named: "Alipay.withdrawal_fees"),
      let repaymentFees = program.function(named: "Alipay.repayment_fees"),
      let holdingAfter = program.function(named: "YuEBao.holding_after"),
      let balances = program.function(named: "Jiebei.balances"),
      let repaymentType = program.checked.records["Repayment"],
      let cny = Currency.named("CNY") else {
    print("StateBench: the examples did not load")
    exit(1)
}

/// A deterministic sequence of pseudo-random numbers.
struct Generator {
    var seed: UInt64 = 42
    mutating func next(_ bound: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(bound))
    }
}

func cents(_ n: Int) -> FixedDecimal { FixedDecimal(units: Int128(n) * 10_000_000_000_000_000) }
func parse(_ s: String) -> FixedDecimal { (try? FixedDecimal.parse(s)) ?? .zero }
let cent = parse("0.01")

var generator = Generator()
let withdrawals = (0..<items).map { _ in cents(generator.next(500_000) + 1) }           // 0.01 … 5,000.00 CNY
guard let start = CivilDate(year: 2000, month: 1, day: 1) else { exit(1) }
let repayments = (0..<items).map { i in (date: (try? start.adding(days: i / 20)) ?? start, amount: cents(generator.next(300_000) + 1)) }
// 万份收益 from −1.9999 to 1.9999: over a million days a holding with only positive
// income would outgrow any decimal (it compounds for 2,700 years), so this one wanders.
let yields = (0..<items).map { _ in FixedDecimal(units: Int128(generator.next(40_000) - 19_999) * 100_000_000_000_000) }

func measure(_ name: String, suanpan: () throws -> Value, swift: () throws -> FixedDecimal, show: (Value) -> FixedDecimal?) {
    func best(_ body: () throws -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<3 {
            let t = DispatchTime.now().uptimeNanoseconds
            do { try body() } catch { print("  failed: \(error)"); return .nan }
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - t))
        }
        return fastest
    }
    var a: Value = .bool(false), b = FixedDecimal.zero
    let ta = best { a = try suanpan() }, tb = best { b = try swift() }
    let agree = show(a) == b ? "same result" : "DIFFERENT: \(show(a).map { "\($0)" } ?? "?") vs \(b)"
    print(name.padding(toLength: 36, withPad: " ", startingAt: 0),
          String(format: "suanpan %7.1f ns/item   Swift %6.1f ns/item   ", ta / Double(items), tb / Double(items)) + agree)
}

func money(_ v: Value) -> FixedDecimal? { if case .money(let d, _) = v { return d } else { return nil } }
/// The sum of a list of money: every state of a scan counts in the comparison.
func totalMoney(_ v: Value) -> FixedDecimal? {
    guard case .list(let xs) = v else { return nil }
    var total = FixedDecimal.zero
    for x in xs { guard let m = money(x), let t = try? total.adding(m) else { return nil }; total = t }
    return total
}

print("Running state over \(items) items: fold and scan in Examples/*.suan against hand-written Swift")

let amounts = Value.list(withdrawals.map { .money($0, cny) })
measure("Alipay withdrawals, lifetime quota", suanpan: { try program.call(withdrawalFees, [amounts]) }, swift: {
    var left = FixedDecimal(20_000), fees = FixedDecimal.zero
    let rate = parse("0.001"), minimum = parse("0.10")
    for a in withdrawals {
        let chargeable = max(.zero, try a.subtracting(left))
        if chargeable != .zero { fees = try fees.adding(max(minimum, try chargeable.multiplied(by: rate).rounded(toMultipleOf: cent, mode: .halfUp))) }
        left = max(.zero, try left.subtracting(a))
    }
    return fees
}, show: money)

let history = Value.list(repayments.map { .record(RecordValue(type: repaymentType, fields: [.date($0.date), .money($0.amount, cny)])) })
measure("card repayments, 2,000 CNY a month", suanpan: { try program.call(repaymentFees, [history]) }, swift: {
    var month = (0, 0), free = FixedDecimal.zero, fees = FixedDecimal.zero
    let rate = parse("0.001"), quota = FixedDecimal(2_000)
    for r in repayments {
        if (r.date.year, r.date.month) != month { month = (r.date.year, r.date.month); free = quota }
        fees = try fees.adding(try max(.zero, try r.amount.subtracting(free)).multiplied(by: rate).rounded(toMultipleOf: cent, mode: .halfUp))
        free = max(.zero, try free.subtracting(r.amount))
    }
    return fees
}, show: money)

let series = Value.list(yields.map { .decimal($0) })
measure("Yu'e Bao holding, income reinvested", suanpan: { try program.call(holdingAfter, [.money(FixedDecimal(10_000), cny), series]) }, swift: {
    var h = FixedDecimal(10_000)
    for r in yields { h = try h.adding(try h.multiplied(by: r).divided(by: FixedDecimal(10_000)).rounded(toMultipleOf: cent, mode: .down)) }
    return h
}, show: money)

// A million monthly periods at 1.2% would compound past any decimal; at 0.000001% a day
// (0.00003% a month) a 100,000,000 CNY loan over a million periods pays about 115.7 CNY a period.
let tiny = program.setParameter("Jiebei.daily_rate=0.000001%/day")
if !tiny.isEmpty { print("StateBench: \(tiny)") }
measure("Jiebei balance, period by period", suanpan: { try program.call(balances, [.money(FixedDecimal(100_000_000), cny), .decimal(FixedDecimal(items))]) }, swift: {
    guard case .money(let payment, _) = try program.call(program.function(named: "Jiebei.monthly_payment") ?? 0,
                                                          [.money(FixedDecimal(100_000_000), cny), .decimal(FixedDecimal(items))]) else { return .zero }
    var b = FixedDecimal(100_000_000), total = FixedDecimal.zero
    let rate = parse("0.0000003")
    for k in 1...items {
        b = k == items ? .zero : try b.subtracting(try payment.subtracting(try b.multiplied(by: rate).rounded(toMultipleOf: cent, mode: .halfUp)))
        total = try total.adding(b)
    }
    return total
}, show: totalMoney)
