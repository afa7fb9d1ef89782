import SuanpanChecker
import SuanpanSyntax
import XCTest

/// Parses and checks one source text as a whole program.
func check(_ text: String, path: String = "t.suan") -> (program: CheckedProgram, diagnostics: [Diagnostic]) {
    let parsed = Parser.parse(SourceFile(path: path, text: text))
    let (program, diagnostics) = Checker.check([parsed.syntax])
    // A syntax error in a test's source shows up as an unexpected diagnostic.
    return (program, parsed.diagnostics + diagnostics)
}

func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

extension XCTestCase {
    /// The type of `let x = <expression>` (the last global), asserting it checks cleanly.
    func typeOf(_ expression: String, prelude: String = "", file: StaticString = #filePath, line: UInt = #line) -> String {
        let (program, diagnostics) = check(prelude + "\nlet x = " + expression)
        XCTAssertEqual(errors(diagnostics).map(\.description), [], expression, file: file, line: line)
        return program.globals.last(where: { $0.name == "x" })?.type.description ?? "<none>"
    }

    /// The error diagnostics of a program.
    func checkErrors(_ text: String) -> [Diagnostic] { errors(check(text).diagnostics) }
}
