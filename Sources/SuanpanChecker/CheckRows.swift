import SuanpanSyntax
import SuanpanValues

/// Rows: records without a declaration, `(merchant: "a", total: 10 CNY)`, typed
/// `(merchant: string, total: money<CNY>)`. A row type is its fields, in order:
/// two rows with the same field names and types are the same type, so rows
/// built in different places compare, join and print alike.
extension Checker {
    /// The one row type with these fields.
    func rowType(_ fields: [(String, SType)]) -> RecordType {
        let spelling = "(" + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")"
        if let known = rows[spelling] { return known }
        let type = RecordType(name: spelling, fields: fields.map { RecordType.Field(name: $0.0, type: $0.1) },
                              span: .none, file: nil, isRow: true)
        rows[spelling] = type
        return type
    }

    func rowLiteral(_ fields: [FieldInit], _ span: Span, _ scope: Scope) -> BExpr {
        var seen = Set<String>()
        var values: [BExpr] = []
        for f in fields {
            if !seen.insert(f.name.text).inserted {
                error("the row has two fields named \(quoted(f.name.text))", f.name.span, hint: "give each field its own name")
            }
            values.append(expression(f.value, scope))
        }
        if values.contains(where: { $0.type.isPoison || $0.type.containsInvalid }) { return invalid(span) }
        if let unknown = values.first(where: { $0.type.hasUnknownParts }) {
            error("a row field needs a definite type, not \(unknown.type)", unknown.span,
                  hint: "give the list a type first: let xs: list<int> = []")
            return invalid(span)
        }
        let type = rowType(zip(fields, values).map { ($0.name.text, $1.type) })
        return BExpr(.record(type, values), .record(type), span, file)
    }

    /// `sort x in xs [by key] [descending]`: the items in order of their keys
    /// (equal keys keep their order); `group x in xs by key`: one row
    /// `(key: K, rows: list<T>)` per distinct key, in order of first appearance.
    func arrange(_ a: Arrange, _ span: Span, _ scope: Scope) -> BExpr {
        let list = expression(a.source, scope)
        let item = elementType(of: list, a.source.span, keyword: "'\(a.kind.rawValue) … in'")
        let inner = Scope(parent: scope)
        let slot = allocateSlot()
        inner.define(a.variable.text, .local(slot: slot, type: item))
        let key = a.key.map { expression($0, inner) }
        // `sort x in []`: nothing to order, whatever the key.
        if a.kind == .sort, item == .anything, !(key?.type.containsInvalid ?? false) { return list }
        let keyType = key?.type ?? item
        if list.type.isPoison || keyType.isPoison || keyType.containsInvalid { return invalid(span) }
        switch a.kind {
        case .sort:
            guard keyType.isOrdered else {
                error("'sort' needs keys that can be ordered (numbers, money, dates, strings…), found \(keyType)",
                      a.key?.span ?? a.source.span, hint: "sort by one field: sort b in bills by b.amount")
                return invalid(span)
            }
            return BExpr(.arrange(.sort, slot: slot, source: list, key: key, descending: a.descending), list.type, span, file)
        case .group:
            if keyType.hasUnknownParts {
                error("'group' needs a key of a definite type, not \(keyType)", a.key?.span ?? span, hint: "group b in bills by b.merchant")
                return invalid(span)
            }
            let row = rowType([("key", keyType), ("rows", .list(item))])
            return BExpr(.arrange(.group, slot: slot, source: list, key: key, descending: false), .list(.record(row)), span, file)
        }
    }
}
