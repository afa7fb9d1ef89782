/// Reproducible synthetic populations: a seed and a distribution per field,
/// written as CSV or SQLite.
///
///     let spec = try Synthetic.Spec.parse(json: data)
///     let summary = try Synthetic.generate(spec, to: "accounts.csv")
///
/// The same spec and seed give byte-identical files on any machine: the generators are
/// defined by integer operations (xoshiro256**, Park–Miller), and the two distributions that
/// need logarithms use `DeterministicMath` rather than the platform's libm.
public enum Synthetic {
    /// What one generation wrote.
    public struct Summary: Sendable, Equatable {
        public let rows: Int
        /// The size of the output file.
        public let bytes: Int64
    }

    /// Writes `spec`'s population to `path`, CSV or SQLite by its extension, replacing any file
    /// there. `rows` and `seed` override the spec's. Rows are generated and written one at a
    /// time, so memory stays bounded whatever the row count. A failed run removes its partial
    /// file. Throws `SpecError` for a bad override, `OutputError` for the file.
    public static func generate(_ spec: Spec, to path: String, rows: Int? = nil, seed: UInt64? = nil) throws -> Summary {
        let spec = try spec.overriding(rows: rows, seed: seed)
        let format = try OutputFormat(path: path)
        try OutputFile.removeExisting(path, format)
        do {
            switch format {
            case .csv:
                var sink = try CSVSink(path: path)
                try Generator.run(spec, into: &sink)
            case .sqlite:
                var sink = try SQLiteSink(path: path, table: spec.table)
                try Generator.run(spec, into: &sink)
            }
        } catch {
            try? OutputFile.removeExisting(path, format)
            throw error
        }
        return Summary(rows: spec.rows, bytes: OutputFile.size(path))
    }

    /// Throws unless `path` names a format `generate` writes (.csv, .sqlite, .sqlite3, .db),
    /// so that a command line can refuse it before reading anything.
    public static func checkOutputPath(_ path: String) throws(OutputError) {
        _ = try OutputFormat(path: path)
    }
}
