import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// An error while evaluating: where it happened and the rules it happened in.
public struct RuntimeError: Error, Sendable {
    public var message: String
    public var file: SourceFile?
    public var span: Span
    public var hint: String?
    /// Innermost first: "in Huabei.fee (huabei.suan:12:3)".
    public var trace: [String] = []
    /// Which of the machine's budgets ran out, if that is what this error is.
    public var limit: Limit?
    /// Whether the message already names the rule that was running.
    var namesRule = false

    public enum Limit: Sendable {
        case steps, bytes
    }

    public init(_ message: String, file: SourceFile?, span: Span, hint: String? = nil) {
        self.message = message
        self.file = file
        self.span = span
        self.hint = hint
    }

    public var diagnostic: Diagnostic {
        var d = Diagnostic.error(message, file: file, span: span, hint: hint)
        if !trace.isEmpty { d.message += trace.map { "\n  \($0)" }.joined() }
        return d
    }
}

extension ArithmeticError {
    /// The message for a result of type `type`: an overflow states the range it left.
    func runtimeMessage(_ type: SType) -> String {
        switch self {
        case .overflow:
            if type == .date { return "arithmetic overflow: the date would leave the calendar (years 1-9999)" }
            return "arithmetic overflow: a number or amount must lie within about ±\(FixedDecimal.limitText)"
        case .divisionByZero: return "division by zero"
        case .tooManyFractionDigits, .malformed, .invalidArgument: return description
        }
    }
}
