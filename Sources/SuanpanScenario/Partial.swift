import Foundation
import SuanpanValues

/// What one shard of a scenario run computed, written so that `suanpan merge` can
/// add shards up into exactly the totals of a single run. Sums and counts are
/// associative and commutative, so the order of shards does not matter; each
/// partial says what it was computed from, and merge refuses partials that do
/// not belong together.
public struct ScenarioPartial: Sendable, Equatable {
    public static let format = "suanpan-partial/1"

    /// Everything the shards of one run share, and the report needs besides the totals.
    public struct Identity: Sendable, Equatable {
        public var scenario: String
        public var title: String?
        public var currency: String
        public var source: String
        public var period: String
        public var lines: [String]
        public var periodKeys: [String]
        public var breakdowns: [String]
        /// FNV-1a 64 of the program's source files, and of the population's file.
        public var programHash: String
        public var dataHash: String
        /// The what-ifs in force, as written on the command line.
        public var overrides: [String]
        public var shardCount: Int
        /// Each line's product ("" for a line credited to none).
        public var lineProducts: [String] = []

        public init(scenario: String, title: String?, currency: String, source: String, period: String, lines: [String],
                    periodKeys: [String], breakdowns: [String], programHash: String, dataHash: String,
                    overrides: [String], shardCount: Int) {
            self.scenario = scenario
            self.title = title
            self.currency = currency
            self.source = source
            self.period = period
            self.lines = lines
            self.periodKeys = periodKeys
            self.breakdowns = breakdowns
            self.programHash = programHash
            self.dataHash = dataHash
            self.overrides = overrides
            self.shardCount = shardCount
        }
    }

    public var identity: Identity
    /// The shards this partial covers (one for a shard's own run, several once merged).
    public var shards: [Int]
    public var totals: ScenarioTotals
    public var skippedRows: Int

    public init(identity: Identity, shards: [Int], totals: ScenarioTotals, skippedRows: Int) {
        self.identity = identity
        self.shards = shards
        self.totals = totals
        self.skippedRows = skippedRows
    }

    public struct MergeError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The partials added up. They must be of one run (same scenario, program, data,
    /// what-ifs and shard count) with every shard exactly once.
    public static func merge(_ parts: [(name: String, partial: ScenarioPartial)]) throws(MergeError) -> ScenarioPartial {
        guard let (firstName, first) = parts.first else { throw MergeError(description: "merge needs at least one partial result") }
        var merged = first
        for (name, p) in parts.dropFirst() {
            if let why = Self.mismatch(first.identity, p.identity) {
                throw MergeError(description: "\(name) does not belong with \(firstName): \(why)")
            }
            if let twice = p.shards.first(where: merged.shards.contains) {
                throw MergeError(description: "\(name) repeats shard \(twice + 1)/\(first.identity.shardCount)")
            }
            do throws(ArithmeticError) { try merged.totals.merge(p.totals) } catch {
                throw MergeError(description: "the totals overflowed merging \(name) (\(error))")
            }
            merged.shards += p.shards
            let skipped = merged.skippedRows.addingReportingOverflow(p.skippedRows)
            if skipped.overflow { throw MergeError(description: "the skipped rows of \(name) overflow the count") }
            merged.skippedRows = skipped.partialValue
        }
        merged.shards.sort()
        let missing = (0..<first.identity.shardCount).filter { !merged.shards.contains($0) }
        if !missing.isEmpty {
            let shown = missing.prefix(10).map { "\($0 + 1)/\(first.identity.shardCount)" }.joined(separator: ", ")
            throw MergeError(description: "shards missing: \(shown)\(missing.count > 10 ? " and \(missing.count - 10) more" : "") (give every shard's partial)")
        }
        return merged
    }

    static func mismatch(_ a: Identity, _ b: Identity) -> String? {
        if a.scenario != b.scenario { return "it is of scenario \(b.scenario), not \(a.scenario)" }
        if a.programHash != b.programHash { return "it was computed from other product files (program \(b.programHash), not \(a.programHash))" }
        if a.dataHash != b.dataHash { return "it was computed from another population file (data \(b.dataHash), not \(a.dataHash))" }
        if a.overrides != b.overrides {
            return "its what-ifs differ ([\(b.overrides.joined(separator: ", "))], not [\(a.overrides.joined(separator: ", "))])"
        }
        if a.shardCount != b.shardCount { return "it is one of \(b.shardCount) shards, not \(a.shardCount)" }
        if a != b { return "its scenario's lines, periods or breakdowns differ" }
        return nil
    }
}

/// FNV-1a, 64 bits: a fingerprint of files, so that partials of different inputs
/// are told apart. Not a defence against a forger, only against a mix-up.
public struct Fingerprint: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for b in bytes {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    /// The fingerprint of a file, read in chunks; nil if it cannot be read.
    public static func file(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var f = Fingerprint()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in f.add(raw) }
        }
        return f.hex
    }
}
