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
