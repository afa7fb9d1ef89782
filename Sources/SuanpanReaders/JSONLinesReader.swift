import SuanpanData
public struct JSONLinesReader: DataReader {
    public init() {}
    public var name: String { "jsonl" }
    public var extensions: [String] { ["jsonl", "ndjson"] }
    public var summary: String { "JSON Lines: one JSON object per line" }
    public var options: [(name: String, summary: String)] { [] }
    public func open(path: String, options: [String: String]) throws(DataError) -> any RowSource {
        throw DataError(file: path, "todo")
    }
}
