import Foundation

extension Synthetic {
    /// A population: how many rows, the seed, and one distribution per column.
    public struct Spec: Sendable {
        public internal(set) var rows: Int
        public internal(set) var seed: UInt64
        /// The SQLite table's name ("accounts" unless the spec says "table").
        public let table: String
        public let fields: [Field]

        /// The largest row count a spec or override may ask for.
        public static let maximumRows = 1_000_000_000

        /// Reads a JSON spec; every problem is a `SpecError` naming the key or field and what
        /// to write instead.
        public static func parse(json: Data) throws(SpecError) -> Spec {
            try SpecParser.parse(json)
        }

        /// The spec with `rows` and `seed` replaced, checked as the spec's own would be.
        public func overriding(rows: Int?, seed: UInt64?) throws(SpecError) -> Spec {
            var copy = self
            if let rows {
                guard (0...Spec.maximumRows).contains(rows) else { throw SpecError(SpecParser.rowsAdvice(String(rows))) }
                copy.rows = rows
            }
            if let seed {
                try SpecParser.checkParkMillerSeed(seed, fields: fields)
                copy.seed = seed
            }
            return copy
        }
    }

    /// One column: its name, where it sits in the spec, and its distribution.
    public struct Field: Sendable {
        public let name: String
        /// Its position in the spec's "fields", from 0.
        public let index: Int
        let kind: Kind

        /// How SQLite stores the column: decimals with places stay TEXT to stay exact.
        public var columnType: ColumnType { kind.columnType }
    }

    public enum ColumnType: String, Sendable {
        case integer = "INTEGER"
        case text = "TEXT"
    }

    /// A spec the generator cannot use, with what to write instead.
    public struct SpecError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The output file could not be written.
    public struct OutputError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }
}

/// A value a choice can write: any JSON scalar.
enum ChoiceValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case bool(Bool)
    case null
}

/// What a parkmiller draw becomes.
enum ParkMillerOutput: Sendable {
    /// (x mod m) as a decimal with this many places.
    case scaled(places: Int)
    /// values[x mod m], m being the number of values.
    case values([ChoiceValue])
}

/// A field's distribution, validated: bounds are in units of the field's last place.
enum Kind: Sendable {
    case sequence(prefix: String, width: Int, start: Int64)
    case uniform(min: Int64, max: Int64, places: Int)
    case lognormal(median: Int64, sigma: Double, min: Int64, max: Int64, places: Int)
    /// `sd` is in units of the last place, like the mean.
    case normal(mean: Int64, sd: Double, min: Int64, max: Int64, places: Int)
    /// `cumulative` holds running weight totals; nil means equal weights.
    case choice(values: [ChoiceValue], cumulative: [UInt64]?)
    case date(from: Int32, to: Int32)
    /// True when a draw below `scale` falls below `threshold`: p = threshold / scale exactly.
    case bool(threshold: UInt64, scale: UInt64)
    case parkmiller(modulus: Int64, output: ParkMillerOutput)

    var columnType: Synthetic.ColumnType {
        switch self {
        case .sequence(let prefix, let width, _): return prefix.isEmpty && width == 0 ? .integer : .text
        case .uniform(_, _, let places), .lognormal(_, _, _, _, let places), .normal(_, _, _, _, let places):
            return places == 0 ? .integer : .text
        case .choice(let values, _): return Kind.columnType(of: values)
        case .date: return .text
        case .bool: return .integer
        case .parkmiller(_, .scaled(let places)): return places == 0 ? .integer : .text
        case .parkmiller(_, .values(let values)): return Kind.columnType(of: values)
        }
    }

    /// INTEGER when every value is a whole number, a bool (0/1) or null.
    static func columnType(of values: [ChoiceValue]) -> Synthetic.ColumnType {
        values.allSatisfy { if case .text = $0 { false } else { true } } ? .integer : .text
    }
}
