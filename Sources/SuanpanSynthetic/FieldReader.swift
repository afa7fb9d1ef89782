import Foundation

/// Reads the keys of one JSON object (a field or the spec itself), turning every problem
/// into a `SpecError` that starts with where it is, e.g. `fields[1] "balance" (lognormal): `.
struct FieldReader {
    let object: [String: Any]
    /// Where the object is; empty for the spec's top level.
    let context: String

    func error(_ text: String) -> Synthetic.SpecError {
        Synthetic.SpecError(context.isEmpty ? text : "\(context): \(text)")
    }

    /// Rejects keys outside `allowed`, the first in sorted order so that the message does not
    /// depend on dictionary order.
    func checkKeys(_ allowed: [String], of what: String) throws(Synthetic.SpecError) {
        if let unknown = object.keys.filter({ !allowed.contains($0) }).sorted().first {
            throw error("unknown key \(SpecParser.quoted(unknown)); the keys of \(what) are \(allowed.joined(separator: ", "))")
        }
    }

    func required<T>(_ value: T?, _ key: String, example: String) throws(Synthetic.SpecError) -> T {
        guard let value else { throw error("missing \"\(key)\"; write e.g. \"\(key)\": \(example)") }
        return value
    }

    func wrong(_ key: String, _ need: String, example: String) -> Synthetic.SpecError {
        error("\"\(key)\" is \(JSONScalar.render(object[key])); write \(need), e.g. \"\(key)\": \(example)")
    }

    func string(_ key: String, example: String) throws(Synthetic.SpecError) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let text)? = JSONScalar(value) else { throw wrong(key, "text in quotes", example: example) }
        return text
    }

    /// Exact decimals are text ("3000.00") so that no binary float touches them; whole JSON
    /// numbers are accepted too, fractions are not (1.10 would arrive as the double 1.1).
    func decimal(_ key: String, example: String) throws(Synthetic.SpecError) -> DecimalText? {
        guard let value = object[key] else { return nil }
        let need = "a decimal as text"
        switch JSONScalar(value) {
        case .string(let text)?:
            guard let decimal = DecimalText.parse(text) else { throw wrong(key, need, example: example) }
            return decimal
        case .integer(let n)?: return DecimalText(units: n, places: 0)
        default: throw wrong(key, need, example: example)
        }
    }

    /// A whole number in `range`.
    func integer(_ key: String, in range: ClosedRange<Int64>, example: String) throws(Synthetic.SpecError) -> Int64? {
        guard let value = object[key] else { return nil }
        guard case .integer(let n)? = JSONScalar(value), range.contains(n) else {
            throw wrong(key, "a whole number from \(range.lowerBound) to \(range.upperBound)", example: example)
        }
        return n
    }

    /// A place count, 0...18.
    func places(_ key: String = "places") throws(Synthetic.SpecError) -> Int? {
        try integer(key, in: 0...Int64(DecimalText.maximumPlaces), example: "2").map { Int($0) }
    }

    /// A parameter that only shapes a distribution (sigma, sd): a finite number ≥ 0, as a JSON
    /// number or as text.
    func shape(_ key: String, example: String) throws(Synthetic.SpecError) -> Double? {
        guard let value = object[key] else { return nil }
        var number: Double?
        switch JSONScalar(value) {
        case .integer(let n)?: number = Double(n)
        case .fraction(let d)?: number = d
        case .string(let text)?: number = DecimalText.parse(text).flatMap { _ in Double(text) }
        default: number = nil
        }
        guard let number, number.isFinite, number >= 0 else {
            throw wrong(key, "a number of at least 0", example: example)
        }
        return number
    }

    func array(_ key: String, example: String) throws(Synthetic.SpecError) -> [Any]? {
        guard let value = object[key] else { return nil }
        guard let list = value as? [Any] else { throw wrong(key, "a list", example: example) }
        return list
    }
}
