import SuanpanSyntax
import SuanpanValues

extension Checker {
    /// Turns written types into types: `money<CNY>`, `rate/day`, `list<Bill>`…
    func resolveType(_ t: TypeSyntax) -> SType {
        let name = t.name.text
        if let per = t.per {
            guard let period = Period(rawValue: per.text) else {
                error("unknown period '\(per.text)'", per.span, hint: "use day, month or year")
                return .invalid
            }
            switch name {
            case "rate":
                if t.argument != nil { error("a rate takes no <…> argument", t.span) }
                return .rate(period)
            case "money":
                return .flow(currencyArgument(t), period)
            default:
                error("'\(name)/\(per.text)' is not a type", t.span, hint: "per-period types are rate/day and money<CNY>/day")
                return .invalid
            }
        }
        if name == "list" {
            guard let arg = t.argument else {
                error("'list' needs an element type", t.span, hint: "write list<money>")
                return .invalid
            }
            return .list(resolveType(arg))
        }
        if name == "money" { return .money(currencyArgument(t)) }
        if t.argument != nil {
            error("'\(name)' takes no <…> argument", t.span)
            return .invalid
        }
        switch name {
        case "int": return .int
        case "number", "decimal": return .number
        case "percent": return .percent
        case "bool": return .bool
        case "string": return .string
        case "date": return .date
        case "rounding": return .roundingMode
        case "days", "duration": return .duration(.day)
        case "months": return .duration(.month)
        case "rate":
            error("a rate needs its period", t.span, hint: "write rate/day, rate/month or rate/year")
            return .invalid
        default:
            if case .record(let r) = globalScope.lookup(name) { return .record(r) }
            let known = ["int", "number", "percent", "bool", "string", "date", "days", "months", "duration", "money", "rate", "list"]
                + Array(program.records.keys)
            error("unknown type '\(name)'", t.name.span,
                  hint: suggestion(for: name, among: known).map { "did you mean '\($0)'?" })
            return .invalid
        }
    }

    func currencyArgument(_ t: TypeSyntax) -> String? {
        guard let arg = t.argument else { return nil }
        if arg.argument != nil || arg.per != nil || Currency.named(arg.name.text) == nil {
            error("unknown currency '\(arg.name.text)'", arg.span,
                  hint: Currency.suggestion(for: arg.name.text).map { "did you mean '\($0)'?" } ?? "use an ISO 4217 code such as CNY")
            return nil
        }
        return arg.name.text
    }
}
