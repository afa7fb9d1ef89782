import SuanpanRuntime
import SuanpanValues

/// One converted cell, before it joins its column.
enum Scalar {
    case decimal(FixedDecimal)
    case money(FixedDecimal, Currency)
    case bool(Bool)
    case string(String)
    case date(CivilDate)

    /// A field's default value in the form its kind's column holds; nil when it does not fit.
    init?(default value: Value, kind: FieldKind) {
        switch (value, kind) {
        case (.decimal(let d), .int), (.decimal(let d), .number), (.decimal(let d), .percent),
             (.decimal(let d), .rate), (.decimal(let d), .duration):
            self = .decimal(d)
        case (.money(let d, let c), .money(let want, _)):
            guard want == nil || want == c else { return nil }
            self = .money(d, c)
        case (.bool(let b), .bool): self = .bool(b)
        case (.string(let s), .string): self = .string(s)
        case (.date(let d), .date): self = .date(d)
        default: return nil
        }
    }
}

/// Why a cell is not a value of its field's type, and what to write instead.
public struct CellProblem: Error, Sendable, Equatable {
    public var message: String
    public var hint: String?
    /// The cell is empty (or only spaces): a field's default can stand in.
    public var isEmpty = false

    init(_ message: String, hint: String? = nil, isEmpty: Bool = false) {
        self.message = message
        self.hint = hint
        self.isEmpty = isEmpty
    }

    static let empty = CellProblem("empty value", hint: "give the field a default in the record, or fill the column",
                                   isEmpty: true)
}
