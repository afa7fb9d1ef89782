/// A plugin function's declared signature, written in Suanpan's own type
/// syntax so that Swift and C plugins declare units the same way:
///
///     (rate: percent, periods: number, pv: money, [fv: money, type: int]) -> money
///
/// Parameters in `[…]` at the end are optional.
public struct SignatureSyntax: Sendable {
    public let parameters: [Parameter]
    /// How many leading parameters are required.
    public let required: Int
    public let result: TypeSyntax
}

extension Parser {
    /// Parses a signature; a malformed one yields diagnostics and no signature.
    public static func parseSignature(_ file: SourceFile) -> (SignatureSyntax?, [Diagnostic]) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens)
        let signature = try? parser.signature()
        return (lexDiagnostics.isEmpty ? signature : nil, lexDiagnostics + parser.diagnostics)
    }

    /// signature: "(" [param ("," param)*] ["," "[" param ("," param)* "]"] ")" "->" type
    mutating func signature() throws -> SignatureSyntax {
        try expect(.lparen, "'(' to start the parameter list")
        var parameters: [Parameter] = []
        var required: Int?
        while current.kind != .rparen {
            if required == nil, try accept(.lbracket) {
                required = parameters.count
                continue
            }
            let name = try expectName("a parameter name")
            try expect(.colon, "':' and the parameter's type")
            parameters.append(Parameter(name: name, type: try typeSyntax()))
            if required != nil, try accept(.rbracket) { break }
            if !(try accept(.comma)) { break }
        }
        try expect(.rparen, "')'")
        try expect(.arrow, "'->' and the result type")
        let result = try typeSyntax()
        try expect(.endOfFile, "the end of the signature")
        return SignatureSyntax(parameters: parameters, required: required ?? parameters.count, result: result)
    }
}
