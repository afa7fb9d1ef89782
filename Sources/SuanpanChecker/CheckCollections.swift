import SuanpanSyntax
import SuanpanValues

/// Lists, indexing, comprehensions and record literals.
extension Checker {

    func index(_ base: BExpr, _ i: BExpr, _ span: Span) -> BExpr {
        let position = i.requiring(.int, self, "a list index")
        switch base.type {
        // An item of `[]` never exists: indexing it fails when it runs, so it never returns.
        case .list(let element): return BExpr(.index(base, position), element == .anything ? .never : element, span, file)
        case .never: return stopsFirst([base, position], span) ?? invalid(span)
        case .invalid: return invalid(span)
        case .int, .number, .percent, .bool, .string, .date, .money, .rate, .flow, .duration, .record, .roundingMode, .anything:
            error("only lists can be indexed, not \(base.type)", base.span)
            return invalid(span)
        }
    }

    func list(_ items: [Expr], _ span: Span, _ scope: Scope, expected: SType?) -> BExpr {
        var expectedElement: SType?
        if case .list(let e)? = expected { expectedElement = e }
        let values = items.map { expression($0, scope, expected: expectedElement) }
        var element: SType = expectedElement ?? .anything
        if expectedElement == nil, let first = values.first {
            element = first.type
            for (k, v) in values.enumerated().dropFirst() {
                guard let joined = join(element, v.type) else {
                    error("a list holds one type: found \(element) and \(v.type)", v.span, hint: groupingCommaHint(values, at: k))
                    return invalid(span)
                }
                element = joined
            }
        }
        let coerced = values.map { coerce($0, to: element, context: "a list element") }
        return BExpr(.list(coerced), .list(element), span, file)
    }

    /// `[1,200.00 CNY]`, a displayed amount typed back: in source the commas
    /// separated `1` from `200.00 CNY`. The hint follows the bare commas around
    /// the k-th element to the whole amount, `1,200,000.00 CNY`.
    func groupingCommaHint(_ values: [BExpr], at k: Int, separating what: String = "list elements") -> String? {
        let bytes = file.bytes
        func text(_ e: BExpr) -> ArraySlice<UInt8>? {
            guard e.span.start >= 0, e.span.start <= e.span.end, e.span.end <= bytes.count else { return nil }
            return bytes[e.span.start..<e.span.end]
        }
        func digit(_ b: UInt8?) -> Bool { b.map(isASCIIDigit) ?? false }
        func joined(_ a: BExpr, _ b: BExpr) -> Bool {
            a.span.end < bytes.count && bytes[a.span.end] == UInt8(ascii: ",") && a.span.end + 1 == b.span.start
        }
        /// A literal number of 1 to 3 digits, or of exactly `count` digits.
        func group(_ e: BExpr, count: ClosedRange<Int>) -> Bool {
            guard case .constant(.decimal) = e.kind, let t = text(e) else { return false }
            return count.contains(t.count) && t.allSatisfy(isASCIIDigit)
        }
        func leads(_ e: BExpr) -> Bool {
            guard let t = text(e) else { return false }
            return t.prefix(3).count == 3 && t.prefix(3).allSatisfy(isASCIIDigit) && !digit(t.dropFirst(3).first)
        }
        guard values.indices.contains(k) else { return nil }
        // The elements joined to the k-th by bare commas, as far as they read as groups.
        var first = k, last = k
        while first > 0, joined(values[first - 1], values[first]), group(values[first - 1], count: 1...3),
              first == k ? leads(values[first]) : group(values[first], count: 3...3) {
            first -= 1
        }
        while last + 1 < values.count, joined(values[last], values[last + 1]), leads(values[last + 1]),
              last == first ? group(values[last], count: 1...3) : group(values[last], count: 3...3) {
            last += 1
        }
        guard last > first, group(values[first], count: 1...3) else { return nil }
        let parts = values[first...last].compactMap(text).map { String(decoding: $0, as: UTF8.self) }
        return "',' separates \(what); group digits with '_' or not at all: "
            + parts.joined(separator: "_") + " or " + parts.joined()
    }

    func comprehension(_ element: Expr, _ variable: Name, _ source: Expr, _ filter: Expr?, _ span: Span, _ scope: Scope) -> BExpr {
        let list = expression(source, scope)
        let itemType = elementType(of: list, source.span, keyword: "'for … in'")
        let inner = Scope(parent: scope)
        let slot = allocateSlot()
        inner.define(variable.text, .local(slot: slot, type: itemType))
        let condition = filter.map { expression($0, inner).requiring(.bool, self, "a 'where' condition") }
        let value = expression(element, inner)
        return BExpr(.comprehension(element: value, slot: slot, source: list, filter: condition), .list(value.type), span, file)
    }

    func recordLiteral(_ name: Name, _ fields: [FieldInit], _ span: Span, _ scope: Scope) -> BExpr {
        guard case .record(let type)? = scope.lookup(name.text) else {
            error("unknown record type \(quoted(name.text))", name.span,
                  hint: suggestion(for: name.text, among: Array(program.records.keys)).map { "did you mean \(quoted($0))?" })
            fields.forEach { _ = expression($0.value, scope) }
            return invalid(span)
        }
        var values = [BExpr?](repeating: nil, count: type.fields.count)
        var misspelled = false
        for f in fields {
            guard let i = type.fieldIndex(f.name.text) else {
                misspelled = true
                error("\(type.name) has no field \(quoted(f.name.text))", f.name.span,
                      hint: suggestion(for: f.name.text, among: type.fields.map(\.name)).map { "did you mean \(quoted($0))?" })
                _ = expression(f.value, scope)
                continue
            }
            if values[i] != nil { error("field \(quoted(f.name.text)) is given twice", f.name.span) }
            values[i] = coerce(expression(f.value, scope, expected: type.fields[i].type), to: type.fields[i].type,
                               context: "field \(quoted(f.name.text)) of \(type.name)")
        }
        var missing: [String] = []
        let complete = type.fields.enumerated().map { i, field -> BExpr in
            if let v = values[i] { return v }
            if let g = field.defaultGlobal {
                ensureGlobal(g, at: span)
                return BExpr(.global(g), field.type, span, file)
            }
            missing.append(field.name)
            return invalid(span)
        }
        if !missing.isEmpty, !misspelled {
            error("\(type.name) is missing \(missing.map { "\(quoted($0))" }.joined(separator: ", "))", span,
                  hint: "every field without a default needs a value")
        }
        return BExpr(.record(type, complete), .record(type), span, file)
    }
}
