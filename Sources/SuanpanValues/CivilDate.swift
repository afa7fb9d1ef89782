/// A calendar date in the proleptic Gregorian calendar, years 1...9999, without time or zone.
///
/// Stored as a day count since 1970-01-01 so that comparisons and day arithmetic (interest by
/// the day, 按日计息) are integer operations; year, month and day are derived on demand with
/// Howard Hinnant's `civil_from_days` / `days_from_civil` algorithms
/// (https://howardhinnant.github.io/date_algorithms.html).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int32

    /// Day number of 0001-01-01.
    public static let minimumDayNumber: Int32 = -719_162
    /// Day number of 9999-12-31.
    public static let maximumDayNumber: Int32 = 2_932_896

    /// The date with the given day number, or `nil` outside 0001-01-01...9999-12-31.
    public init?(dayNumber: some BinaryInteger) {
        guard let days = Int32(exactly: dayNumber),
              days >= CivilDate.minimumDayNumber, days <= CivilDate.maximumDayNumber else { return nil }
        self.dayNumber = days
    }

    /// The date `year-month-day`, or `nil` unless year is 1...9999, month 1...12 and day
    /// exists in that month (29 February only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.dayNumber = Int32(truncatingIfNeeded: CivilDate.daysFromCivil(year, month, day))
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day, ASCII digits);
    /// `nil` for any other text or a date that does not exist.
    public static func parse(_ text: Substring) -> CivilDate? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let byte = bytes[i]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value &* 10 &+ Int(byte &- UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Year, month (1...12) and day (1...31) of the date.
    public var components: (year: Int, month: Int, day: Int) {
        CivilDate.civilFromDays(Int(dayNumber))
    }

    /// The year, 1...9999.
    public var year: Int { components.year }
    /// The month, 1...12.
    public var month: Int { components.month }
    /// The day of the month, 1...31.
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4); floor modulo keeps dates before 1970 right.
        let shifted = (Int(dayNumber) &+ 3) % 7
        return (shifted < 0 ? shifted &+ 7 : shifted) &+ 1
    }

    /// The date `days` later (earlier when negative).
    ///
    /// - Throws: `.overflow` when the result leaves years 1...9999.
    public func adding(days: Int) throws(ArithmeticError) -> CivilDate {
        let (target, overflow) = Int(dayNumber).addingReportingOverflow(days)
        guard !overflow, let date = CivilDate(dayNumber: target) else { throw .overflow }
        return date
    }

    /// The date `months` calendar months later (earlier when negative), with the day clamped to
    /// the target month's last day: 2020-01-31 + 1 month = 2020-02-29, 2020-03-31 - 1 month =
    /// 2020-02-29.
    ///
    /// - Throws: `.overflow` when the result leaves years 1...9999.
    public func adding(months: Int) throws(ArithmeticError) -> CivilDate {
        let (y, m, d) = components
        // Months counted from January of year 0; y ≤ 9999 keeps this far from overflow.
        let (total, overflow) = (y &* 12 &+ (m &- 1)).addingReportingOverflow(months)
        guard !overflow else { throw .overflow }
        let year = total >= 0 ? total / 12 : (total &- 11) / 12
        let month = total &- year &* 12 &+ 1
        guard (1...9999).contains(year) else { throw .overflow }
        let day = Swift.min(d, CivilDate.daysInMonth(year: year, month: month))
        guard let date = CivilDate(year: year, month: month, day: day) else { throw .overflow }
        return date
    }

    /// Days from `self` to `other`: positive when `other` is later.
    public func days(to other: CivilDate) -> Int {
        Int(other.dayNumber) &- Int(dayNumber)
    }

    /// The last day of this date's month.
    public var lastDayOfMonth: CivilDate {
        let (y, m, d) = components
        // Same month, so the day number moves by the days remaining; always in range.
        return CivilDate(unchecked: Int(dayNumber) &+ (CivilDate.daysInMonth(year: y, month: m) &- d))
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` of `year` (28...31), or 0 when `month` is not 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// `YYYY-MM-DD`, e.g. "2020-06-30".
    public var description: String {
        let (y, m, d) = components
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        func append(_ value: Int, digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor &*= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        append(y, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        append(m, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        append(d, digits: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Orders by day.
    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        a.dayNumber < b.dayNumber
    }

    /// For day numbers already known to be in range.
    private init(unchecked dayNumber: Int) {
        self.dayNumber = Int32(truncatingIfNeeded: dayNumber)
    }

    /// Hinnant's days_from_civil for a valid date (years ≥ 1, so the era is never negative).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year &- 1 : year
        let era = y / 400                                     // y ≥ 0 here
        let yearOfEra = y &- era &* 400                       // 0...399
        let shiftedMonth = month > 2 ? month &- 3 : month &+ 9  // March = 0
        let dayOfYear = (153 &* shiftedMonth &+ 2) / 5 &+ day &- 1        // 0...365
        let dayOfEra = yearOfEra &* 365 &+ yearOfEra / 4 &- yearOfEra / 100 &+ dayOfYear  // 0...146096
        return era &* 146_097 &+ dayOfEra &- 719_468
    }

    /// Hinnant's civil_from_days for a day number in the supported range.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days &+ 719_468                               // ≥ 0 for years ≥ 1
        let era = z / 146_097
        let dayOfEra = z &- era &* 146_097                    // 0...146096
        let yearOfEra = (dayOfEra &- dayOfEra / 1460 &+ dayOfEra / 36524 &- dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra &- (365 &* yearOfEra &+ yearOfEra / 4 &- yearOfEra / 100)
        let shiftedMonth = (5 &* dayOfYear &+ 2) / 153
        let day = dayOfYear &- (153 &* shiftedMonth &+ 2) / 5 &+ 1
        let month = shiftedMonth < 10 ? shiftedMonth &+ 3 : shiftedMonth &- 9
        let year = yearOfEra &+ era &* 400 &+ (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
