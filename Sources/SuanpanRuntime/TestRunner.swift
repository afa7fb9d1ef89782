import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// What one `test` block did.
public struct TestOutcome: Sendable {
    public let name: String
    public let file: SourceFile
    public let span: Span
    /// One entry per failed `expect`, with both sides' values where it compared.
    public var failures: [String] = []
    /// Output of `print` statements inside the test.
    public var output: [String] = []
    public var passed: Bool { failures.isEmpty }
}

extension Machine {
    /// Runs a test block; every `expect` is tried even after one fails, so a
    /// single run shows everything that is wrong.
    public func run(_ test: TestDef) -> TestOutcome {
        var outcome = TestOutcome(name: test.name, file: test.file, span: test.span)
        beginEvaluation()
        let frame = Frame(size: test.frameSize, machine: self)
        let compiler = Compiler(program: program)
        for statement in test.statements {
            switch statement {
            case .assign(let slot, let value):
                do {
                    frame.slots[slot] = try compiler.compile(value)(frame)
                } catch {
                    outcome.failures.append(describe(error, prefix: "error"))
                    return outcome
                }
            case .expect(let e, let span):
                if let failure = expectation(e, span, frame, compiler) { outcome.failures.append(failure) }
            case .expectError(let e, let message, let span):
                do {
                    let value = try compiler.compile(e)(frame)
                    outcome.failures.append("\(position(e.file, span)): expected an error, got \(Format.display(value, e.type, quoteStrings: true))")
                } catch {
                    if let message, !error.message.contains(message) {
                        outcome.failures.append("\(position(e.file, span)): expected an error containing \(Format.quoted(message)), got: \(error.message)")
                    }
                }
            case .print(let values, _):
                do {
                    outcome.output.append(try values.map { v throws(RuntimeError) in
                        Format.display(try compiler.compile(v)(frame), v.type)
                    }.joined(separator: " "))
                } catch {
                    outcome.failures.append(describe(error, prefix: "error"))
                }
            }
        }
        return outcome
    }

    func expectation(_ e: BExpr, _ span: Span, _ frame: Frame, _ compiler: Compiler) -> String? {
        let at = position(e.file, span)
        do {
            if case .compare(let comparison, let valueClass, let l, let r) = e.kind {
                let left = try compiler.compile(l)(frame)
                let right = try compiler.compile(r)(frame)
                if try compareValues(comparison, valueClass, left, right, e) { return nil }
                let source = e.file.text(of: e.span)
                return "\(at): expected \(source)\n      left:  \(Format.display(left, l.type, quoteStrings: true))\n      right: \(Format.display(right, r.type, quoteStrings: true))"
            }
            if try boolean(try compiler.compile(e)(frame), e) { return nil }
            return "\(at): expected \(e.file.text(of: e.span)) to be true"
        } catch {
            return describe(error, prefix: "error")
        }
    }

    func position(_ file: SourceFile, _ span: Span) -> String { "\(file.path):\(file.location(of: span.start))" }

    func describe(_ error: RuntimeError, prefix: String) -> String {
        let where_ = error.file.map { position($0, error.span) + ": " } ?? ""
        return "\(where_)\(prefix): \(error.message)" + error.trace.map { "\n      \($0)" }.joined()
    }
}
