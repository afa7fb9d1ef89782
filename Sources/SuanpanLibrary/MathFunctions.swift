import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// sqrt, exp and ln on numbers, with FixedDecimal's 18 fraction digits
/// (FixedDecimal+Transcendental.swift says how each is computed). sqrt is correctly rounded.
/// exp and ln are evaluated in 120-bit binary, a relative error of about 1e-34, and rounded once:
/// that is below half a unit of the 18th fraction digit for every ln (|ln x| < 47) and for
/// exp up to about 10^15; e^46 (9.5e19) may be off in its last two or three digits of 38.
extension MathPlugin {
    static func addFunctions(_ p: inout Plugin) {
        p.function("sqrt", "(x: number) -> number",
                   summary: "the square root, correctly rounded half-even at the 18th fraction digit; x must not be negative") { args throws(ExternalError) in
            let x = try args.decimal(0)
            guard x.signum >= 0 else { throw args.argumentError(0, "must not be negative, not \(x)") }
            return .decimal(try args.compute { () throws(ArithmeticError) in try x.squareRoot() })
        }
        p.function("exp", "(x: number) -> number",
                   summary: "e to the power x, rounded half-even at the 18th fraction digit (so it is 0 for x below about -42.1); "
                       + "results above 10^15 are good to 33 significant digits rather than to the last fraction digit; "
                       + "x up to 46.58 (e^46.58 is 1.7e20, the largest number)") { args throws(ExternalError) in
            let x = try args.decimal(0)
            do {
                return .decimal(try x.exp())
            } catch {
                // The only failure: the result is beyond the range, ln(1.7e20) = 46.5831….
                throw args.argumentError(0, "is too large: e^\(x) is beyond the largest number (about 1.7e20); x must be at most 46.58")
            }
        }
        p.function("ln", "(x: number) -> number",
                   summary: "the natural logarithm, rounded half-even at the 18th fraction digit; x must be above 0") { args throws(ExternalError) in
            let x = try args.decimal(0)
            guard x.signum > 0 else { throw args.argumentError(0, "must be above 0, not \(x)") }
            return .decimal(try args.compute { () throws(ArithmeticError) in try x.ln() })
        }
    }
}
