import XCTest
@testable import SuanpanValues

/// Standard deviations against Python: the variance as an exact `Fraction`, its square root
/// with `decimal` at 80 digits, rounded half-even to 18 fraction digits
/// (`Decimal(v.numerator) / Decimal(v.denominator)).sqrt().quantize(Decimal('1e-18'))`).
/// The ties were worked out by hand.
final class FixedDecimalStatisticsTests: XCTestCase {
    /// (values, sample σ, population σ)
    let cases: [(values: [String], sample: String, population: String)] = [
        // the textbook case: population σ is exactly 2; sample √(32/7) = 2.13808993529939507747…
        (["2", "4", "4", "4", "5", "5", "7", "9"], "2.138089935299395077", "2"),
        // √0.5 = 0.70710678118654752440…
        (["1", "2"], "0.707106781186547524", "0.5"),
        // √2 = 1.41421356237309504880…
        (["-1", "1"], "1.414213562373095049", "1"),
        // daily rates around 万分之四: a small spread keeps every digit (…6619|52, …0059|06)
        (["0.0004", "0.00045", "0.0005", "0.00041"], "0.00004546060565662", "0.000039370039370059"),
        // amounts: 681.39089517324782052597…, 590.10182512745205031670…
        (["1200.00", "899.75", "1737.36", "105.60"], "681.390895173247820526", "590.101825127452050317"),
        // a week of Yu'e Bao 万份收益 (PRODUCTS.md §4): 0.00991511592516818784…, 0.00917961361509562555…
        (["1.8030", "1.7889", "1.7886", "1.7947", "1.7869", "1.7807", "1.8092"], "0.009915115925168188", "0.009179613615095626"),
        // at the last digit: 1.52752523…e-18 and 1.24721912…e-18
        (["0.000000000000000001", "0.000000000000000002", "0.000000000000000004"], "0.000000000000000002", "0.000000000000000001"),
        // near the range limit, where squares would overflow any 128-bit sum: 1.41421356237309504880168872420…e20
        (["-100000000000000000000", "100000000000000000000"], "141421356237309504880.168872420969807857", "100000000000000000000"),
        (["7.25", "7.25", "7.25"], "0", "0"),
    ]

    func testStandardDeviationsAreRoundedOnceFromTheExactVariance() throws {
        for c in cases {
            let values = try c.values.map { text throws(ArithmeticError) in try dec(text) }
            XCTAssertEqual(try FixedDecimal.standardDeviation(of: values, .sample).description, c.sample, "\(c.values)")
            XCTAssertEqual(try FixedDecimal.standardDeviation(of: values, .population).description, c.population, "\(c.values)")
        }
    }

    func testTiesRoundToEven() throws {
        // Two values 1 and 0 units apart have a population σ of exactly half the gap.
        let unit = FixedDecimal(units: 1)
        // σ = 0.5 units: a tie, to the even 0.
        XCTAssertEqual(try FixedDecimal.standardDeviation(of: [.zero, unit], .population), .zero)
        // σ = 1.5 units: to the even 2.
        XCTAssertEqual(try FixedDecimal.standardDeviation(of: [.zero, FixedDecimal(units: 3)], .population), FixedDecimal(units: 2))
        // σ = 2.5 units: to the even 2 (half-up would give 3).
        XCTAssertEqual(try FixedDecimal.standardDeviation(of: [unit, FixedDecimal(units: 6)], .population), FixedDecimal(units: 2))
    }

    func testALongList() throws {
        // 1 … 10,000: population variance (n² − 1)/12 = 8,333,333.25, σ = 2886.75133151437205672070…;
        // sample n(n + 1)/12 = 8,334,166.66…, σ = 2886.89567990716745723524…
        let values = (1...10_000).map { FixedDecimal($0) }
        XCTAssertEqual(try FixedDecimal.standardDeviation(of: values, .population).description, "2886.751331514372056721")
        XCTAssertEqual(try FixedDecimal.standardDeviation(of: values, .sample).description, "2886.895679907167457235")
    }

    func testTooFewValuesAndOverflow() throws {
        assertThrows(.invalidArgument("a sample standard deviation needs at least 2 values, got 1")) { () throws(ArithmeticError) in
            try FixedDecimal.standardDeviation(of: [.one], .sample)
        }
        assertThrows(.invalidArgument("a population standard deviation needs at least one value, got 0")) { () throws(ArithmeticError) in
            try FixedDecimal.standardDeviation(of: [], .population)
        }
        XCTAssertEqual(try FixedDecimal.standardDeviation(of: [FixedDecimal(5)], .population), .zero)
        // ±maximum: the population σ is the maximum itself, the sample σ √2 times it (2.4e20).
        XCTAssertEqual(try FixedDecimal.standardDeviation(of: [.maximum, .minimum], .population), .maximum)
        assertThrows(.overflow) { () throws(ArithmeticError) in try FixedDecimal.standardDeviation(of: [.maximum, .minimum], .sample) }
    }

    func testWideIntegerSquareRoots() {
        // ⌊√(2^200)⌋ = 2^100; ⌊√(2^200 − 1)⌋ = 2^100 − 1; ⌊√10^40 + 1⌋ = 10^20.
        let big = BigUInt.power(ofTwo: 200)
        XCTAssertEqual(big.squareRoot(), BigUInt.power(ofTwo: 100))
        XCTAssertEqual(big.subtracting(BigUInt(1)).squareRoot(), BigUInt.power(ofTwo: 100).subtracting(BigUInt(1)))
        XCTAssertEqual((BigUInt.powerOfTen(40) + BigUInt(1)).squareRoot(), BigUInt.powerOfTen(20))
        XCTAssertEqual(BigUInt(0).squareRoot(), BigUInt(0))
        XCTAssertEqual(BigUInt(3).squareRoot(), BigUInt(1))
        XCTAssertEqual(BigUInt(4).squareRoot(), BigUInt(2))
    }
}
