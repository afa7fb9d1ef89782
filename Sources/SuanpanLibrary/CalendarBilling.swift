import SuanpanPlugin
import SuanpanRuntime
import SuanpanValues

/// Billing cycles of a credit line such as Huabei (花呗) or a credit card.
///
/// Conventions (PRODUCTS.md §2: Huabei bills on the 1st and is due on the 10th; a purchase
/// has up to 40 interest-free days):
///
/// - A statement (账单) is drawn up at the start of its statement day, so the statement dated
///   D covers purchases up to and including the day before D. A purchase therefore goes on the
///   first statement date strictly after it: with statement day 1, every purchase made in June
///   (June 1 … June 30) is on the July 1 statement, and a purchase on July 1 is on August 1's.
///   Cards whose statement also includes purchases made on the statement day itself pass
///   `inclusive: true`, which makes it the first statement date on or after the purchase.
/// - The payment is due on the first due day strictly after the statement date: statement on
///   the 1st, due day 10 → the 10th of the same month; statement on the 20th, due day 8 → the
///   8th of the next month; due day equal to the statement day → a month later.
/// - A statement or due day beyond a month's length means that month's last day: statement
///   day 31 is April 30 and February 28 (29 in leap years). Days must be 1-31.
/// - Interest-free days = due date − purchase date (2020-07-01 → 2020-08-10: 40 days;
///   2020-07-31 → 10 days), the same count as `due - purchase` in the language.
/// - Overdue days count from the day after the due date: repaying on the due date is 0 days
///   late, the day after is 1; never negative.
extension CalendarPlugin {
    static func addBillingCycles(_ p: inout Plugin) {
        p.function("statement_date", "(purchase: date, statement_day: int, [inclusive: bool]) -> date",
                   summary: "the statement a purchase goes on: the first statement day strictly after it "
                       + "(on or after it with inclusive: true); day 31 means the month's last day") { args throws(ExternalError) in
            let day = try billingDay(args, 1)
            let inclusive = args.has(2) ? try args.bool(2) : false
            return .date(try statementDate(after: try args.date(0), day: day, inclusive: inclusive))
        }
        p.function("payment_due_date", "(statement: date, due_day: int) -> date",
                   summary: "the due date of a statement: the first due day strictly after the statement date "
                       + "(Huabei: statement 2020-08-01, due day 10 → 2020-08-10)") { args throws(ExternalError) in
            let day = try billingDay(args, 1)
            return .date(try dueDate(after: try args.date(0), day: day))
        }
        p.function("interest_free_period",
                   "(purchase: date, statement_day: int, due_day: int, [inclusive: bool]) -> days",
                   summary: "days from a purchase to the due date of the statement it goes on "
                       + "(Huabei, statement day 1, due day 10: 2020-07-01 → 40 days)") { args throws(ExternalError) in
            let purchase = try args.date(0)
            let statementDay = try billingDay(args, 1)
            let dueDay = try billingDay(args, 2)
            let inclusive = args.has(3) ? try args.bool(3) : false
            let statement = try statementDate(after: purchase, day: statementDay, inclusive: inclusive)
            let due = try dueDate(after: statement, day: dueDay)
            return .decimal(FixedDecimal(purchase.days(to: due)))
        }
        p.function("overdue_days", "(due: date, repaid: date) -> days",
                   summary: "days late, counted from the day after the due date; 0 when repaid on or before it") { args throws(ExternalError) in
            let late = try args.date(0).days(to: try args.date(1))
            return .decimal(FixedDecimal(Swift.max(0, late)))
        }
    }

    /// A statement or due day argument: a whole number 1-31.
    static func billingDay(_ args: Arguments, _ i: Int) throws(ExternalError) -> Int {
        let d = try args.decimal(i)
        guard let day = d.intValue, (1...31).contains(day) else {
            throw args.argumentError(i, "must be a day of the month, 1 to 31, not \(d)")
        }
        return day
    }

    static func statementDate(after purchase: CivilDate, day: Int, inclusive: Bool) throws(ExternalError) -> CivilDate {
        guard let date = nextDay(day, after: purchase, inclusive: inclusive) else {
            throw ExternalError("the statement for a purchase on \(purchase) would fall after 9999-12-31")
        }
        return date
    }

    static func dueDate(after statement: CivilDate, day: Int) throws(ExternalError) -> CivilDate {
        guard let date = nextDay(day, after: statement, inclusive: false) else {
            throw ExternalError("the due date of a statement on \(statement) would fall after 9999-12-31")
        }
        return date
    }

    /// The first date after `date` (or on it, if `inclusive`) whose day of the month is `day`
    /// (1-31), clamped to the month's last day; nil past 9999-12-31.
    static func nextDay(_ day: Int, after date: CivilDate, inclusive: Bool) -> CivilDate? {
        let (y, m, _) = date.components
        if let this = clamped(day, y, m), this > date || (inclusive && this == date) { return this }
        return m == 12 ? clamped(day, y + 1, 1) : clamped(day, y, m + 1)
    }

    /// Day `day` of the month, or the month's last day if the month is shorter; nil for a
    /// year outside 1-9999.
    static func clamped(_ day: Int, _ year: Int, _ month: Int) -> CivilDate? {
        CivilDate(year: year, month: month, day: Swift.min(day, CivilDate.daysInMonth(year: year, month: month)))
    }
}
