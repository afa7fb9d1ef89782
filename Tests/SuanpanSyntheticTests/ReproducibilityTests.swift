import Foundation
import XCTest
@testable import SuanpanSynthetic

final class ReproducibilityTests: SyntheticTestCase {
    static let everyKind = """
        {"name": "id", "kind": "sequence", "prefix": "A", "width": 8},
        {"name": "balance", "kind": "lognormal", "median": "3000.00", "sigma": 1.0, "min": "0.00", "max": "100000.00", "places": 2},
        {"name": "score", "kind": "normal", "mean": "650", "sd": 60, "min": "350", "max": "950"},
        {"name": "limit", "kind": "uniform", "min": "1000", "max": "50000", "places": 0},
        {"name": "overdue_days", "kind": "choice", "values": [0, 5, 15, 30, 60, 95], "weights": [80, 6, 5, 4, 3, 2]},
        {"name": "zhima_band", "kind": "choice", "values": ["350-550", "550-600", "600-650"], "weights": [5, 15, 30]},
        {"name": "opened", "kind": "date", "from": "2018-01-01", "to": "2020-12-31"},
        {"name": "active", "kind": "bool", "p": "0.9"},
        {"name": "pm", "kind": "parkmiller", "mod": 10000000, "scale": 2}
        """

    func testSameSpecAndSeedGiveTheSameBytes() throws {
        let population = try spec(rows: 5_000, Self.everyKind)
        let first = try Data(contentsOf: URL(fileURLWithPath: generate(population, "a.csv")))
        let second = try Data(contentsOf: URL(fileURLWithPath: generate(population, "b.csv")))
        XCTAssertEqual(first, second)
        let db1 = try Data(contentsOf: URL(fileURLWithPath: generate(population, "a.sqlite")))
        let db2 = try Data(contentsOf: URL(fileURLWithPath: generate(population, "b.sqlite")))
        XCTAssertEqual(db1, db2)
    }

    func testDifferentSeedsDiffer() throws {
        let population = try spec(rows: 1_000, Self.everyKind)
        let a = try csv(population, seed: 1, name: "a.csv")
        let b = try csv(population, seed: 2, name: "b.csv")
        XCTAssertNotEqual(a, b)
        // Every random column differs somewhere, not only one of them.
        let rowsA = a.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let rowsB = b.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for column in 1..<rowsA[0].count {
            XCTAssertTrue(zip(rowsA, rowsB).contains { $0[column] != $1[column] }, "column \(rowsA[0][column]) ignores the seed")
        }
    }

    func testTheSeedOverrideIsTheSpecsOwnSeed() throws {
        let fields = #"{"name": "x", "kind": "uniform", "min": "0", "max": "1000000"}"#
        XCTAssertEqual(try csv(try spec(rows: 100, seed: 7, fields), name: "a.csv"),
                       try csv(try spec(rows: 100, seed: 1, fields), seed: 7, name: "b.csv"))
    }

    func testAFieldsColumnDoesNotDependOnTheOtherFields() throws {
        let alone = try column(try spec(rows: 200, #"{"name": "x", "kind": "uniform", "min": "0", "max": "99.99"}"#))
        let withOthers = try csv(try spec(rows: 200, #"""
            {"name": "before", "kind": "normal", "mean": "0", "sd": 1},
            {"name": "x", "kind": "uniform", "min": "0", "max": "99.99"}
            """#))
        let x = withOthers.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[1]) }
        XCTAssertEqual(alone, x)
    }

    /// The first values pinned, so that a change to the generators shows up as a failure here
    /// rather than as silently different populations.
    func testFirstValuesArePinned() throws {
        let text = try csv(try spec(rows: 3, #"""
            {"name": "u", "kind": "uniform", "min": "0", "max": "1000000"},
            {"name": "b", "kind": "bool", "p": "0.5"}
            """#))
        XCTAssertEqual(text, Self.pinned)
    }

    static let pinned = "u,b\n79124,false\n437877,false\n488256,false\n"

    func generate(_ spec: Synthetic.Spec, _ name: String) throws -> String {
        let file = path(name)
        _ = try Synthetic.generate(spec, to: file)
        return file
    }
}
