/// The two kinds that pick from a list: choice (weighted by the field's own generator) and
/// parkmiller (the reference workload, whose draws are a fixed sequence).
enum ChoiceParser {
    typealias SpecError = Synthetic.SpecError

    static let valuesExample = "[0, 5, 15, 30]"

    static func choice(_ r: FieldReader) throws(SpecError) -> Kind {
        let values = try choiceValues(r)
        guard let list = try r.array("weights", example: "[80, 10, 5, 5]") else {
            return .choice(values: values, cumulative: nil)
        }
        guard list.count == values.count else {
            throw r.error("\(values.count) values but \(list.count) weights; write one weight per value")
        }
        // Running totals in UInt64: each weight is at most Int64.max and the sum is checked.
        var cumulative: [UInt64] = []
        var total: UInt64 = 0
        for (i, item) in list.enumerated() {
            guard case .integer(let weight)? = JSONScalar(item), weight >= 0 else {
                throw r.error("weights[\(i)] is \(JSONScalar.render(item)); write a whole number of at least 0, e.g. \"weights\": [80, 10, 5, 5]")
            }
            let (sum, overflow) = total.addingReportingOverflow(UInt64(weight))
            guard !overflow else { throw r.error("the weights add up to more than \(UInt64.max); write smaller weights") }
            total = sum
            cumulative.append(total)
        }
        guard total > 0 else { throw r.error("the weights are all 0; write at least one weight above 0") }
        return .choice(values: values, cumulative: cumulative)
    }

    static func choiceValues(_ r: FieldReader) throws(SpecError) -> [ChoiceValue] {
        let list = try r.required(try r.array("values", example: valuesExample), "values", example: valuesExample)
        guard !list.isEmpty else { throw r.wrong("values", "at least one value", example: valuesExample) }
        var values: [ChoiceValue] = []
        for (i, item) in list.enumerated() {
            guard let value = choiceValue(item) else {
                throw r.error("values[\(i)] is \(JSONScalar.render(item)); write a number, text, true, false or null (decimals as text, e.g. \"2.50\")")
            }
            values.append(value)
        }
        return values
    }

    /// A JSON fraction has already lost its written form (2.50 arrives as 2.5), so it is
    /// written in its shortest form, and refused when that form has an exponent.
    static func choiceValue(_ item: Any) -> ChoiceValue? {
        switch JSONScalar(item) {
        case .string(let text)?: return .text(text)
        case .integer(let n)?: return .integer(n)
        case .unsigned(let n)?: return .text(String(n))
        case .bool(let b)?: return .bool(b)
        case .null?: return .null
        case .fraction(let d)?:
            let text = d.description
            return text.contains(where: { $0 == "e" || $0 == "n" || $0 == "i" }) ? nil : .text(text)
        case nil: return nil
        }
    }

    /// `mod` with `scale` gives (x mod m) at `scale` places; with `values`, values[x mod m].
    static func parkMiller(_ r: FieldReader) throws(SpecError) -> Kind {
        let modulus = try r.integer("mod", in: 1...ParkMiller.modulus, example: "10000000")
        let scale = try r.places("scale")
        guard r.object["values"] != nil else {
            let m = try r.required(modulus, "mod", example: "10000000")
            return .parkmiller(modulus: m, output: .scaled(places: scale ?? 0))
        }
        guard scale == nil else { throw r.error("both \"scale\" and \"values\"; write one of them") }
        let values = try choiceValues(r)
        guard Int64(values.count) <= ParkMiller.modulus else {
            throw r.error("\(values.count) values, more than a draw can index; write at most \(ParkMiller.modulus)")
        }
        if let modulus, modulus != Int64(values.count) {
            throw r.error("\"mod\" is \(modulus) but there are \(values.count) values; write \"mod\": \(values.count) or leave it out")
        }
        return .parkmiller(modulus: Int64(values.count), output: .values(values))
    }
}
