import Foundation
import XCTest
@testable import SuanpanSynthetic

final class KindTests: SyntheticTestCase {
    func testSequencePadsAndPrefixes() throws {
        XCTAssertEqual(try column(try spec(rows: 3, #"{"name": "id", "kind": "sequence", "prefix": "A", "width": 8}"#)),
                       ["A00000001", "A00000002", "A00000003"])
        XCTAssertEqual(try column(try spec(rows: 2, #"{"name": "n", "kind": "sequence", "start": 9, "width": 1}"#)), ["9", "10"])
        XCTAssertEqual(try column(try spec(rows: 2, #"{"name": "n", "kind": "sequence"}"#)), ["1", "2"])
    }

    func testUniformStaysWithinItsInclusiveBoundsAndReachesThem() throws {
        let values = try column(try spec(rows: 20_000, #"{"name": "x", "kind": "uniform", "min": "-0.05", "max": "0.05"}"#))
        let units = Set(values.compactMap { DecimalText.parse($0)?.units })
        XCTAssertEqual(units, Set(-5...5), "every value from -0.05 to 0.05 appears, and nothing else")
        XCTAssertTrue(values.allSatisfy { $0.count == ($0.hasPrefix("-") ? 5 : 4) }, "always 2 places")
        XCTAssertTrue(values.contains("-0.05") && values.contains("0.05") && values.contains("0.00"))
    }

    func testUniformOverTheWholeInt64Range() throws {
        let values = try column(try spec(rows: 100, #"{"name": "x", "kind": "uniform", "min": "-999999999999999999", "max": "999999999999999999"}"#))
        XCTAssertEqual(values.count, 100)
        XCTAssertTrue(values.allSatisfy { DecimalText.parse($0) != nil })
    }

    func testLognormalIsClampedAndQuantized() throws {
        let values = try column(try spec(rows: 20_000, #"""
            {"name": "b", "kind": "lognormal", "median": "3000.00", "sigma": 1.5, "min": "100.00", "max": "20000.00", "places": 2}
            """#))
        let units = try values.map { try XCTUnwrap(DecimalText.parse($0)) }
        XCTAssertTrue(units.allSatisfy { $0.places == 2 && $0.units >= 10_000 && $0.units <= 2_000_000 })
        XCTAssertTrue(values.contains("100.00") && values.contains("20000.00"), "sigma 1.5 reaches both clamps")
        // The median of the draws is near the spec's median.
        let sorted = units.map(\.units).sorted()
        XCTAssertEqual(Double(sorted[sorted.count / 2]), 300_000, accuracy: 30_000)
    }

    func testNormalIsClampedWithItsMeanNearTheMean() throws {
        let values = try column(try spec(rows: 20_000, #"{"name": "s", "kind": "normal", "mean": "650", "sd": "60", "min": "350", "max": "700"}"#))
        let numbers = try values.map { try XCTUnwrap(Int($0)) }
        XCTAssertTrue(numbers.allSatisfy { (350...700).contains($0) })
        XCTAssertTrue(numbers.contains(700))
        let below = numbers.filter { $0 < 650 }.count
        XCTAssertEqual(Double(below) / 20_000, 0.5, accuracy: 0.03)
    }

    func testDatesCoverTheInclusiveRange() throws {
        let values = try column(try spec(rows: 5_000, #"{"name": "d", "kind": "date", "from": "2020-02-27", "to": "2020-03-01"}"#))
        XCTAssertEqual(Set(values), ["2020-02-27", "2020-02-28", "2020-02-29", "2020-03-01"])
    }

    func testBoolHonoursItsProbabilityExactlyAtTheEnds() throws {
        XCTAssertEqual(Set(try column(try spec(rows: 1_000, #"{"name": "a", "kind": "bool", "p": "1"}"#))), ["true"])
        XCTAssertEqual(Set(try column(try spec(rows: 1_000, #"{"name": "a", "kind": "bool", "p": "0.000"}"#))), ["false"])
        let values = try column(try spec(rows: 100_000, #"{"name": "a", "kind": "bool", "p": "0.9"}"#))
        XCTAssertEqual(Double(values.filter { $0 == "true" }.count) / 100_000, 0.9, accuracy: 0.005)
    }

    /// On 100,000 rows each share is within 1 percentage point of its weight (about 3 to 4
    /// standard deviations for these shares), and a weight of 0 never appears.
    func testChoiceWeightsAreRoughlyHonoured() throws {
        let values = try column(try spec(rows: 100_000, #"""
            {"name": "o", "kind": "choice", "values": [0, 5, 15, 30, 60, 95, 120], "weights": [80, 6, 5, 4, 3, 2, 0]}
            """#))
        let weights = ["0": 80, "5": 6, "15": 5, "30": 4, "60": 3, "95": 2]
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        XCTAssertNil(counts["120"])
        for (value, weight) in weights {
            XCTAssertEqual(Double(counts[value] ?? 0) / 1_000, Double(weight), accuracy: 1, "share of \(value)")
        }
    }

    func testChoiceWithoutWeightsIsUniformOverAnyScalar() throws {
        let values = try column(try spec(rows: 40_000, #"{"name": "c", "kind": "choice", "values": [1, "two", true, null, 2.5]}"#))
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        XCTAssertEqual(Set(counts.keys), ["1", "two", "true", "", "2.5"])
        for count in counts.values { XCTAssertEqual(Double(count) / 40_000, 0.2, accuracy: 0.015) }
    }
}
