/// Picking a population's reader (by `format`, else by the file name's ending) and
/// checking the options written for it.
public enum ReaderChoice {
    public static func pick(_ spec: PopulationSpec, among readers: [any DataReader]) throws(DataError) -> any DataReader {
        let known = readers.map { "\($0.name) (\($0.extensions.map { "." + $0 }.joined(separator: ", ")))" }
        if let format = spec.format {
            if let reader = readers.first(where: { $0.name == format }) { return reader }
            let guess = closestName(to: format, among: readers.map(\.name))
            throw DataError(file: spec.path, "no reader for format '\(format)'; the formats known are \(known.joined(separator: ", "))",
                            hint: guess.map { "did you mean format = \"\($0)\"?" } ?? "write format = \"csv\" or another known format")
        }
        let ending = fileEnding(spec.path)
        if !ending.isEmpty, let reader = readers.first(where: { $0.extensions.contains(ending) }) { return reader }
        let what = ending.isEmpty ? "the file name has no ending" : "no reader takes files ending in .\(ending)"
        throw DataError(file: spec.path, "cannot tell the file's format: \(what); the formats known are \(known.joined(separator: ", "))",
                        hint: "write format = \"csv\" (or another format) in the population")
    }

    /// The name's ending after its last `.`, lowercased: `csv` for `data/Accounts.CSV`.
    static func fileEnding(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Every option written must be one the reader lists.
    static func checkOptions(_ spec: PopulationSpec, for reader: any DataReader) throws(DataError) {
        let takes = reader.options.map(\.name)
        for name in spec.options.keys.sorted() where !takes.contains(name) {
            let list = takes.isEmpty ? "it takes none" : "it takes \(takes.quotedList())"
            let hint = closestName(to: name, among: takes).map { "did you mean '\($0)'?" } ?? "remove the option"
            throw DataError(file: spec.path, "the \(reader.name) reader has no option '\(name)'; \(list)", hint: hint)
        }
    }
}
