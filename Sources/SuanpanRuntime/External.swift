import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// How a plugin function runs: given the overload the checker chose and the
/// argument values (only the ones the call gave; optional ones may be missing).
public typealias ExternalImplementation = @Sendable (_ overload: Int, _ arguments: [Value]) throws(ExternalError) -> Value

/// A plugin function's failure: its message is reported at the call, with the
/// function's name in the trace.
public struct ExternalError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

extension Compiler {
    func external(_ f: Int, _ overload: Int, _ args: [BExpr], _ e: BExpr) -> Code {
        let codes = args.map(compile)
        let function = program.checked.externals[f]
        let implementation = program.externals.indices.contains(f) ? program.externals[f] : nil
        let resultType = e.type
        return { frame throws(RuntimeError) in
            guard let implementation else {
                throw RuntimeError("plugin function \(quoted(function.qualifiedName)) has no implementation", file: e.file, span: e.span)
            }
            var values: [Value] = []
            values.reserveCapacity(codes.count)
            for c in codes { values.append(try c(frame)) }
            let result: Value
            do throws(ExternalError) {
                result = try implementation(overload, values)
            } catch {
                var failure = RuntimeError(error.message, file: e.file, span: e.span)
                failure.trace.append("in \(function.qualifiedName)")
                throw failure
            }
            if frame.machine.log != nil {
                let shown = zip(values, args).map { Format.display($0, $1.type, quoteStrings: true) }.joined(separator: ", ")
                frame.machine.note("\(function.qualifiedName)(\(shown)) = \(Format.display(result, resultType, quoteStrings: true))")
            }
            // A plugin is outside code: what it returns is checked against what it declared.
            guard result.conforms(to: resultType) else {
                throw RuntimeError("plugin function \(quoted(function.qualifiedName)) returned a value that is not \(resultType)",
                                   file: e.file, span: e.span)
            }
            // What a plugin builds is paid for like what the program builds.
            let machine = frame.machine
            try machine.spend(values: 0, bytes: Machine.weight(of: result, cap: max(0, machine.bytesLeft) + 1), at: e)
            return result
        }
    }
}

/// What computes the values that come from outside a program: a population's
/// rows (read from its file) and a scenario's results (its rules run over a
/// population). `Program` is the host the command line and the REPL use.
public protocol SourceHost: AnyObject {
    func population(_ index: Int, in machine: Machine, at span: Span, in file: SourceFile) throws(RuntimeError) -> Value
    func scenario(_ index: Int, in machine: Machine, at span: Span, in file: SourceFile) throws(RuntimeError) -> Value
}
