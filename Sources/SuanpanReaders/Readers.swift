import SuanpanData
import SuanpanPlugin

/// The built-in data readers, each a plugin on the same API a third party uses.
public enum Readers {
    public static var plugins: [Plugin] {
        [plugin(CSVReader()), plugin(JSONLinesReader()), plugin(SQLiteReader())]
    }

    /// Every built-in reader, for a `PopulationReader` outside a plugin set.
    public static var all: [any DataReader] { plugins.flatMap(\.readers) }

    private static func plugin(_ reader: any DataReader) -> Plugin {
        var plugin = Plugin(name: reader.name, version: "1.0", summary: reader.summary)
        plugin.reader(reader)
        return plugin
    }
}
