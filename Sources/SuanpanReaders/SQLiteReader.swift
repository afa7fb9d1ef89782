import SuanpanData
public struct SQLiteReader: DataReader {
    public init() {}
    public var name: String { "sqlite" }
    public var extensions: [String] { ["sqlite", "sqlite3", "db"] }
    public var summary: String { "a table or query of an SQLite database" }
    public var options: [(name: String, summary: String)] { [] }
    public func open(path: String, options: [String: String]) throws(DataError) -> any RowSource {
        throw DataError(file: path, "todo")
    }
}
