import Foundation
import XCTest
@testable import SuanpanSynthetic

final class DeterministicMathTests: XCTestCase {
    func testLogAndExpAgreeWithTheCLibraryToAFewUlps() {
        var random = Xoshiro256(seed: 1)
        for _ in 0..<10_000 {
            let u = random.nextUnit() + 0x1p-60
            XCTAssertEqual(DeterministicMath.log(u), Foundation.log(u), accuracy: 4 * abs(Foundation.log(u)).ulp + 1e-300)
            let x = (random.nextUnit() - 0.5) * 100
            XCTAssertEqual(DeterministicMath.exp(x), Foundation.exp(x), accuracy: 4 * Foundation.exp(x).ulp)
        }
        XCTAssertEqual(DeterministicMath.exp(0), 1)
        XCTAssertEqual(DeterministicMath.log(1), 0)
        XCTAssertEqual(DeterministicMath.exp(1000), .infinity)
        XCTAssertEqual(DeterministicMath.exp(-1000), 0)
        XCTAssertEqual(DeterministicMath.saturatingInt64(.infinity), .max)
        XCTAssertEqual(DeterministicMath.saturatingInt64(-1e30), .min)
        XCTAssertEqual(DeterministicMath.saturatingInt64(2.5), 2)
    }

    func testStandardNormalHasMeanZeroAndVarianceOne() {
        var random = Xoshiro256(seed: 3)
        var sum = 0.0, squares = 0.0
        let n = 100_000
        for _ in 0..<n {
            let z = DeterministicMath.standardNormal(&random)
            sum += z
            squares += z * z
        }
        XCTAssertEqual(sum / Double(n), 0, accuracy: 0.02)
        XCTAssertEqual(squares / Double(n), 1, accuracy: 0.02)
    }

    /// xoshiro256** seeded through SplitMix64 from 0: SplitMix64's published first outputs.
    func testSplitMix64ReferenceValues() {
        var mix = SplitMix64(state: 0)
        XCTAssertEqual(mix.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(mix.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testBoundedDrawsStayBelowTheBound() {
        var random = Xoshiro256(seed: 5)
        for bound in [1, 2, 3, 7, 1000, UInt64.max] as [UInt64] {
            for _ in 0..<1000 { XCTAssertLessThan(random.next(below: bound), bound) }
        }
        for _ in 0..<1000 {
            let x = random.next(in: -3, 3)
            XCTAssertTrue((-3...3).contains(x))
        }
    }
}
