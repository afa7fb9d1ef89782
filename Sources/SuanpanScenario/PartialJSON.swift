import Foundation
import SuanpanValues

/// A partial result as JSON: written by hand so the text is the same for the
/// same totals (keys in one order), with every amount an exact decimal string.
extension ScenarioPartial {
    public func json() -> String {
        var out = "{\n"
        out += "  \"format\": \(Self.quote(Self.format)),\n"
        let id = identity
        out += "  \"scenario\": \(Self.quote(id.scenario)),\n"
        out += "  \"title\": \(id.title.map(Self.quote) ?? "null"),\n"
        out += "  \"currency\": \(Self.quote(id.currency)),\n"
        out += "  \"source\": \(Self.quote(id.source)),\n"
        out += "  \"period\": \(Self.quote(id.period)),\n"
        out += "  \"lines\": \(Self.strings(id.lines)),\n"
        out += "  \"line_products\": \(Self.strings(id.lineProducts)),\n"
        out += "  \"period_keys\": \(Self.strings(id.periodKeys)),\n"
        out += "  \"breakdowns\": \(Self.strings(id.breakdowns)),\n"
        out += "  \"program_hash\": \(Self.quote(id.programHash)),\n"
        out += "  \"data_hash\": \(Self.quote(id.dataHash)),\n"
        out += "  \"overrides\": \(Self.strings(id.overrides)),\n"
        out += "  \"shard_count\": \(id.shardCount),\n"
        out += "  \"shards\": [\(shards.map(String.init).joined(separator: ", "))],\n"
        out += "  \"skipped_rows\": \(skippedRows),\n"
        out += "  \"whole\": \(Self.sums(totals.whole)),\n"
        out += "  \"periods\": [" + totals.periods.map(Self.sums).joined(separator: ", ") + "],\n"
        let segments = totals.segments.map { segment in
            "[" + segment.keys.sorted().compactMap { key in
                segment[key].map { "{\"key\": \(Self.key(key)), \"sums\": \(Self.sums($0))}" }
            }.joined(separator: ", ") + "]"
        }
        out += "  \"segments\": [" + segments.joined(separator: ", ") + "]\n"
        return out + "}\n"
    }

    static func sums(_ s: LineSums) -> String {
        "{\"accounts\": \(s.accounts), \"charged\": \(s.charged), \"lines\": \(strings(s.lines.map(\.description)))}"
    }

    static func key(_ k: SegmentKey) -> String {
        switch k {
        case .bool(let b): return "{\"bool\": \(b)}"
        case .decimal(let d): return "{\"decimal\": \(quote(d.description))}"
        case .date(let d): return "{\"date\": \(quote(d.description))}"
        case .string(let s): return "{\"string\": \(quote(s))}"
        }
    }

    static func strings(_ xs: [String]) -> String { "[" + xs.map(quote).joined(separator: ", ") + "]" }

    /// A JSON string: quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String { JSONString.quoted(s) }

    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads a partial written by `json()`; `name` is the file, for messages.
    public static func read(_ data: Data, name: String) throws(ReadError) -> ScenarioPartial {
        func fail(_ why: String) -> ReadError { ReadError(description: "\(name): \(why)") }
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw fail("not a JSON object: write partials with suanpan run --shard K/N --partial FILE")
        }
        guard root["format"] as? String == format else {
            throw fail("not a Suanpan partial result (its \"format\" is not \"\(format)\")")
        }
        func string(_ key: String) throws(ReadError) -> String {
            guard let s = root[key] as? String else { throw fail("\"\(key)\" is missing or not a string") }
            return s
        }
        func strings(_ key: String) throws(ReadError) -> [String] {
            guard let s = root[key] as? [String] else { throw fail("\"\(key)\" is missing or not a list of strings") }
            return s
        }
        func int(_ any: Any?, _ what: String) throws(ReadError) -> Int {
            guard let n = any as? Int, n >= 0 else { throw fail("\(what) is not a count") }
            return n
        }
        var identity = Identity(scenario: try string("scenario"), title: root["title"] as? String, currency: try string("currency"),
                                source: try string("source"), period: try string("period"), lines: try strings("lines"),
                                periodKeys: try strings("period_keys"), breakdowns: try strings("breakdowns"),
                                programHash: try string("program_hash"), dataHash: try string("data_hash"),
                                overrides: try strings("overrides"), shardCount: try int(root["shard_count"], "\"shard_count\""))
        identity.lineProducts = root["line_products"] as? [String] ?? []
        func sums(_ any: Any?, _ what: String) throws(ReadError) -> LineSums {
            guard let o = any as? [String: Any], let lines = o["lines"] as? [String], lines.count == identity.lines.count else {
                throw fail("\(what) does not have one amount per line")
            }
            var s = LineSums(lines: lines.count)
            for (i, text) in lines.enumerated() {
                guard let d = try? FixedDecimal.parse(text) else { throw fail("\(what): '\(text)' is not an exact amount") }
                s.lines[i] = d
            }
            s.accounts = try int(o["accounts"], "\(what)'s accounts")
            s.charged = try int(o["charged"], "\(what)'s charged")
            return s
        }
        var totals = ScenarioTotals(lines: identity.lines.count, steps: identity.periodKeys.count, breakdowns: identity.breakdowns.count)
        totals.whole = try sums(root["whole"], "\"whole\"")
        guard let periods = root["periods"] as? [Any], periods.count == identity.periodKeys.count else {
            throw fail("\"periods\" does not have one entry per period")
        }
        for (i, p) in periods.enumerated() { totals.periods[i] = try sums(p, "period \(i + 1)") }
        guard let segments = root["segments"] as? [Any], segments.count == identity.breakdowns.count else {
            throw fail("\"segments\" does not have one list per breakdown")
        }
        for (b, list) in segments.enumerated() {
            guard let entries = list as? [Any] else { throw fail("breakdown \(identity.breakdowns[b]) is not a list") }
            for entry in entries {
                guard let e = entry as? [String: Any], let k = e["key"] as? [String: Any], let key = segmentKey(k) else {
                    throw fail("a segment of \(identity.breakdowns[b]) has no readable key")
                }
                totals.segments[b][key] = try sums(e["sums"], "segment \(key) of \(identity.breakdowns[b])")
            }
        }
        guard (1...1_000_000).contains(identity.shardCount) else {
            throw fail("\"shard_count\" is \(identity.shardCount); a run has 1 to 1,000,000 shards")
        }
        guard let shardList = root["shards"] as? [Int], shardList.allSatisfy({ $0 >= 0 && $0 < identity.shardCount }),
              Set(shardList).count == shardList.count else {
            throw fail("\"shards\" is not a list of distinct shard numbers below \(identity.shardCount)")
        }
        return ScenarioPartial(identity: identity, shards: shardList, totals: totals,
                               skippedRows: try int(root["skipped_rows"], "\"skipped_rows\""))
    }

    static func segmentKey(_ k: [String: Any]) -> SegmentKey? {
        if let b = k["bool"] as? Bool { return .bool(b) }
        if let s = k["string"] as? String { return .string(s) }
        if let d = k["decimal"] as? String, let value = try? FixedDecimal.parse(d) { return .decimal(value) }
        if let d = k["date"] as? String, let value = CivilDate.parse(Substring(d)) { return .date(value) }
        return nil
    }
}
