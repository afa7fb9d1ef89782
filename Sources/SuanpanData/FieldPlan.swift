import SuanpanChecker
import SuanpanValues

/// Where one field of the record comes from: the column it is read from (nil when
/// the file has none and the field has a default), how it is read, and its default.
struct FieldPlan {
    let field: String
    let columnName: String
    let column: Int?
    let kind: FieldKind
    let scale: FixedDecimal?
    let fallback: Scalar?

    /// One plan per field of the record, in the record's order.
    static func make(_ spec: PopulationSpec, columns: [String]) throws(DataError) -> [FieldPlan] {
        var index: [String: Int] = [:]
        var repeated: Set<String> = []
        for (i, name) in columns.enumerated() {
            if index[name] == nil { index[name] = i } else { repeated.insert(name) }
        }
        var plans: [FieldPlan] = []
        for field in spec.record.fields {
            plans.append(try plan(field, spec, columns: columns, index: index, repeated: repeated))
        }
        try checkMappings(spec)
        return plans
    }

    private static func plan(_ field: RecordType.Field, _ spec: PopulationSpec, columns: [String],
                             index: [String: Int], repeated: Set<String>) throws(DataError) -> FieldPlan {
        guard let kind = FieldKind(field.type) else {
            throw DataError(file: spec.path, "field '\(field.name)' of \(spec.record.name) is \(field.type): a column holds one value",
                            hint: "declare the field with a type one cell holds (int, number, percent, a rate, money, a duration, date, bool or string)")
        }
        let mapping = spec.columns[field.name]
        let name = mapping?.column ?? field.name
        let fallback = try defaultValue(field, kind, spec)
        if let scale = mapping?.scale, !kind.takesScale {
            throw DataError(file: spec.path, column: name, "field '\(field.name)' is \(field.type) and takes no unit (in \(scale))",
                            hint: "write column \(field.name) = \"\(name)\" without a unit")
        }
        if repeated.contains(name) {
            throw DataError(file: spec.path, column: name, "the file has two columns named '\(name)'",
                            hint: "rename one of them in the file")
        }
        guard let column = index[name] else {
            if fallback != nil { return FieldPlan(field: field.name, columnName: name, column: nil, kind: kind, scale: mapping?.scale, fallback: fallback) }
            throw missingColumn(field.name, name, spec, columns: columns)
        }
        return FieldPlan(field: field.name, columnName: name, column: column, kind: kind, scale: mapping?.scale, fallback: fallback)
    }

    private static func defaultValue(_ field: RecordType.Field, _ kind: FieldKind, _ spec: PopulationSpec) throws(DataError) -> Scalar? {
        guard let value = spec.defaults[field.name] else { return nil }
        guard let scalar = Scalar(default: value, kind: kind) else {
            throw DataError(file: spec.path, "the default of field '\(field.name)' is not \(kind.noun)",
                            hint: "give the field a default of type \(field.type)")
        }
        return scalar
    }

    static func missingColumn(_ field: String, _ name: String, _ spec: PopulationSpec, columns: [String]) -> DataError {
        let shown = columns.prefix(20).map { $0 }
        let more = columns.count > shown.count ? " and \(columns.count - shown.count) more" : ""
        let guess = closestName(to: name, among: columns)
        let header = columns.isEmpty ? "the file has no columns" : "the file's columns are \(shown.quotedList())\(more)"
        let mean = guess.map { "; did you mean '\($0)'?" } ?? ""
        return DataError(file: spec.path, column: name,
                         "no such column for field '\(field)' of \(spec.record.name); \(header)\(mean)",
                         hint: "write column \(field) = \"\(guess ?? "name")\" in the population, or give the field a default in the record")
    }

    /// A mapping names a field of the record.
    private static func checkMappings(_ spec: PopulationSpec) throws(DataError) {
        let fields = spec.record.fields.map(\.name)
        for name in spec.columns.keys.sorted() where !fields.contains(name) {
            let hint = closestName(to: name, among: fields).map { "did you mean column \($0)?" } ?? "map only fields of \(spec.record.name)"
            throw DataError(file: spec.path, "\(spec.record.name) has no field '\(name)' to read a column into", hint: hint)
        }
    }
}
