import SuanpanValues

/// How each core function is called and what it does, for `:doc` and help: one
/// exhaustive switch, so a new built-in cannot go undocumented.
extension Intrinsic {
    public var usage: String {
        switch self {
        case .round: "round(x[, step][, mode])"
        case .min: "min(a, b, …) or min(list)"
        case .max: "max(a, b, …) or max(list)"
        case .sum: "sum(list)"
        case .count: "count(list)"
        case .average: "average(list)"
        case .abs: "abs(x)"
        case .prod: "prod(list)"
        case .range: "range(a, b)"
        case .fail: "fail(\"message\")"
        case .first: "first(list)"
        case .last: "last(list)"
        case .take: "take(list, n)"
        case .drop: "drop(list, n)"
        case .reverse: "reverse(list)"
        case .distinct: "distinct(list)"
        case .flatten: "flatten(list of lists)"
        case .contains: "contains(list, value)"
        case .any: "any(list of bools)"
        case .all: "all(list of bools)"
        case .indexed: "indexed(list)"
        case .zip: "zip(list, list)"
        case .text: "text(x)"
        case .format: "format(template, x, …)"
        case .convertRate(let p): "\(p.converter)(rate[, basis])"
        }
    }

    public var summary: String {
        switch self {
        case .round: "rounds to a step (0.01, 2 places, 100 CNY; money defaults to its minor unit) with a mode (half_even by default)"
        case .min: "the smallest of numbers, money, dates or strings"
        case .max: "the largest of numbers, money, dates or strings"
        case .sum: "the total of a list of numbers, percentages, rates, durations or money"
        case .count: "how many items a list has"
        case .average: "the mean of a list of numbers or money"
        case .abs: "the magnitude, keeping the unit"
        case .prod: "the product of a list of numbers: compounding factors"
        case .range: "[a, a+1, …, b], both ends included"
        case .fail: "stops with an error; fits any type"
        case .first: "the first item (an empty list is an error)"
        case .last: "the last item (an empty list is an error)"
        case .take: "the first n items, all of them if there are fewer"
        case .drop: "all but the first n items"
        case .reverse: "the items in reverse order"
        case .distinct: "the items without repeats, the first of each kept"
        case .flatten: "the items of each inner list, in order"
        case .contains: "whether the list holds the value"
        case .any: "whether one item is true (false for none)"
        case .all: "whether every item is true (true for none)"
        case .indexed: "each item with its position from 0: (index: 0, item: …)"
        case .zip: "the items of two lists of one length in pairs: (first: x, second: y)"
        case .text: "the value as it prints: money with thousands separators and its currency"
        case .format: "the template with each {} replaced by the next value as it prints; {{ and }} write braces"
        case .convertRate(let p): "the rate as a rate per \(p.rawValue); between days and months the basis is the days in the longer period (\(Period.year.conventionalDays) a year, \(Period.month.conventionalDays) a month by default)"
        }
    }
}
