// daycount: year fractions between dates, as a native Suanpan plugin in Swift.
// Built separately from Suanpan, against the C header only:
//
//   swiftc -emit-library -parse-as-library -I Sources/CSuanpanPlugin/include \
//       -o libdaycount.so Examples/plugins/daycount/DayCount.swift
//   suanpan eval --plugin ./libdaycount.so 'daycount.year_fraction(2020-01-01, 2020-07-01)'
import CSuanpanPlugin
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 10^18: numbers cross the ABI as value × 10^18.
let scale: Int128 = 1_000_000_000_000_000_000

/// Actual days ÷ basis (365 unless 360 is given), rounded half-even to 18 places.
func yearFraction(_ overload: Int32, _ args: UnsafePointer<sp_value>?, _ count: Int32,
                  _ result: UnsafeMutablePointer<sp_value>?, _ error: UnsafeMutablePointer<CChar>?, _ size: Int32) -> Int32 {
    guard let args, let result, count >= 2 else { return fail(error, size, "two dates are needed") }
    var basis: Int128 = 365
    if count > 2 {
        let units = Int128(args[2].units_high) << 64 | Int128(args[2].units_low)
        basis = units / scale
        guard units % scale == 0, basis == 360 || basis == 365 else { return fail(error, size, "the basis is 360 or 365") }
    }
    let days = Int128(args[1].date) - Int128(args[0].date)
    let numerator = days * scale
    var quotient = numerator / basis
    let remainder = numerator % basis
    // Half-even on the 18th place.
    let twice = 2 * (remainder < 0 ? -remainder : remainder)
    if twice > basis || (twice == basis && quotient % 2 != 0) { quotient += numerator < 0 ? -1 : 1 }
    result.pointee.kind = Int32(SP_NUMBER.rawValue)
    result.pointee.units_high = Int64(truncatingIfNeeded: quotient >> 64)
    result.pointee.units_low = UInt64(truncatingIfNeeded: quotient)
    return 0
}

func fail(_ error: UnsafeMutablePointer<CChar>?, _ size: Int32, _ message: String) -> Int32 {
    guard let error, size > 0 else { return 1 }
    let bytes = Array(message.utf8.prefix(Int(size) - 1))
    for (i, b) in bytes.enumerated() { error[i] = CChar(bitPattern: b) }
    error[bytes.count] = 0
    return 1
}

/// Built once; C strings and the table live for the life of the process.
nonisolated(unsafe) let description: UnsafeMutablePointer<sp_plugin> = {
    let declarations = UnsafeMutablePointer<sp_function_decl>.allocate(capacity: 1)
    declarations.initialize(to: sp_function_decl(
        name: strdup("year_fraction"),
        signature: strdup("(from: date, to: date, [basis: int]) -> number"),
        summary: strdup("actual days between two dates over a 365-day (or 360-day) year"),
        call: yearFraction))
    let plugin = UnsafeMutablePointer<sp_plugin>.allocate(capacity: 1)
    plugin.initialize(to: sp_plugin(
        abi_version: UInt32(SUANPAN_PLUGIN_ABI_VERSION), name: strdup("daycount"), version: strdup("1.0.0"),
        summary: strdup("Year fractions between dates (act/365, act/360)"), function_count: 1,
        functions: UnsafePointer(declarations)))
    return plugin
}()

@_cdecl("suanpan_plugin")
public func suanpanPlugin() -> UnsafePointer<sp_plugin> {
    UnsafePointer(description)
}
