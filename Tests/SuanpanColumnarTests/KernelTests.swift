import XCTest
@testable import SuanpanColumnar
import SuanpanValues

/// The kernels against `FixedDecimal`, the scalar path's arithmetic, on random values:
/// every rounding mode and sign, sums and products that leave 64 bits, tables.
final class KernelTests: XCTestCase {
    struct Generator {
        var x: UInt64 = 0x5EED
        mutating func next() -> UInt64 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return x >> 11
        }
        /// A signed value with up to `digits` digits, small and large magnitudes mixed.
        mutating func value(digits: Int) -> Int64 {
            let magnitude = Int64(next() % UInt64(Fixed.power(min(digits, 18))))
            let cut = Int64(Fixed.power(Int(next() % UInt64(digits + 1))))
            return (next() % 2 == 0 ? 1 : -1) * (magnitude % max(cut, 1))
        }
    }

    func decimal(_ x: Int64, scale: Int) -> FixedDecimal {
        FixedDecimal(units: Int128(x) * Int128(Fixed.power(18 - scale)))
    }

    func decimals(_ v: Vector) -> [FixedDecimal] {
        (0..<v.count).compactMap { v.decimal(at: $0) }
    }

    func testRoundingMatchesFixedDecimalInEveryMode() throws {
        var g = Generator()
        let xs = (0..<20_000).map { _ in g.value(digits: 12) } + [5, -5, 15, -15, 25, -25, 0, 4_999, 5_000, 5_001, -5_000]
        for mode in RoundingMode.allCases {
            for (scale, quantum) in [(4, "0.01"), (6, "0.01"), (3, "0.05"), (2, "1"), (0, "10"), (1, "0.25"), (2, "0.001")] {
                let q = try FixedDecimal.parse(quantum)
                let got = try Rounding.round(.fixed(xs, scale: scale), quantum: q, mode: mode)
                let expected = try xs.map { try decimal($0, scale: scale).rounded(toMultipleOf: q, mode: mode) }
                XCTAssertEqual(decimals(got), expected, "\(mode) to \(quantum) at scale \(scale)")
            }
        }
    }

    func testSumsAndProductsLeaveSixtyFourBitsExactly() throws {
        var g = Generator()
        let a = (0..<4_096).map { _ in g.value(digits: 18) }
        let b = (0..<4_096).map { _ in g.value(digits: 9) }
        for subtract in [false, true] {
            let got = try Arithmetic.add(.fixed(a, scale: 2), .fixed(b, scale: 7), subtract: subtract)
            let expected = try zip(a, b).map { x, y in
                subtract ? try decimal(x, scale: 2).subtracting(decimal(y, scale: 7)) : try decimal(x, scale: 2).adding(decimal(y, scale: 7))
            }
            XCTAssertEqual(decimals(got), expected)
        }
        // Products past 18 digits and past 64 bits go to 18-digit form, rounded as FixedDecimal rounds.
        let product = try Arithmetic.multiply(.fixed(a, scale: 9), .fixed(b, scale: 12))
        guard case .wide = product else { return XCTFail("expected the wide form") }
        let expected = try zip(a, b).map { x, y in try decimal(x, scale: 9).multiplied(by: decimal(y, scale: 12)) }
        XCTAssertEqual(decimals(product), expected)
        let fused = try Arithmetic.fusedRound(.fixed(a, scale: 9), .fixed(b, scale: 12), divide: false,
                                              quantum: try FixedDecimal.parse("0.01"), mode: .halfEven)
        let fusedExpected = try zip(a, b).map { x, y in
            try decimal(x, scale: 9).multiplied(by: decimal(y, scale: 12), roundedToMultipleOf: try FixedDecimal.parse("0.01"), mode: .halfEven)
        }
        XCTAssertEqual(decimals(fused), fusedExpected)
    }

    func testABroadcastValueMeetsAColumn() throws {
        let got = try Arithmetic.add(.fixed([1, 2, 3], scale: 0), .fixed([50], scale: 2), subtract: true)
        XCTAssertEqual(decimals(got), ["0.5", "1.5", "2.5"].compactMap { try? FixedDecimal.parse($0) })
        let max = try Choice.extreme(.fixed([0], scale: 0), .fixed([-3, 0, 7], scale: 0), max: true)
        XCTAssertEqual(decimals(max), [0, 0, 7].map { FixedDecimal($0) })
    }

    func testADivisionByZeroLeavesTheColumns() {
        XCTAssertThrowsError(try Arithmetic.divide(.fixed([1, 2], scale: 0), .fixed([1, 0], scale: 0)))
        XCTAssertThrowsError(try Arithmetic.add(.wide([.maximum]), .wide([.maximum]), subtract: false))
    }

    func testADirectTableTakesTheFirstRowOfAKeyAndItsElse() throws {
        func row(_ key: Int, _ value: String) throws -> ColumnCompiler.Row {
            let v = try FixedDecimal.parse(value)
            return ColumnCompiler.Row(patterns: [], value: { _ in .bools([]) }, literal: ([.decimal(FixedDecimal(key))], .decimal(v)))
        }
        let rows = [try row(3, "0.025"), try row(6, "0.045"), try row(3, "0.5")]
        guard let table = DirectTable(rows, fallback: .decimal(.zero), hasFallback: true) else { return XCTFail("no direct table") }
        let got = try table.lookup(.fixed([3, 6, 1, 9, 300, -3], scale: 0))
        XCTAssertEqual(decimals(got), ["0.025", "0.045", "0", "0", "0", "0"].compactMap { try? FixedDecimal.parse($0) })
        // A key with a fraction matches no row; without `else` a miss leaves the columns.
        XCTAssertEqual(decimals(try table.lookup(.fixed([35], scale: 1))), [.zero])
        guard let strict = DirectTable(rows, fallback: nil, hasFallback: false) else { return XCTFail("no direct table") }
        XCTAssertThrowsError(try strict.lookup(.fixed([3, 4], scale: 0)))
    }

    func testSelectionPutsABranchBackAtItsRows() throws {
        let v = Vector.fixed([10, 20, 30], scale: 0).gathered([0, 2])
        let back = try v.expanded([0, 2], to: 3)
        guard case .fixed(let xs, 0) = back else { return XCTFail("\(back)") }
        XCTAssertEqual(xs[0], 10)
        XCTAssertEqual(xs[2], 30)
    }
}
