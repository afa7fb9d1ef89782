/// The prefix and infix operators, one row per precedence level, loosest first.
/// The parser reads expressions from this table alone, so adding an operator is a
/// row here (and in Grammar/suanpan.lark); `if` is looser than every row and the
/// postfix `.name`, `(args)`, `[index]` are tighter. Grammar/README.md's table
/// lists the same levels: `GrammarFactsTests` keeps the two equal.
public enum OperatorTable {
    public static let levels: [OperatorLevel] = [
        OperatorLevel(.leftAssociative, [(.keyword(.or), .or)]),
        OperatorLevel(.leftAssociative, [(.keyword(.and), .and)]),
        OperatorLevel(prefix: .keyword(.not), .not),
        OperatorLevel(.nonAssociative(message: "comparisons do not chain", hint: "write 'a < b and b < c'"),
                      [(.equal, .equal), (.notEqual, .notEqual), (.less, .less),
                       (.lessEqual, .lessEqual), (.greater, .greater), (.greaterEqual, .greaterEqual)]),
        OperatorLevel(.leftAssociative, [(.plus, .add), (.minus, .subtract)]),
        OperatorLevel(.leftAssociative, [(.star, .multiply), (.slash, .divide)]),
        OperatorLevel(prefix: .minus, .negate),
        OperatorLevel(.rightAssociative, [(.caret, .power)]),
    ]
}

/// One precedence level: how its operators group, and which tokens they are.
public struct OperatorLevel: Sendable {
    public enum Form: Sendable {
        /// `op x`: the operand is read at this level again, so prefixes nest: `not not p`.
        case prefix
        /// `a op b op c` is `(a op b) op c`.
        case leftAssociative
        /// `a op b`; a second operator of the level is an error with this message and hint.
        case nonAssociative(message: String, hint: String)
        /// `a op b op c` is `a op (b op c)`. When the level just looser is a prefix one,
        /// its operator may start the right operand: `2^-1` is `2^(-1)`.
        case rightAssociative
    }

    public let form: Form
    /// For an infix level, each token and the operator it stands for.
    public let binary: [(token: TokenKind, op: BinaryOperator)]
    /// For a prefix level, its token and operator.
    public let prefix: (token: TokenKind, op: UnaryOperator)?

    init(_ form: Form, _ binary: [(token: TokenKind, op: BinaryOperator)]) {
        self.form = form
        self.binary = binary
        self.prefix = nil
    }

    init(prefix token: TokenKind, _ op: UnaryOperator) {
        self.form = .prefix
        self.binary = []
        self.prefix = (token, op)
    }

    /// The infix operator this token stands for at this level, if any.
    func binaryOperator(_ kind: TokenKind) -> BinaryOperator? {
        binary.first { $0.token == kind }?.op
    }

    /// The operators as written: `["+", "-"]`, `["not"]`.
    public var spellings: [String] {
        if let prefix { return [prefix.op.rawValue] }
        return binary.map(\.op.rawValue)
    }

    public var isPrefix: Bool {
        if case .prefix = form { return true }
        return false
    }
}
