import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues
import XCTest

/// A checked, compiled program and one run of it.
struct Run {
    let checked: CheckedProgram
    let machine: Machine

    init(_ source: String, path: String = "t.suan", file: StaticString = #filePath, line: UInt = #line) {
        let parsed = Parser.parse(SourceFile(path: path, text: source))
        let (checked, diagnostics) = Checker.check([parsed.syntax])
        let problems = (parsed.diagnostics + diagnostics).filter { $0.severity == .error }
        XCTAssertEqual(problems.map(\.description), [], "the test program must check", file: file, line: line)
        self.checked = checked
        self.machine = Machine(CompiledProgram(checked))
    }

    /// Checks and evaluates one expression in this run.
    func evaluate(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Result<(Value, SType), RuntimeError>? {
        let source = SourceFile(path: "<expr>", text: text)
        let (expr, parseDiagnostics, _) = Parser.parseExpression(source)
        guard let expr, parseDiagnostics.isEmpty else {
            XCTFail("\(text): \(parseDiagnostics)", file: file, line: line)
            return nil
        }
        let (bound, frameSize, diagnostics) = Checker.checkExpression(expr, file: source, in: checked)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            XCTFail("\(text): \(diagnostics.map(\.description))", file: file, line: line)
            return nil
        }
        do {
            return .success((try machine.evaluate(bound, frameSize: frameSize), bound.type))
        } catch {
            return .failure(error)
        }
    }

    /// The value shown as `suanpan eval` shows it, or "error: message" with its position.
    func show(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        switch evaluate(text, file: file, line: line) {
        case .success(let (value, type))?: return Format.display(value, type, quoteStrings: true)
        case .failure(let error)?: return "error: \(error.message)"
        case nil: return "<does not check>"
        }
    }

    /// The runtime error of an expression: "path:line:col: message".
    func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        switch evaluate(text, file: file, line: line) {
        case .failure(let error)?:
            let at = error.file.map { "\($0.path):\($0.location(of: error.span.start)): " } ?? ""
            return at + error.message
        case .success(let (value, type))?:
            XCTFail("\(text): expected an error, got \(Format.display(value, type))", file: file, line: line)
            return ""
        case nil:
            return ""
        }
    }
}

func decimal(_ text: String) -> FixedDecimal {
    // Test data only: a literal that must parse.
    (try? FixedDecimal.parse(Substring(text))) ?? .zero
}

func money(_ text: String, _ code: String) -> Value { .money(decimal(text), Currency.named(code)!) }
