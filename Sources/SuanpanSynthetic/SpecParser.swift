import Foundation
import SuanpanValues

/// Turns spec JSON into a validated `Spec`. JSONSerialization only reads the JSON; every check
/// is here, so no spec, however malformed, can crash the generator.
enum SpecParser {
    typealias SpecError = Synthetic.SpecError

    static let topKeys = ["rows", "seed", "table", "fields"]

    static func parse(_ data: Data) throws(SpecError) -> Synthetic.Spec {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SpecError("the spec is not valid JSON; write one object, e.g. {\"rows\": 1000, \"seed\": 42, \"fields\": [{\"name\": \"id\", \"kind\": \"sequence\"}]}")
        }
        guard let object = json as? [String: Any] else {
            throw SpecError("the spec is \(JSONScalar.render(json)); write one object, e.g. {\"rows\": 1000, \"seed\": 42, \"fields\": [...]}")
        }
        let top = FieldReader(object: object, context: "")
        try top.checkKeys(topKeys, of: "a spec")
        let rows = try top.required(try top.integer("rows", in: 0...Int64(Synthetic.Spec.maximumRows), example: "1000"), "rows", example: "1000")
        let seed = try top.required(try seed(top), "seed", example: "42")
        let table = try top.string("table", example: "\"accounts\"") ?? "accounts"
        guard !table.isEmpty, !table.utf8.contains(0) else { throw top.wrong("table", "a table name", example: "\"accounts\"") }
        let fields = try parseFields(top)
        try checkParkMillerSeed(seed, fields: fields)
        return Synthetic.Spec(rows: Int(rows), seed: seed, table: table, fields: fields)
    }

    /// Any whole number from 0 to 2⁶⁴−1.
    static func seed(_ top: FieldReader) throws(SpecError) -> UInt64? {
        guard let value = top.object["seed"] else { return nil }
        switch JSONScalar(value) {
        case .integer(let n)? where n >= 0: return UInt64(n)
        case .unsigned(let n)?: return n
        default: throw top.wrong("seed", "a whole number from 0 to \(UInt64.max)", example: "42")
        }
    }

    static func parseFields(_ top: FieldReader) throws(SpecError) -> [Synthetic.Field] {
        let example = "[{\"name\": \"id\", \"kind\": \"sequence\"}]"
        let list = try top.required(try top.array("fields", example: example), "fields", example: example)
        guard !list.isEmpty else { throw top.wrong("fields", "at least one field", example: example) }
        var fields: [Synthetic.Field] = []
        // SQLite column names ignore ASCII case, so "Balance" and "balance" would collide there.
        var seen: [String: Int] = [:]
        for (index, item) in list.enumerated() {
            let field = try FieldParser.parse(item, index: index)
            let key = asciiLowercased(field.name)
            if let earlier = seen[key] {
                let how = fields[earlier].name == field.name ? "is also fields[\(earlier)]'s"
                    : "differs only in case from fields[\(earlier)]'s, which SQLite columns do not tell apart"
                throw SpecError("fields[\(index)] \(quoted(field.name)): the name \(how); write a different name")
            }
            seen[key] = index
            fields.append(field)
        }
        return fields
    }

    /// Park–Miller cannot start from a multiple of its modulus (the sequence would be all 0).
    static func checkParkMillerSeed(_ seed: UInt64, fields: [Synthetic.Field]) throws(SpecError) {
        guard let first = fields.first(where: { if case .parkmiller = $0.kind { true } else { false } }),
              ParkMiller(seed: seed) == nil else { return }
        throw SpecError("\"seed\" is \(seed), a multiple of 2147483647, from which fields[\(first.index)] \(quoted(first.name)) (parkmiller) cannot start; write another seed, e.g. \"seed\": 42")
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    static func rowsAdvice(_ rows: String) -> String {
        "\"rows\" is \(rows); write a whole number from 0 to \(Synthetic.Spec.maximumRows), e.g. \"rows\": 1000"
    }

    /// Text in double quotes with quotes, backslashes and controls escaped, as JSON would.
    static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
