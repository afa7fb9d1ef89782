import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// math: whole-number division, conversion to int, roots and logarithms, and the median,
/// percentiles and standard deviations of lists.
///
/// The plugin is split by what each part owns:
/// - MathIntegers.swift: mod and div (floored, as a spreadsheet's MOD and Python's `//` and
///   `%`), int (with an explicit rounding mode);
/// - MathFunctions.swift: sqrt, exp, ln;
/// - MathStatistics.swift: median, percentile (PERCENTILE.INC), stdev (STDEV.S),
///   stdev_population (STDEV.P).
///
/// Precision: mod, div, int, the median of an odd count and percentiles that land on a value
/// are exact. Everything else has 18 fraction digits, rounded once, half-even: sqrt and the
/// standard deviations from the exact value; ln, and exp up to about 10^15, from a 120-bit
/// binary value good to about 1e-34 relative (larger exp results keep 33 significant digits);
/// an interpolated percentile or the median of an even count from the exact interpolation.
/// The precision is absolute, so a result below 0.001 keeps fewer than 15 significant digits
/// (exp(-40) is 0.000000000000000004).
extension StandardLibrary {
    public static var math: Plugin {
        var p = Plugin(name: "math", version: "1.0.0",
                       summary: "Floored mod and div, int with a rounding mode, sqrt, exp, ln, median, percentile and standard deviation")
        MathPlugin.addIntegerDivision(&p)
        MathPlugin.addConversion(&p)
        MathPlugin.addFunctions(&p)
        MathPlugin.addStatistics(&p)
        return p
    }
}

/// The implementation of the plugin, kept apart from other plugins' helpers.
enum MathPlugin {}

extension Arguments {
    /// A `rounding` argument: half_up, half_even, down, up, floor or ceiling.
    func roundingMode(_ i: Int) throws(ExternalError) -> RoundingMode {
        guard i < values.count, case .roundingMode(let mode) = values[i] else {
            throw error("internal error: \(callee.label(i)) is not a rounding mode")
        }
        return mode
    }
}
