import SuanpanSyntax
import SuanpanValues

/// A checked expression: its type, its source position (for runtime errors)
/// and what it does, with every name and operator resolved.
public final class BExpr: @unchecked Sendable {
    public let kind: BKind
    public let type: SType
    public let span: Span
    public let file: SourceFile

    init(_ kind: BKind, _ type: SType, _ span: Span, _ file: SourceFile) {
        self.kind = kind
        self.type = type
        self.span = span
        self.file = file
    }
}

public indirect enum BKind: Sendable {
    case constant(Constant)
    case local(Int)
    case global(Int)
    case call(function: Int, [BExpr])
    case intrinsic(Intrinsic, [BExpr])
    /// A plugin function: which one, which of its overloads, the arguments given.
    case external(function: Int, overload: Int, [BExpr])
    case negate(BExpr, money: Bool)
    case not(BExpr)
    case and(BExpr, BExpr)
    case or(BExpr, BExpr)
    case operation(Operation, BExpr, BExpr)
    case compare(Comparison, ValueClass, BExpr, BExpr)
    case conditional(BExpr, BExpr, BExpr)
    /// `let` inside a rule's block: store the value in a slot, then evaluate the rest.
    case sequence(slot: Int, value: BExpr, then: BExpr)
    case field(BExpr, Int)
    case index(BExpr, BExpr)
    /// A part of a list: from `from` (or the start) to `to` (or the end), `through` including it.
    case slice(BExpr, from: BExpr?, to: BExpr?, through: Bool)
    case list([BExpr])
    case comprehension(element: BExpr, slot: Int, source: BExpr, filter: BExpr?)
    /// `fold` and `scan`: a state carried through a list.
    case fold(FoldPlan)
    /// `sort x in xs by key` and `group x in xs by key`: the key of each item is
    /// computed with the item in `slot`.
    case arrange(ArrangeKind, slot: Int, source: BExpr, key: BExpr?, descending: Bool)
    case record(RecordType, [BExpr])
    /// Money of a currency known only at run time, used where a currency is declared.
    case requireCurrency(BExpr, Currency)
    /// `d.year`, `d.month`, `d.day`, `d.weekday` (1 = Monday … 7 = Sunday).
    case dateComponent(BExpr, DateComponent)
    /// The product's rounding policy applied to a money result.
    case roundMoney(BExpr, quantum: FixedDecimal?, mode: RoundingMode)
    /// `with P { … } in body`: the body runs with these parameters overridden.
    case scoped([OverrideDef], body: BExpr)
    /// What a host computes from outside the program: a population's rows, read
    /// from its file, or a scenario's results.
    case source(DataSource)
}

public enum DataSource: Sendable {
    case population(Int)
    case scenario(Int)
}

/// One change of a what-if: a product parameter (its global), or a table's row
/// for some keys, and the value it takes, computed before the change applies.
/// `with`, `--set` and `:set` all make these.
public struct OverrideDef: Sendable {
    public enum Target: Sendable {
        case parameter(global: Int)
        case row(table: Int, keys: [BExpr])
    }
    public let target: Target
    public let value: BExpr
}

/// A checked `fold` or `scan`: the state lives in `stateSlot`, the current item
/// in `itemSlot`; `step` computes the next state from both.
public struct FoldPlan: Sendable {
    public let initial: BExpr
    public let stateSlot: Int
    public let itemSlot: Int
    public let source: BExpr
    public let filter: BExpr?
    public let step: BExpr
    /// `scan`: the result is the list of states after each item; `fold`: the last state.
    public let keepsEveryState: Bool
}

/// Arithmetic with units resolved: the runtime does exactly this, no type tests.
public enum Operation: Sendable {
    case addDecimal, subtractDecimal, multiplyDecimal, divideDecimal, power
    case addMoney, subtractMoney
    /// money × decimal (the money operand is on the left after checking).
    case scaleMoney
    case divideMoneyByDecimal, divideMoneyByMoney
    /// A date moved by a whole number of days or months (the duration on the right).
    case shiftDate(DurationUnit, subtract: Bool)
    case daysBetween
    case concatenate
    /// `xs + ys`.
    case concatenateLists
}

public enum Comparison: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    /// `<`, `<=`, `>`, `>=` need values with an order; `==` and `!=` do not.
    public var isOrdering: Bool {
        switch self {
        case .equal, .notEqual: false
        case .less, .lessEqual, .greater, .greaterEqual: true
        }
    }
}

/// How two values of a type are compared.
public enum ValueClass: Sendable { case decimal, money, date, string, bool, structural }

/// Built-in functions of the core language.
public enum Intrinsic: Sendable, Hashable, CaseIterable {
    case round, min, max, sum, count, average, abs
    /// The product of a list of numbers: compounding daily factors.
    case prod
    /// range(1, 12) is [1, 2, …, 12]: both ends included.
    case range
    /// fail("message"): stop with an error; its type fits anywhere.
    case fail
    /// Lists: the first or last item, the first n or all but the first n, reversed,
    /// without repeats, flattened one level, membership and logic over bools; each
    /// item paired with its position, two lists paired item by item.
    case first, last, take, drop, reverse, distinct, flatten, contains, any, all, indexed, zip
    /// text(x): any value as it prints (money with thousands separators and its currency).
    case text
    /// format("{} paid {}", a, b): each `{}` replaced by the next value as it prints.
    case format
    /// annualize(r), daily(r), monthly(r): a rate converted to a period, one function per period.
    case convertRate(to: Period)

    /// Every intrinsic; a case added above must be listed here too.
    public static var allCases: [Intrinsic] {
        [.round, .min, .max, .sum, .count, .average, .abs, .prod, .range, .fail,
         .first, .last, .take, .drop, .reverse, .distinct, .flatten, .contains, .any, .all, .indexed, .zip, .text, .format]
            + Period.allCases.map { .convertRate(to: $0) }
    }

    /// The name a program calls it by.
    public var name: String {
        switch self {
        case .round: "round"
        case .min: "min"
        case .max: "max"
        case .sum: "sum"
        case .count: "count"
        case .average: "average"
        case .abs: "abs"
        case .prod: "prod"
        case .range: "range"
        case .fail: "fail"
        case .first: "first"
        case .last: "last"
        case .take: "take"
        case .drop: "drop"
        case .reverse: "reverse"
        case .distinct: "distinct"
        case .flatten: "flatten"
        case .contains: "contains"
        case .any: "any"
        case .all: "all"
        case .indexed: "indexed"
        case .zip: "zip"
        case .text: "text"
        case .format: "format"
        case .convertRate(let p): p.converter
        }
    }
}

public enum DateComponent: String, Sendable, CaseIterable { case year, month, day, weekday }
