/// Decimal bounds brought to a field's places and checked, with messages that say how to fix
/// them.
enum Bounds {
    typealias SpecError = Synthetic.SpecError

    /// The widest a value may be when a bound is left out: 18 nines of units, so that the
    /// clamped value always fits in an Int64.
    static let limit: Int64 = 999_999_999_999_999_999

    /// `value` in units of 10^-places; an error when it has more places than the field writes.
    static func rescale(_ r: FieldReader, _ key: String, _ value: DecimalText, _ places: Int) throws(SpecError) -> Int64 {
        guard value.places <= places else {
            let noun = value.places == 1 ? "place" : "places"
            throw r.error("\"\(key)\" \(SpecParser.quoted(value.text)) has \(value.places) decimal \(noun) but the field writes \(places); write \"places\": \(value.places) or a \(key) with at most \(places)")
        }
        guard let units = value.rescaled(to: places), (-limit...limit).contains(units) else {
            throw r.error("\"\(key)\" \(SpecParser.quoted(value.text)) is too large at \(places) places; write at most 18 digits in all")
        }
        return units
    }

    static func check(_ r: FieldReader, min: DecimalText?, max: DecimalText?, places: Int) throws(SpecError) -> (min: Int64, max: Int64) {
        let low = try min.map { v throws(SpecError) in try rescale(r, "min", v, places) } ?? -limit
        let high = try max.map { v throws(SpecError) in try rescale(r, "max", v, places) } ?? limit
        guard low <= high else {
            throw r.error("min \(min?.text ?? "") is above max \(max?.text ?? ""); write a min no greater than max")
        }
        return (low, high)
    }
}
