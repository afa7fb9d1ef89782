import SuanpanSyntax
import SuanpanValues

/// Turns written types into types (`money<CNY>`, `rate/day`, `list<Bill>`) with
/// the one table of type names. The checker and the plugin-signature reader
/// both use it, so a program and a plugin accept exactly the same types.
struct TypeReader {
    /// A record type by name: the program's records, or a plugin's.
    let record: (String) -> RecordType?
    /// The record names to suggest from when a name is unknown.
    let recordNames: () -> [String]
    /// Reports a problem: a message, where, and what to write instead.
    let report: (_ message: String, _ span: Span, _ hint: String?) -> Void
    /// The row type with these fields, or nil where rows cannot be written.
    var row: ([(String, SType)]) -> RecordType? = { _ in nil }

    func read(_ t: TypeSyntax) -> SType {
        if let fields = t.row { return rowType(fields, t.span) }
        let name = t.name.text
        guard let builtin = TypeName.named(name) else { return named(t) }
        switch builtin.meaning {
        case .money:
            let currency = currencyArgument(t)
            guard let per = t.per else { return .money(currency) }
            return period(per).map { .flow(currency, $0) } ?? .invalid
        case .rate:
            guard let per = t.per else {
                report("a rate needs its period", t.span, "write \(TypeName.perPeriod("rate"))")
                return .invalid
            }
            if t.argument != nil { report("a rate takes no <…> argument", t.span, "write rate/\(per.text)") }
            return period(per).map { .rate($0) } ?? .invalid
        case .list:
            if let per = t.per { return notPerPeriod(t, per) }
            guard let element = t.argument else {
                report("'list' needs an element type", t.span, "write list<money>")
                return .invalid
            }
            return .list(read(element))
        case .plain(let type):
            if let per = t.per { return notPerPeriod(t, per) }
            if t.argument != nil {
                report("\(quoted(name)) takes no <…> argument", t.span, nil)
                return .invalid
            }
            return type
        }
    }

    /// A record type, or an unknown name with the closest known one.
    func named(_ t: TypeSyntax) -> SType {
        let name = t.name.text
        if let r = record(name) {
            if let per = t.per { return notPerPeriod(t, per) }
            guard let argument = t.argument else { return .record(r) }
            // A plugin's record whose amounts are in the call's currency: `InstallmentLine<CNY>`.
            guard r.file == nil, r.takesCurrency else {
                let hint = r.file == nil
                    ? "its fields have currencies of their own"
                    : "a record's fields give their own currencies: write money<\(argument.name.text)> in the record"
                report("\(quoted(name)) takes no <…> argument", t.span, hint)
                return .invalid
            }
            return currencyArgument(t).map { .record(r.inCurrency($0)) } ?? .invalid
        }
        report("unknown type \(quoted(name))", t.name.span,
               suggestion(for: name, among: TypeName.names + recordNames()).map { "did you mean \(quoted($0))?" })
        return .invalid
    }

    func rowType(_ fields: [RowField], _ span: Span) -> SType {
        var seen = Set<String>()
        for f in fields where !seen.insert(f.name.text).inserted {
            report("the row type has two fields named \(quoted(f.name.text))", f.name.span, "give each field its own name")
            return .invalid
        }
        let types = fields.map { ($0.name.text, read($0.type)) }
        if types.contains(where: { $0.1.isPoison || $0.1.containsInvalid }) { return .invalid }
        guard let type = row(types) else {
            report("a row type cannot be written here", span, "declare a record: record Line { … }")
            return .invalid
        }
        return .record(type)
    }

    func period(_ per: Name) -> Period? {
        guard let period = Period(rawValue: per.text) else {
            let periods = Period.allCases.map(\.rawValue).spelledOut()
            var hint = "use \(periods)"
            switch DurationWord(written: Substring(per.text.lowercased())) {
            case .period(let p)?:
                hint = "a period is written in the singular: \(p.rawValue)"
            case .week?:
                let (count, unit) = DurationWord.week.worth
                hint = "a week is not a period of rates or flows (use \(periods)): "
                    + "declare it per \(unit.period.rawValue) and divide a weekly value by \(count) \(unit.plural)"
            case nil:
                break
            }
            report("unknown period \(quoted(per.text))", per.span, hint)
            return nil
        }
        return period
    }

    func notPerPeriod(_ t: TypeSyntax, _ per: Name) -> SType {
        report("\(quoted("\(t.name.text)/\(per.text)")) is not a type", t.span,
               "per-period types are \(TypeName.perPeriod("rate")) and money<CNY>/\(Period.day.rawValue)")
        return .invalid
    }

    func currencyArgument(_ t: TypeSyntax) -> String? {
        guard let arg = t.argument else { return nil }
        if arg.argument != nil || arg.per != nil || Currency.named(arg.name.text) == nil {
            report("unknown currency \(quoted(arg.name.text))", arg.span,
                   Currency.suggestion(for: arg.name.text).map { "did you mean \(quoted($0))?" } ?? "use an ISO 4217 code such as CNY")
            return nil
        }
        return arg.name.text
    }
}

extension Checker {
    /// A written type in a program; every problem is reported.
    func resolveType(_ t: TypeSyntax) -> SType {
        var reader = TypeReader(
            record: { name in
                if case .record(let r) = self.globalScope.lookup(name) { return r }
                return nil
            },
            recordNames: { Array(self.program.records.keys) },
            report: { message, span, hint in self.error(message, span, hint: hint) })
        reader.row = { self.rowType($0) }
        return reader.read(t)
    }
}
