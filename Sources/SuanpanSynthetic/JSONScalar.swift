import Foundation

/// A JSON scalar as JSONSerialization hands it over, classified without guessing: Foundation
/// gives NSNumber for booleans, integers and fractions alike, and only its type code tells
/// them apart (booleans are "c", fractions "d", integers above Int64 "Q").
enum JSONScalar {
    case string(String)
    case integer(Int64)
    /// A whole number above Int64.max (only seeds may be that large).
    case unsigned(UInt64)
    case fraction(Double)
    case bool(Bool)
    case null

    /// nil for arrays, objects and anything else that is not a scalar.
    init?(_ value: Any) {
        if let text = value as? String {
            self = .string(text)
        } else if value is NSNull {
            self = .null
        } else if let number = value as? NSNumber {
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "d", "f": self = .fraction(number.doubleValue)
            case "Q", "L", "I", "S", "C":
                let unsigned = number.uint64Value
                self = unsigned <= UInt64(Int64.max) ? .integer(Int64(unsigned)) : .unsigned(unsigned)
            default: self = .integer(number.int64Value)
            }
        } else {
            return nil
        }
    }

    /// How a message shows a value the spec wrote.
    static func render(_ value: Any?) -> String {
        guard let value else { return "missing" }
        guard let scalar = JSONScalar(value) else {
            return value is [Any] ? "a list" : "an object"
        }
        switch scalar {
        case .string(let text): return SpecParser.quoted(text)
        case .integer(let n): return String(n)
        case .unsigned(let n): return String(n)
        case .fraction(let d): return d.description
        case .bool(let b): return String(b)
        case .null: return "null"
        }
    }
}
