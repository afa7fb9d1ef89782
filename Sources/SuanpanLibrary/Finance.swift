import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// finance: spreadsheet-compatible time value of money, rates and schedules.
extension StandardLibrary {
    public static var finance: Plugin {
        var p = Plugin(name: "finance", version: "1.0.0",
                       summary: "Spreadsheet-compatible time value of money, effective rates and amortization schedules")
        addRateConversions(&p)
        return p
    }

    static func addRateConversions(_ p: inout Plugin) {
        // EFFECT(nominal_rate, npery) = (1 + nominal/npery)^npery − 1
        p.function("effect", "(nominal: percent, periods: int) -> percent",
                   summary: "effective annual rate of a nominal rate compounded `periods` times a year (EFFECT)") { _, values throws(ExternalError) in
            let args = Arguments(values)
            let nominal = try args.decimal(0)
            let n = try args.int(1)
            guard n >= 1 else { throw ExternalError("periods must be at least 1, not \(n)") }
            return .decimal(try exact { () throws(ArithmeticError) in
                try nominal.divided(by: FixedDecimal(n)).adding(.one).power(FixedDecimal(n)).subtracting(.one)
            })
        }
    }
}
