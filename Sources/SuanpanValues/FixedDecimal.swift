/// An exact decimal number with 18 fraction digits: `value = units / 10^18`.
///
/// Money and rates in product rules must be exact in decimal (0.1 + 0.2 == 0.3), so the value
/// is a scaled `Int128` rather than binary floating point. 18 digits hold daily rates such as
/// 0.0004 (万分之四) compounded or divided several times without visible loss, and the
/// integer range, about ±1.7e20, holds any amount in any currency.
///
/// The representable range is symmetric: `units` never equals `Int128.min` in a result, so
/// negation and `magnitude` cannot overflow. Operations that could leave the range throw
/// `ArithmeticError.overflow` instead of trapping.
public struct FixedDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Number of decimal fraction digits: `value = units / 10^scale`.
    public static let scale: Int = 18

    /// The scaled integer: the value times 10^18.
    ///
    /// Set it directly only to values above `Int128.min`; every operation of this type keeps
    /// its results in that symmetric range.
    public var units: Int128

    /// Wraps a scaled integer (`value = units / 10^18`) without checks.
    @inlinable
    public init(units: Int128) {
        self.units = units
    }

    /// The integer `int`, exactly: |Int| < 9.3e18 is far inside the ±1.7e20 range.
    @inlinable
    public init(_ int: Int) {
        // |int| * 10^18 < 2^63 * 2^60 = 2^123: cannot wrap.
        self.units = Int128(truncatingIfNeeded: int) &* Int128(truncatingIfNeeded: FixedDecimal.unitsPerOne)
    }

    /// 0.
    public static let zero = FixedDecimal(units: 0)
    /// 1.
    public static let one = FixedDecimal(units: Int128(truncatingIfNeeded: unitsPerOne))

    /// The largest representable value, 170141183460469231731.687303715884105727.
    public static let maximum = FixedDecimal(units: .max)
    /// The smallest representable value, -170141183460469231731.687303715884105727.
    public static let minimum = FixedDecimal(units: 0 &- .max)

    /// 10^18: units per whole unit.
    @inlinable
    static var unitsPerOne: UInt64 { 1_000_000_000_000_000_000 }

    /// Half of `unitsPerOne`, the tie point when rounding to 18 digits.
    @inlinable
    static var halfUnit: UInt64 { 500_000_000_000_000_000 }

    /// Largest magnitude of a result: `Int128.max`, so that `-x` is always representable.
    @inlinable
    static var maxMagnitude: UInt128 { 0x7FFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF }

    /// Builds a value from a magnitude and a sign, or throws if the magnitude is out of range.
    @inlinable @inline(__always)
    static func make(magnitude: UInt128, negative: Bool) throws(ArithmeticError) -> FixedDecimal {
        guard magnitude <= maxMagnitude else { throw .overflow }
        let v = Int128(truncatingIfNeeded: magnitude)
        return FixedDecimal(units: negative ? 0 &- v : v)
    }

    /// Orders by value.
    @inlinable
    public static func < (a: FixedDecimal, b: FixedDecimal) -> Bool {
        a.units < b.units
    }

    /// The absolute value.
    ///
    /// A hand-built value with `units == Int128.min` (outside the supported range) saturates
    /// to the largest magnitude instead of trapping.
    @inlinable
    public var magnitude: FixedDecimal {
        FixedDecimal(units: units == .min ? .max : (units < 0 ? 0 &- units : units))
    }

    /// -1, 0 or 1 by the sign of the value.
    @inlinable
    public var signum: Int {
        units > 0 ? 1 : (units < 0 ? -1 : 0)
    }

    /// Whether the value has no fraction part.
    @inlinable
    public var isInteger: Bool {
        FixedDecimal.divideByScale(units.magnitude).remainder == 0
    }

    /// The value as an `Int` when it is an integer within `Int`'s range, else `nil`.
    @inlinable
    public var intValue: Int? {
        let (q, r) = FixedDecimal.divideByScale(units.magnitude)
        guard r == 0, q._high == 0 else { return nil }
        if units < 0 {
            // Int.min's magnitude, 2^63, is one more than Int.max.
            guard q._low <= UInt64(Int.max) &+ 1 else { return nil }
            return Int(truncatingIfNeeded: 0 &- q._low)
        }
        guard q._low <= UInt64(Int.max) else { return nil }
        return Int(truncatingIfNeeded: q._low)
    }
}
