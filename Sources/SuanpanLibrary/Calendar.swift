import SuanpanChecker
import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// calendar: date arithmetic, month boundaries and billing cycles.
///
/// Dates are proleptic Gregorian, years 1-9999 (`CivilDate`). Everything here uses
/// the same operations as the language itself, so `calendar.add_months(d, 1)` and
/// `d + 1 month` always agree (month-end rule: 2020-01-31 + 1 month = 2020-02-29),
/// as do `calendar.days_between(a, b)` and `b - a`, and `calendar.weekday(d)` and
/// `d.weekday` (ISO: 1 = Monday … 7 = Sunday). A result outside years 1-9999 is an
/// error, never a wrapped date.
extension StandardLibrary {
    public static var calendar: Plugin {
        var p = Plugin(name: "calendar", version: "1.0.0", summary: "Dates, month boundaries and billing cycles")
        CalendarPlugin.addDateArithmetic(&p)
        CalendarPlugin.addMonthFunctions(&p)
        CalendarPlugin.addBillingCycles(&p)
        return p
    }
}

/// The implementation of the plugin, kept apart from other plugins' helpers.
enum CalendarPlugin {
    static func addDateArithmetic(_ p: inout Plugin) {
        p.function("add_days", "(date: date, days: days) -> date", "(date: date, days: int) -> date",
                   summary: "the date `days` later (earlier when negative); same as `date + days`") { args throws(ExternalError) in
            .date(try shifted(try args.date(0), days: try args.int(1)))
        }
        p.function("add_months", "(date: date, months: int) -> date", "(date: date, months: months) -> date",
                   summary: "the date `months` calendar months later, the day clamped to the month's last day "
                       + "(2020-01-31 + 1 month = 2020-02-29); same as `date + months`") { args throws(ExternalError) in
            .date(try shifted(try args.date(0), months: try args.int(1)))
        }
        p.function("days_between", "(from: date, to: date) -> days",
                   summary: "days from `from` to `to`, negative when `to` is earlier; same as `to - from`") { args throws(ExternalError) in
            .decimal(FixedDecimal(try args.date(0).days(to: try args.date(1))))
        }
        p.function("weekday", "(date: date) -> int",
                   summary: "ISO weekday, 1 = Monday … 7 = Sunday; same as `date.weekday`") { args throws(ExternalError) in
            .decimal(FixedDecimal(try args.date(0).weekday))
        }
    }

    static func addMonthFunctions(_ p: inout Plugin) {
        p.function("day_of_month", "(date: date) -> int",
                   summary: "the day of the month, 1-31; same as `date.day`") { args throws(ExternalError) in
            .decimal(FixedDecimal(try args.date(0).day))
        }
        p.function("days_in_month", "(date: date) -> int", "(year: int, month: int) -> int",
                   summary: "days in the date's month (28-31), or in `month` of `year`") { args throws(ExternalError) in
            if args.overload == 0 {
                let d = try args.date(0)
                return .decimal(FixedDecimal(CivilDate.daysInMonth(year: d.year, month: d.month)))
            }
            let year = try validYear(args, 0)
            let month = try args.int(1)
            guard (1...12).contains(month) else { throw args.argumentError(1, "must be 1 to 12, not \(month)") }
            return .decimal(FixedDecimal(CivilDate.daysInMonth(year: year, month: month)))
        }
        p.function("start_of_month", "(date: date) -> date",
                   summary: "the first day of the date's month") { args throws(ExternalError) in
            let d = try args.date(0)
            return .date(try shifted(d, days: 1 - d.day))
        }
        p.function("end_of_month", "(date: date) -> date",
                   summary: "the last day of the date's month") { args throws(ExternalError) in
            .date(try args.date(0).lastDayOfMonth)
        }
        p.function("is_leap_year", "(date: date) -> bool", "(year: int) -> bool",
                   summary: "whether the date's year (or `year`) is a Gregorian leap year") { args throws(ExternalError) in
            let year = args.overload == 0 ? try args.date(0).year : try validYear(args, 0)
            return .bool(CivilDate.isLeapYear(year))
        }
    }

    // MARK: Shared date helpers

    /// `date` moved by whole days, or a clear error outside years 1-9999.
    static func shifted(_ date: CivilDate, days: Int) throws(ExternalError) -> CivilDate {
        do {
            return try date.adding(days: days)
        } catch {
            throw ExternalError("\(date) + \(days) days is outside the calendar (years 1 to 9999)")
        }
    }

    /// `date` moved by calendar months (month-end rule), or a clear error outside years 1-9999.
    static func shifted(_ date: CivilDate, months: Int) throws(ExternalError) -> CivilDate {
        do {
            return try date.adding(months: months)
        } catch {
            throw ExternalError("\(date) + \(months) months is outside the calendar (years 1 to 9999)")
        }
    }

    /// A year argument, 1-9999 like every date.
    static func validYear(_ args: Arguments, _ i: Int) throws(ExternalError) -> Int {
        let year = try args.int(i)
        guard (1...9999).contains(year) else { throw args.argumentError(i, "must be 1 to 9999, not \(year)") }
        return year
    }
}
