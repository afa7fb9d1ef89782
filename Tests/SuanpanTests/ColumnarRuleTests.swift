import Foundation
import XCTest
import Suanpan
import SuanpanChecker
import SuanpanColumnar
import SuanpanRuntime
import SuanpanValues

/// Every rule and table of every example, called over a batch of random accounts through
/// the columns and once per account through the interpreter: the same value for every
/// account, or, when the columns leave the batch, an error the interpreter meets too.
final class ColumnarRuleTests: XCTestCase {
    struct Generator {
        var x: UInt64 = 0xC0FFEE
        mutating func next(_ n: Int) -> Int {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int((x >> 33) % UInt64(max(n, 1)))
        }
    }

    /// A random value of a type, in the ranges products use; nil for types the columns do
    /// not take as arguments.
    static func value(_ t: SType, _ g: inout Generator) -> Value? {
        func decimal(_ units: Int, _ digits: Int) -> FixedDecimal {
            FixedDecimal(units: Int128(units) * Int128(pow10(18 - digits)))
        }
        switch t {
        case .int: return .decimal(FixedDecimal(g.pick([0, 1, 3, 6, 9, 12, 24, 30, 90, 365, 650, 720, g.next(1000)])))
        case .number: return .decimal(decimal(g.next(3_000_000) - 500_000, 4))
        case .percent, .rate: return .decimal(decimal(g.next(250), 4))
        case .duration: return .decimal(FixedDecimal(g.next(400)))
        case .money(let code?):
            guard let c = Currency.named(code) else { return nil }
            return .money(decimal(g.next(20_000_000) - (g.next(10) == 0 ? 1_000_000 : 0), 2), c)
        case .bool: return .bool(g.next(2) == 0)
        case .string: return .string(g.pick(["350-549", "550-599", "600-649", "650-699", "700-950", "A", "B", "C", "x"]))
        case .date: return CivilDate(year: 2020 + g.next(3), month: 1 + g.next(12), day: 1 + g.next(28)).map(Value.date)
        case .record(let r):
            var fields: [Value] = []
            for f in r.fields {
                guard let v = value(f.type, &g) else { return nil }
                fields.append(v)
            }
            return .record(RecordValue(type: r, fields: fields))
        default: return nil
        }
    }

    static func pow10(_ k: Int) -> Int { (0..<k).reduce(1) { p, _ in p * 10 } }

    /// A batch's column of one argument, as the population reader would give it.
    static func vector(_ values: [Value]) -> Vector? {
        guard let first = values.first else { return nil }
        switch first {
        case .decimal, .money:
            var ds: [FixedDecimal] = []
            for v in values {
                switch v {
                case .decimal(let d), .money(let d, _): ds.append(d)
                default: return nil
                }
            }
            return Vector(column: .decimals(ds))
        case .bool: return .bools(values.compactMap { if case .bool(let b) = $0 { b } else { nil } })
        case .string: return .strings(values.compactMap { if case .string(let s) = $0 { s } else { nil } })
        case .date: return .dates(values.compactMap { if case .date(let d) = $0 { d } else { nil } })
        case .record(let r):
            var fields: [Vector] = []
            for f in r.fields.indices {
                guard let v = vector(values.map { if case .record(let x) = $0 { x.fields[f] } else { $0 } }) else { return nil }
                fields.append(v)
            }
            return .record(fields)
        default: return nil
        }
    }

    /// Whether the column's row `i` is the interpreter's value.
    static func same(_ v: Vector, _ i: Int, _ expected: Value) -> Bool {
        switch expected {
        case .decimal(let d), .money(let d, _): return v.decimal(at: i) == d
        case .bool(let b): if case .bool(let x)? = v.value(at: i) { return x == b } else { return false }
        case .string(let s): if case .string(let x)? = v.value(at: i) { return x == s } else { return false }
        case .date(let d): if case .date(let x)? = v.value(at: i) { return x == d } else { return false }
        case .record(let r):
            guard let fields = v.fields, fields.count == r.fields.count else { return false }
            return zip(fields, r.fields).allSatisfy { same($0, i, $1) }
        default: return false
        }
    }

    func testEveryExampleRuleGivesTheInterpretersValues() throws {
        let examples = ColumnarDifferentialTests.root.appendingPathComponent("Examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".suan") }.sorted()
        var g = Generator()
        var compared = 0, onColumns = 0
        let rows = 300
        for name in names {
            guard case .success(let (program, _)) = Program.load(paths: [examples.appendingPathComponent(name).path]) else { continue }
            for (index, def) in program.checked.functions.enumerated() where !def.parameters.isEmpty && !def.qualifiedName.contains(".step") {
                guard let kernel = try? ColumnFunction(function: index, machine: program.machine) else { continue }
                var arguments: [[Value]] = []
                for _ in 0..<rows {
                    let row = def.parameters.compactMap { Self.value($0.type, &g) }
                    guard row.count == def.parameters.count else { break }
                    arguments.append(row)
                }
                guard arguments.count == rows else { continue }
                let columns = def.parameters.indices.compactMap { p in Self.vector(arguments.map { $0[p] }) }
                guard columns.count == def.parameters.count else { continue }
                var expected: [Value?] = []
                for row in arguments { expected.append(try? program.call(index, row)) }
                compared += 1
                do throws(Bail) {
                    let result = try kernel.run(columns)
                    onColumns += 1
                    for (i, e) in expected.enumerated() {
                        guard let e else {
                            XCTFail("\(name): \(def.qualifiedName) row \(i): the interpreter fails, the columns give a value")
                            break
                        }
                        if !Self.same(result, i, e) {
                            XCTFail("\(name): \(def.qualifiedName) row \(i) \(arguments[i]): columns differ from \(e)")
                            break
                        }
                    }
                } catch {
                    // The columns left the batch: the interpreter must fail on some account of it.
                    XCTAssertTrue(expected.contains { $0 == nil }, "\(name): \(def.qualifiedName) left the columns, but every account has a value")
                }
            }
        }
        XCTAssertGreaterThan(compared, 40, "rules compared")
        XCTAssertGreaterThan(onColumns, compared / 2, "\(onColumns) of \(compared) ran over columns")
    }
}

extension ColumnarRuleTests.Generator {
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}
