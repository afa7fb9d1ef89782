import SuanpanValues

/// The names of Suanpan's built-in types, written once. Programs' types and
/// plugin signatures are read with this table, "did you mean" suggests from it
/// and the REPL completes from it, so a name added here is known everywhere.
public struct TypeName: Sendable, Hashable {
    /// What a name stands for, and which decorations it takes.
    public enum Meaning: Sendable, Hashable {
        /// A complete type: `int`, `days`. Takes neither `<…>` nor `/period`.
        case plain(SType)
        /// `money`, `money<CNY>`, and flows `money/day`, `money<CNY>/day`.
        case money
        /// `rate/day`: always with its period.
        case rate
        /// `list<T>`: always with its element type.
        case list
    }

    public let name: String
    public let meaning: Meaning

    /// Every built-in type name, in the order they are listed to a person.
    /// The duration names are the units' plurals (`days`, `months`).
    public static let all: [TypeName] = [
        TypeName(name: "int", meaning: .plain(.int)),
        TypeName(name: "number", meaning: .plain(.number)),
        TypeName(name: "decimal", meaning: .plain(.number)),
        TypeName(name: "percent", meaning: .plain(.percent)),
        TypeName(name: "money", meaning: .money),
        TypeName(name: "rate", meaning: .rate),
    ] + DurationUnit.allCases.map { TypeName(name: $0.plural, meaning: .plain(.duration($0))) } + [
        TypeName(name: "duration", meaning: .plain(.duration(.day))),
        TypeName(name: "date", meaning: .plain(.date)),
        TypeName(name: "bool", meaning: .plain(.bool)),
        TypeName(name: "string", meaning: .plain(.string)),
        TypeName(name: "rounding", meaning: .plain(.roundingMode)),
        TypeName(name: "list", meaning: .list),
    ]

    static let byName: [String: TypeName] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    public static func named(_ name: String) -> TypeName? { byName[name] }

    /// The names, for suggestions and completion.
    public static var names: [String] { all.map(\.name) }

    /// `rate/day, rate/month or rate/year`: the per-period forms, for hints.
    public static func perPeriod(_ base: String) -> String {
        Period.allCases.map { "\(base)/\($0.rawValue)" }.spelledOut()
    }
}
