import Foundation
import SuanpanREPL
import XCTest

/// Behaviour that was once wrong at the prompt, pinned so it stays right.
final class REPLRegressionTests: REPLTestCase {
    /// `let z = 2 * (3 + 4)` is cut before its closing parenthesis when the entry
    /// is split into declarations (the span of a parenthesized expression ends
    /// at the inner expression), so it fails with "expected ')'".
    func testADeclarationEndingInAParenthesizedExpression() throws {
        let t = try type([
            "let w = (1 + 2)",
            "let z = 2 * (3 + 4)",
            "rule f(x: int) -> int = (x + 1)",
            "let c = 1 + (",
            "2)",
            "print \"a\", (1 + 2)",
            "w + z + f(1) + c",
        ], loading: [])
        XCTAssertEqual(t.errors, [])
        // w = 3, z = 14, f(1) = 2, c = 3
        XCTAssertEqual(t.output, ["defined w", "defined z", "defined f", "defined c", "a 3", "22 : int"])
    }

    /// With several declarations in one entry each is re-sourced on its own, so an
    /// error in the second points at line 1 of a fragment, not where it was typed.
    func testTheCaretOfAnErrorInTheSecondDeclarationOfAnEntry() throws {
        let t = try type(["let c = 1 let d = c + 1 CNY", "let e = 1\nlet f = e + 1 CNY"], loading: [])
        XCTAssertEqual(t.errors.count, 2)
        XCTAssertTrue(t.errors[0].hasPrefix("<input-1>:1:19: error: cannot add int and money<CNY>"), t.errors[0])
        XCTAssertTrue(t.errors[0].contains(" 1 | let c = 1 let d = c + 1 CNY"), t.errors[0])
        XCTAssertTrue(t.errors[1].hasPrefix("<input-2>:2:9: error: cannot add int and money<CNY>"), t.errors[1])
    }

    /// An entry that is not a declaration gets the expression parser's error, not
    /// "expected a declaration … found a number" at column 1.
    func testASyntaxErrorInAnExpressionIsTheExpressionsError() throws {
        let t = try type(["1 + + )", "sum([x for x in range(1, 3) for y in range(1, 3)])"], loading: [])
        XCTAssertEqual(t.errors.count, 2)
        for e in t.errors {
            XCTAssertFalse(e.contains("expected a declaration"), e)
        }
        XCTAssertFalse(t.errors[0].hasPrefix("<input-1>:1:1:"), t.errors[0])
    }

    /// `:set` reports its error against "<--set>" and a rewritten "Name=value",
    /// not the line typed.
    func testASetErrorPointsIntoTheLineTyped() throws {
        let t = try type([":set Huabei.overdue_rate = 5"])
        XCTAssertEqual(t.errors.count, 1)
        XCTAssertFalse(t.errors[0].contains("<--set>"), t.errors[0])
        XCTAssertTrue(t.errors[0].contains("Huabei.overdue_rate = 5"), t.errors[0])
    }

    /// A `:set` override of a parameter that a redefinition removes (or retypes)
    /// makes the redefinition fail, so the product cannot be redefined until `:unset`.
    func testAnOverrideDoesNotBlockRedefiningItsProduct() throws {
        let t = try type([
            "product P { param r: percent = 2% }",
            ":set P.r = 3%",
            "product P { param s: int = 1 }",
            "P.s",
        ], loading: [])
        XCTAssertEqual(Array(t.output.prefix(3)), ["defined P", "P.r = 3%", "defined P"])
        XCTAssertEqual(t.output.last, "1 : int")
    }
}
