import SuanpanValues

/// Reads one entry of "fields": its name and kind, then the keys of that kind.
enum FieldParser {
    typealias SpecError = Synthetic.SpecError

    static let kinds = ["sequence", "uniform", "lognormal", "normal", "choice", "date", "bool", "parkmiller"]

    static let keys: [String: [String]] = [
        "sequence": ["prefix", "width", "start"],
        "uniform": ["min", "max", "places"],
        "lognormal": ["median", "sigma", "min", "max", "places"],
        "normal": ["mean", "sd", "min", "max", "places"],
        "choice": ["values", "weights"],
        "date": ["from", "to"],
        "bool": ["p"],
        "parkmiller": ["mod", "scale", "values"],
    ]

    static func parse(_ item: Any, index: Int) throws(SpecError) -> Synthetic.Field {
        guard let object = item as? [String: Any] else {
            throw SpecError("fields[\(index)] is \(JSONScalar.render(item)); write an object, e.g. {\"name\": \"id\", \"kind\": \"sequence\"}")
        }
        let bare = FieldReader(object: object, context: "fields[\(index)]")
        let name = try bare.required(try bare.string("name", example: "\"balance\""), "name", example: "\"balance\"")
        guard !name.isEmpty, !name.utf8.contains(0) else { throw bare.wrong("name", "a column name", example: "\"balance\"") }
        let named = FieldReader(object: object, context: "fields[\(index)] \(SpecParser.quoted(name))")
        let kindExample = "\"uniform\""
        let kind = try named.required(try named.string("kind", example: kindExample), "kind", example: kindExample)
        guard let kindKeys = keys[kind] else {
            throw named.error("unknown kind \(SpecParser.quoted(kind)); write one of \(kinds.joined(separator: ", "))")
        }
        let reader = FieldReader(object: object, context: "\(named.context) (\(kind))")
        try reader.checkKeys(["name", "kind"] + kindKeys, of: kind)
        return Synthetic.Field(name: name, index: index, kind: try parseKind(kind, reader))
    }

    static func parseKind(_ kind: String, _ r: FieldReader) throws(SpecError) -> Kind {
        switch kind {
        case "sequence": return try sequence(r)
        case "uniform": return try uniform(r)
        case "lognormal": return try lognormal(r)
        case "normal": return try normal(r)
        case "choice": return try ChoiceParser.choice(r)
        case "date": return try date(r)
        case "bool": return try bool(r)
        default: return try ChoiceParser.parkMiller(r)
        }
    }

    /// The sequence's last number is start + rows − 1, so start leaves room for the most rows.
    static func sequence(_ r: FieldReader) throws(SpecError) -> Kind {
        let prefix = try r.string("prefix", example: "\"A\"") ?? ""
        let width = try r.integer("width", in: 0...30, example: "8") ?? 0
        let start = try r.integer("start", in: 0...1_000_000_000_000_000_000, example: "1") ?? 1
        return .sequence(prefix: prefix, width: Int(width), start: start)
    }

    static func uniform(_ r: FieldReader) throws(SpecError) -> Kind {
        let min = try r.required(try r.decimal("min", example: "\"1000.00\""), "min", example: "\"1000.00\"")
        let max = try r.required(try r.decimal("max", example: "\"50000.00\""), "max", example: "\"50000.00\"")
        let places = try r.places() ?? Swift.max(min.places, max.places)
        let bounds = try Bounds.check(r, min: min, max: max, places: places)
        return .uniform(min: bounds.min, max: bounds.max, places: places)
    }

    static func lognormal(_ r: FieldReader) throws(SpecError) -> Kind {
        let median = try r.required(try r.decimal("median", example: "\"3000.00\""), "median", example: "\"3000.00\"")
        guard median.units > 0 else { throw r.wrong("median", "a decimal above 0", example: "\"3000.00\"") }
        let sigma = try r.required(try r.shape("sigma", example: "1.0"), "sigma", example: "1.0")
        let min = try r.decimal("min", example: "\"0.00\""), max = try r.decimal("max", example: "\"100000.00\"")
        let places = try r.places() ?? [median, min, max].compactMap { $0?.places }.max() ?? 0
        let center = try Bounds.rescale(r, "median", median, places)
        let bounds = try Bounds.check(r, min: min ?? DecimalText(units: 0, places: 0), max: max, places: places)
        return .lognormal(median: center, sigma: sigma, min: bounds.min, max: bounds.max, places: places)
    }

    static func normal(_ r: FieldReader) throws(SpecError) -> Kind {
        let mean = try r.required(try r.decimal("mean", example: "\"100.00\""), "mean", example: "\"100.00\"")
        let sd = try r.required(try r.shape("sd", example: "\"15.00\""), "sd", example: "\"15.00\"")
        let min = try r.decimal("min", example: "\"0.00\""), max = try r.decimal("max", example: "\"200.00\"")
        let places = try r.places() ?? [mean, min, max].compactMap { $0?.places }.max() ?? 0
        let center = try Bounds.rescale(r, "mean", mean, places)
        let bounds = try Bounds.check(r, min: min, max: max, places: places)
        // The scale factor is exact (a power of ten); sd only shapes the draw.
        let unitsPerOne = Double(DecimalText.powerOfTen(places) ?? 1)
        return .normal(mean: center, sd: sd * unitsPerOne, min: bounds.min, max: bounds.max, places: places)
    }

    static func date(_ r: FieldReader) throws(SpecError) -> Kind {
        func day(_ key: String, _ example: String) throws(SpecError) -> Int32 {
            let text = try r.required(try r.string(key, example: "\"\(example)\""), key, example: "\"\(example)\"")
            guard let date = CivilDate.parse(Substring(text)) else {
                throw r.error("\"\(key)\" is \(SpecParser.quoted(text)), not a date; write YYYY-MM-DD, e.g. \"\(key)\": \"\(example)\"")
            }
            return date.dayNumber
        }
        let from = try day("from", "2018-01-01"), to = try day("to", "2020-12-31")
        guard from <= to else {
            throw r.error("\"from\" is after \"to\"; write a from no later than to")
        }
        return .date(from: from, to: to)
    }

    /// p = units / 10^places exactly, drawn as an integer below 10^places.
    static func bool(_ r: FieldReader) throws(SpecError) -> Kind {
        let p = try r.required(try r.decimal("p", example: "\"0.9\""), "p", example: "\"0.9\"")
        guard let scale = DecimalText.powerOfTen(p.places), p.units >= 0, p.units <= scale else {
            throw r.wrong("p", "a probability from 0 to 1 as text", example: "\"0.9\"")
        }
        return .bool(threshold: UInt64(p.units), scale: UInt64(scale))
    }
}
