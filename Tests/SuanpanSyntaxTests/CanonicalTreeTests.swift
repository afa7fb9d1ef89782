import SuanpanSyntax
import XCTest

/// The canonical trees that `suanpan parse` prints and Grammar/check.py compares with
/// the grammar's parse. Every expected tree here is written by hand from the
/// precedence table in Grammar/README.md, not copied from the printer's output.
final class CanonicalTreeTests: XCTestCase {
    /// The canonical tree of a file; a failure, and "", on a syntax error.
    func tree(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let result = Parser.parse(SourceFile(path: "t.suan", text: source))
        XCTAssertFalse(result.hasErrors, "\(source): \(result.diagnostics.map(\.message))", file: file, line: line)
        return result.hasErrors ? "" : CanonicalTree.render(result.syntax)
    }

    /// The tree of `let x = <expression>`'s value.
    func expressionTree(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let (expr, diagnostics, _) = Parser.parseExpression(SourceFile(path: "<expr>", text: source))
        XCTAssertTrue(diagnostics.isEmpty, "\(source): \(diagnostics.map(\.message))", file: file, line: line)
        return expr.map(CanonicalTree.render) ?? ""
    }

    func testPrecedenceAndAssociativity() {
        let cases: [(String, String)] = [
            ("a + b * c", "(binary + (name a) (binary * (name b) (name c)))"),
            ("a * b + c", "(binary + (binary * (name a) (name b)) (name c))"),
            ("a - b - c", "(binary - (binary - (name a) (name b)) (name c))"),
            ("a / b * c", "(binary * (binary / (name a) (name b)) (name c))"),
            ("(a - b) * c", "(binary * (binary - (name a) (name b)) (name c))"),
            ("2^3^2", "(binary ^ (number 2) (binary ^ (number 3) (number 2)))"),
            ("p or q and r", "(binary or (name p) (binary and (name q) (name r)))"),
            ("p or q or r", "(binary or (binary or (name p) (name q)) (name r))"),
            ("not p and q", "(binary and (unary not (name p)) (name q))"),
            ("not not p", "(unary not (unary not (name p)))"),
        ]
        for (source, expected) in cases { XCTAssertEqual(expressionTree(source), expected, source) }
    }

    func testUnaryMinusAgainstPower() {
        let cases: [(String, String)] = [
            ("-2^2", "(unary - (binary ^ (number 2) (number 2)))"),
            ("2^-1", "(binary ^ (number 2) (unary - (number 1)))"),
            ("2^-3^2", "(binary ^ (number 2) (unary - (binary ^ (number 3) (number 2))))"),
            ("-a * b", "(binary * (unary - (name a)) (name b))"),
            ("a - -b", "(binary - (name a) (unary - (name b)))"),
            ("- -a", "(unary - (unary - (name a)))"),
        ]
        for (source, expected) in cases { XCTAssertEqual(expressionTree(source), expected, source) }
    }

    func testIfExtendsAsFarRightAsPossible() {
        let cases: [(String, String)] = [
            ("if p then 1 else 2 + 3", "(if (name p) (number 1) (binary + (number 2) (number 3)))"),
            ("(if p then 1 else 2) + 3", "(binary + (if (name p) (number 1) (number 2)) (number 3))"),
            ("if p then 1 else if q then 2 else 3", "(if (name p) (number 1) (if (name q) (number 2) (number 3)))"),
            ("if if p then q else r then 1 else 2", "(if (if (name p) (name q) (name r)) (number 1) (number 2))"),
        ]
        for (source, expected) in cases { XCTAssertEqual(expressionTree(source), expected, source) }
    }

    func testComparisonsSitBetweenNotAndArithmetic() {
        let cases: [(String, String)] = [
            ("not a == b", "(unary not (binary == (name a) (name b)))"),
            ("a + b < c * d", "(binary < (binary + (name a) (name b)) (binary * (name c) (name d)))"),
            ("a >= b and c != d", "(binary and (binary >= (name a) (name b)) (binary != (name c) (name d)))"),
            ("-a <= b", "(binary <= (unary - (name a)) (name b))"),
            ("(1 < 2) == true", "(binary == (binary < (number 1) (number 2)) (bool true))"),
        ]
        for (source, expected) in cases { XCTAssertEqual(expressionTree(source), expected, source) }
    }

    func testPostfixChainsBindTightest() {
        let cases: [(String, String)] = [
            ("a.b(1)[2].c", "(member (index (call (member (name a) b) (number 1)) (number 2)) c)"),
            ("f(x)(y,)", "(call (call (name f) (name x)) (name y))"),
            ("f()", "(call (name f))"),
            ("-a.b^2", "(unary - (binary ^ (member (name a) b) (number 2)))"),
            ("xs[0].amount * 2", "(binary * (member (index (name xs) (number 0)) amount) (number 2))"),
        ]
        for (source, expected) in cases { XCTAssertEqual(expressionTree(source), expected, source) }
    }

    func testBracketsThatStartALineBeginANewExpression() {
        XCTAssertEqual(tree("rule r -> int {\n  let a = f\n  (a + 1) * 2\n}"), """
            (rule r (-> int)
              (let a (name f))
              (binary * (binary + (name a) (number 1)) (number 2)))
            """)
        XCTAssertEqual(tree("rule r {\n  let a = xs\n  [a, 1]\n}"), """
            (rule r
              (let a (name xs))
              (list (name a) (number 1)))
            """)
        // On the same line they call and index; a `-` that starts a line continues.
        XCTAssertEqual(tree("let a = f (1)\nlet b = xs [0]\nlet c = 1\n- 2"), """
            (let a (call (name f) (number 1)))
            (let b (index (name xs) (number 0)))
            (let c (binary - (number 1) (number 2)))
            """)
    }

    func testLiteralsKeepTheirTextButNotTheirBlanks() {
        let cases: [(String, String)] = [
            ("1_200.50", "(number 1_200.50)"),
            ("1200.00\t  CNY", "(money 1200.00 CNY)"),
            ("40   days", "(duration 40 days)"),
            ("0.04%/day", "(rate 0.04%/day)"),
            ("2.5%", "(percent 2.5%)"),
            ("2020-06-30", "(date 2020-06-30)"),
            ("false", "(bool false)"),
            (#""a\"b\\c\n\t\r\u{4E2D}\u{0}""#, #"(string "a\"b\\c\n\t\r中\u{0}")"#),
            ("[]", "(list)"),
            ("[x * 2 for x in xs where x > 1]",
             "(comprehension (binary * (name x) (number 2)) x (name xs) (where (binary > (name x) (number 1))))"),
            ("Bill { amount: 1 CNY, }", "(record-literal Bill (amount (money 1 CNY)))"),
        ]
        for (source, expected) in cases { XCTAssertEqual(expressionTree(source), expected, source) }
    }

    func testDeclarationsPutMembersOnLinesOfTheirOwn() {
        let source = """
            import "common.suan"
            record Bill { amount: money<CNY> paid: money<CNY> = 0 CNY, }
            record Empty {}
            product Huabei "花呗" {
              param rate: rate/day = 0.05%/day
              param share = 10%
              rounding half_even 0.01
              let due: int = 10
              rule fee(p: money<CNY>, n: int,) -> money<CNY> = p * n
              rule limit = 1
              table band(score: int, vip: bool) -> string {
                ..<550, _ => "poor"
                550..<600, true => "fair",
                600..649, false => "good"
                650.., vip => "great"
                ..-1, _ => "odd",
                -5..-1, _ => "odd"
                else => "none"
              }
            }
            product Empty {}
            test "fees" {
              let b = Bill { amount: 1 CNY }
              expect b.amount == 1 CNY
              expect error 1 / 0 with "division by zero"
              expect error fail("x")
              print "b", b
            }
            test "nothing" {}
            print 1, 2
            """
        XCTAssertEqual(tree(source), #"""
            (import "common.suan")
            (record Bill
              (field amount money<CNY>)
              (field paid money<CNY> (money 0 CNY)))
            (record Empty)
            (product Huabei "花呗"
              (param rate (type rate/day) (rate 0.05%/day))
              (param share (percent 10%))
              (rounding half_even (number 0.01))
              (let due (type int) (number 10))
              (rule fee (params (p money<CNY>) (n int)) (-> money<CNY>) (binary * (name p) (name n)))
              (rule limit (number 1))
              (table band (params (score int) (vip bool)) (-> string)
                (row (range ..< (number 550)) _ => (string "poor"))
                (row (range (number 550) ..< (number 600)) (bool true) => (string "fair"))
                (row (range (number 600) .. (number 649)) (bool false) => (string "good"))
                (row (range (number 650) ..) (name vip) => (string "great"))
                (row (range .. (unary - (number 1))) _ => (string "odd"))
                (row (range (unary - (number 5)) .. (unary - (number 1))) _ => (string "odd"))
                (else => (string "none"))))
            (product Empty)
            (test "fees"
              (let b (record-literal Bill (amount (money 1 CNY))))
              (expect (binary == (member (name b) amount) (money 1 CNY)))
              (expect-error (binary / (number 1) (number 0)) "division by zero")
              (expect-error (call (name fail) (string "x")))
              (print (string "b") (name b)))
            (test "nothing")
            (print (number 1) (number 2))
            """#)
    }

    func testTypesPrintInOneSpelling() {
        XCTAssertEqual(tree("let a: list< money < CNY > / day > = []\nrule r() -> rounding = down"), """
            (let a (type list<money<CNY>/day>) (list))
            (rule r (params) (-> rounding) (name down))
            """)
        XCTAssertEqual(tree("let t: list<rate>/day = []"), "(let t (type list<rate>/day) (list))")
    }

    func testAnEmptyFileHasAnEmptyTree() {
        XCTAssertEqual(tree(""), "")
        XCTAssertEqual(tree("// only a comment\n"), "")
    }
}
