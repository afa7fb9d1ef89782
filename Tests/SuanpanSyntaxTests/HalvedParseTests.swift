@testable import SuanpanSyntax
import XCTest

/// A large file parsed in two halves at once reads exactly as it does parsed whole.
final class HalvedParseTests: XCTestCase {
    func product(_ k: Int) -> String {
        """
        // product \(k)
        product P\(k) "p \(k)" {
          param rate: rate/day = 0.05%/day
          table fee(n: int) -> percent {
            3 => 1.5%
            else => 0%
          }
          rule late(a: Account) -> money<CNY> = round(a.balance * rate * max(0 days, a.overdue_days - 30 days), 0.01)
          rule share(xs: list<Account>) -> number = count([a for a in xs where a.score > \(k)]) / max(1, count(xs))
        }
        product P\(k)Promo = P\(k) with { rate = P\(k).rate * 0.5 }
        test "t\(k)" { expect P\(k).fee(3) == 1.5% }

        """
    }

    func sequentially(_ bodies: [() -> ParseResult]) -> [ParseResult] { bodies.map { $0() } }

    func dumped(_ result: ParseResult) -> String {
        var text = ""
        dump(result.syntax.items, to: &text)
        return text
    }

    func testHalvesReadAsTheWhole() {
        let text = "record Account { balance: money<CNY>\n overdue_days: days\n score: int }\n"
            + (0..<200).map(product).joined()
        let file = SourceFile(path: "big.suan", text: text)
        XCTAssertNotNil(Parser.halfway(file))
        let whole = Parser.parse(file)
        let halved = Parser.parse(file, run: sequentially)
        XCTAssertTrue(whole.diagnostics.isEmpty)
        XCTAssertTrue(halved.diagnostics.isEmpty)
        XCTAssertEqual(whole.syntax.items.count, halved.syntax.items.count)
        XCTAssertEqual(dumped(whole), dumped(halved))
    }

    func testAnErrorInEitherHalfIsTheWholeFilesError() {
        let products = (0..<200).map(product)
        for broken in [10, 150] {
            var parts = products
            parts[broken] = parts[broken].replacingOccurrences(of: "rule late", with: "rule late late")
            let file = SourceFile(path: "big.suan", text: parts.joined())
            let whole = Parser.parse(file)
            let halved = Parser.parse(file, run: sequentially)
            XCTAssertFalse(whole.diagnostics.isEmpty)
            XCTAssertEqual(whole.diagnostics.map(\.message), halved.diagnostics.map(\.message))
            XCTAssertEqual(whole.diagnostics.map(\.span), halved.diagnostics.map(\.span))
            XCTAssertEqual(dumped(whole), dumped(halved))
        }
    }

    func testASmallFileIsParsedWhole() {
        XCTAssertNil(Parser.halfway(SourceFile(path: "small.suan", text: product(1))))
    }
}
