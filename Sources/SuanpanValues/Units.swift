/// The vocabulary of time units: the periods rates and money flows are quoted
/// per, the units durations are counted in, and the words that write them.
///
/// Everything the rest of Suanpan knows about a unit is derived from the facts
/// here, each given by one exhaustive switch: adding a period or a duration unit
/// is a compile error in this file first, and then at every place that must
/// decide something new (the lexer, the checker, the runtime and the display
/// read the words and lengths from here, never from a list of their own).

/// The period of a rate (`0.04%/day`) or of a flow of money (`money<CNY>/day`).
public enum Period: String, Sendable, Hashable, CaseIterable {
    case day, month, year

    /// One period, measured in the unit a duration multiplying a rate of this
    /// period must be counted in: a year is 12 months, so `rate/year × months`
    /// is defined and `rate/year × days` needs a day-count basis.
    public var length: (count: Int, unit: DurationUnit) {
        switch self {
        case .day: (1, .day)
        case .month: (1, .month)
        case .year: (12, .month)
        }
    }

    /// The days in one period when a conversion between days and months needs
    /// them and no basis is given: a month of 30 days, a year of 365 (Alipay's
    /// and the banks' convention for daily rates; 360 is the other basis in use).
    public var conventionalDays: Int {
        switch self {
        case .day: 1
        case .month: 30
        case .year: 365
        }
    }

    /// "daily", "monthly", "yearly": for messages.
    public var adjective: String {
        switch self {
        case .day: "daily"
        case .month: "monthly"
        case .year: "yearly"
        }
    }

    /// The core function that converts a rate to this period.
    public var converter: String {
        switch self {
        case .day: "daily"
        case .month: "monthly"
        case .year: "annualize"
        }
    }
}

/// Durations count whole days or whole calendar months, because `date + 1 month`
/// follows the calendar while `date + 30 days` does not.
public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
    case day, month

    /// The period one unit is: a rate of this period times a duration in this unit is a plain percentage.
    public var period: Period {
        switch self {
        case .day: .day
        case .month: .month
        }
    }

    /// The type name of durations in this unit (`days`, `months`), also their plural word.
    public var plural: String {
        switch self {
        case .day: "days"
        case .month: "months"
        }
    }

    /// The word for a count of them: "1 day", "2 days".
    public func word(singular: Bool) -> String { singular ? rawValue : plural }
}

/// A word that writes a duration literal (`40 days`, `1 year`, `2 weeks`) and
/// what one of it is worth. Every period is such a word, worth its length; a
/// week is the one word that is not a period. Singular and plural both read.
public enum DurationWord: Sendable, Hashable, CaseIterable {
    case period(Period)
    case week

    public static var allCases: [DurationWord] { Period.allCases.map { .period($0) } + [.week] }

    public var singular: String {
        switch self {
        case .period(let p): p.rawValue
        case .week: "week"
        }
    }

    public var plural: String { singular + "s" }

    public var worth: (count: Int, unit: DurationUnit) {
        switch self {
        case .period(let p): p.length
        case .week: (7, .day)
        }
    }

    /// The word as written, singular or plural; nil for any other text.
    public init?(written text: Substring) {
        guard let word = Self.allCases.first(where: { $0.singular == text || $0.plural == text }) else { return nil }
        self = word
    }
}

/// The word of a rounding step counted in decimal places: `round(x, 2 places)` is
/// `round(x, 0.01)`, `round(x, 1 place)` is `round(x, 0.1)`. It is not a duration
/// word: a count of places is only ever a step.
public enum PlacesWord {
    public static let singular = "place"
    public static let plural = "places"
    /// The most places a step can have: a decimal's fraction digits.
    public static let maximum = FixedDecimal.scale

    /// The word for a count of places: "1 place", "2 places".
    public static func written(_ count: Int) -> String { "\(count) \(count == 1 ? singular : plural)" }

    /// The count in a message: "1 decimal place", "2 decimal places".
    public static func spelled(_ count: Int) -> String { "\(count) decimal \(count == 1 ? singular : plural)" }

    /// The step `count` places make (0.01 for 2), for counts up to `maximum`.
    public static func step(_ count: Int) -> FixedDecimal? {
        guard (0...maximum).contains(count) else { return nil }
        return FixedDecimal(units: Int128(truncatingIfNeeded: PowersOfTen.value(maximum - count)))
    }

    /// The step as written in a message: "0.01" for 2 places, "1" for none.
    public static func stepText(_ count: Int) -> String { step(count)?.description ?? "?" }
}

extension Array where Element == String {
    /// "a, b or c": choices for a message.
    public func spelledOut(_ conjunction: String = "or") -> String {
        guard let last, count > 1 else { return last ?? "" }
        return dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
