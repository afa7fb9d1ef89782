import Foundation
import Suanpan
import SuanpanRuntime
import XCTest

/// Programs built to exhaust the stack or the lexer: each must end in an error
/// (or a value), never a crash.
final class HostileInputTests: XCTestCase {
    func outcome(_ source: String) -> String {
        let dir = TempFolder()
        let path = dir.write("hostile.suan", source)
        switch Program.load(paths: [path]) {
        case .failure(let failure): return "check: " + (failure.diagnostics.first?.message ?? "")
        case .success(let (program, _)):
            var lines: [String] = []
            do {
                try program.runPrints { lines.append($0) }
                return lines.joined(separator: "\n")
            } catch {
                return "runtime: " + error.message
            }
        }
    }

    /// Variants declared last-first make the checker follow the chain to its start:
    /// a chain longer than the declaration limit is one error, a shorter one checks.
    func testLongChainsOfVariantsAreAnErrorOrAProduct() {
        func chain(_ n: Int) -> String {
            let variants = (1...n).reversed().map { "product P\($0) = P\($0 - 1) with { r = \($0) }" }
            return variants.joined(separator: "\n") + "\nproduct P0 { param r: int = 0  rule twice -> int = r * 2 }\nprint P\(n).twice"
        }
        XCTAssertEqual(outcome(chain(300)), "600")
        XCTAssertTrue(outcome(chain(1500)).hasPrefix("check: products are made from each other too deeply"), outcome(chain(1500)))
        // nested what-ifs are bounded by the parser's nesting limit
        let nested = String(repeating: "with P0 { r = 1 } in ", count: 300) + "P0.r"
        XCTAssertTrue(outcome("product P0 { param r: int = 0 }\nprint \(nested)").hasPrefix("check: expression nested too deeply"))
    }

    func testThousandsOfLetsInARecursiveRuleRunInALoop() {
        let lets = (0..<3000).map { "let a\($0) = 0" }.joined(separator: " ")
        XCTAssertEqual(outcome("rule f(k: int) -> int { \(lets) if k <= 0 then 0 else f(k - 1) }\nprint f(999)"), "0")
    }

    func testDeepRecursionThroughTallExpressionsIsAnError() {
        let tall = String(repeating: " + 1", count: 990)
        XCTAssertTrue(outcome("rule f(n: int) -> int = if n <= 0 then 0 else f(n - 1)\(tall)\nprint f(990)")
            .hasPrefix("runtime: evaluation nested too deeply"))
    }

    func testChainsOfTallConstantsAreAnError() {
        let n = 990
        let lines = (0..<n).map { k in "let a\(k) = " + String(repeating: "1 + ", count: 980) + (k < n - 1 ? "a\(k + 1)" : "1") }
        XCTAssertTrue(outcome(lines.joined(separator: "\n") + "\nprint a0").hasPrefix("check: definitions depend on each other too deeply"))
    }

    func testARunOfBangsIsOneError() {
        let result = outcome("let x = 1 " + String(repeating: "!", count: 200_000))
        XCTAssertEqual(result, "check: unexpected character '!'")
    }
}
