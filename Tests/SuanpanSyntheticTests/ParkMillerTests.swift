import Foundation
import XCTest
@testable import SuanpanSynthetic

final class ParkMillerTests: SyntheticTestCase {
    /// The reference workload written out by hand, apart from the generator's code: three
    /// draws per account, in this order, from x₀ = 42.
    static func reference(accounts: Int) -> [(balance: String, overdue: Int, installments: Int)] {
        var x: Int64 = 42
        func draw() -> Int64 {
            x = (x * 48271) % 2147483647
            return x
        }
        var out: [(String, Int, Int)] = []
        for _ in 0..<accounts {
            let cents = draw() % 10_000_000
            let balance = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
            let overdue = Int(draw() % 120)
            let installments = [1, 3, 6, 9, 12][Int(draw() % 5)]
            out.append((balance, overdue, installments))
        }
        return out
    }

    func testTheFirstDrawsAreMinstdRand() {
        // std::minstd_rand seeded with 42 starts 2027382, 1226992407, 551494037.
        var generator = ParkMiller(seed: 42)
        XCTAssertEqual(generator?.next(), 2_027_382)
        XCTAssertEqual(generator?.next(), 1_226_992_407)
        XCTAssertEqual(generator?.next(), 551_494_037)
    }

    func testTheBenchmarkSpecReproducesTheReference() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/data/benchmark.spec.json").standardized
        let benchmark = try Synthetic.Spec.parse(json: try Data(contentsOf: url))
        let lines = try csv(benchmark, rows: 1_000).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "balance,overdue_days,installments")
        let expected = Self.reference(accounts: 1_000).map { "\($0.balance),\($0.overdue),\($0.installments)" }
        XCTAssertEqual(Array(lines.dropFirst()), expected)
        // 2027382 → 20273.82; 1226992407 mod 120 = 87; 551494037 mod 5 = 2 → 6.
        XCTAssertEqual(lines[1], "20273.82,87,6")
    }

    /// Other kinds mixed in between take no Park–Miller draws.
    func testOtherFieldsDoNotDisturbTheParkMillerOrder() throws {
        let mixed = try spec(rows: 50, #"""
            {"name": "id", "kind": "sequence"},
            {"name": "balance", "kind": "parkmiller", "mod": 10000000, "scale": 2},
            {"name": "noise", "kind": "uniform", "min": "0", "max": "9"},
            {"name": "overdue_days", "kind": "parkmiller", "mod": 120},
            {"name": "flag", "kind": "bool", "p": "0.5"},
            {"name": "installments", "kind": "parkmiller", "values": [1, 3, 6, 9, 12]}
            """#)
        let rows = try csv(mixed).split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        for (row, reference) in zip(rows, Self.reference(accounts: 50)) {
            XCTAssertEqual([row[1], row[3], row[5]], [reference.balance, "\(reference.overdue)", "\(reference.installments)"])
        }
        XCTAssertEqual(rows.count, 50)
    }

    func testASeedThatIsAMultipleOfTheModulusIsRefused() throws {
        let fields = #"{"name": "b", "kind": "parkmiller", "mod": 10}"#
        XCTAssertEqual(specError("{\"rows\": 1, \"seed\": 4294967294, \"fields\": [\(fields)]}"),
                       #""seed" is 4294967294, a multiple of 2147483647, from which fields[0] "b" (parkmiller) cannot start; write another seed, e.g. "seed": 42"#)
        let ok = try spec(rows: 1, seed: 1, fields)
        XCTAssertThrowsError(try Synthetic.generate(ok, to: path("x.csv"), seed: 0))
    }
}
