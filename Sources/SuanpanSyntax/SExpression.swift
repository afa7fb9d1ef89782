/// An S-expression: an atom, or a parenthesised list. A list's `body` items print one
/// per line below its head, two spaces further in, so a product reads member by member
/// and two trees can be compared line by line. Grammar/check.py lays out its trees
/// with the same rule; change both together.
public indirect enum SExpression: Sendable, Equatable {
    case atom(String)
    case list([SExpression], body: [SExpression] = [])

    /// A string atom: in double quotes, with `\"`, `\\`, `\n`, `\r`, `\t` and other
    /// control characters as `\u{X}`, so that it stays on one line.
    public static func string(_ text: String) -> SExpression { .atom(StringLiteral.quoted(text)) }

    /// The text, starting at column `indent` (only body lines are indented).
    public func rendered(indent: Int = 0) -> String {
        switch self {
        case .atom(let text):
            return text
        case .list(let head, let body):
            let first = head.map { $0.rendered(indent: indent) }.joined(separator: " ")
            let pad = String(repeating: " ", count: indent + 2)
            let lines = body.map { "\n" + pad + $0.rendered(indent: indent + 2) }
            return "(" + first + lines.joined() + ")"
        }
    }
}
