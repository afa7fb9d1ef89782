import Foundation

/// The output format, from the file's extension.
enum OutputFormat {
    case csv
    case sqlite

    init(path: String) throws(Synthetic.OutputError) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": self = .csv
        case "sqlite", "db", "sqlite3": self = .sqlite
        default:
            throw Synthetic.OutputError("\(path): unknown output format; write a name ending in .csv, .sqlite or .db")
        }
    }
}

enum OutputFile {
    /// Deletes a previous output (and a leftover SQLite journal) so that a run never appends
    /// to, or inserts into, an old population.
    static func removeExisting(_ path: String) throws(Synthetic.OutputError) {
        for file in [path, path + "-journal"] where unlink(file) != 0 && errno != ENOENT {
            throw Synthetic.OutputError("\(file): cannot replace it (\(reason())); write to another file")
        }
    }

    static func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// The C library's text for the last errno.
    static func reason() -> String {
        String(cString: strerror(errno))
    }
}

/// A file written through a 1 MiB buffer with fwrite: a row costs a memcpy, the disk sees large
/// writes, and memory stays bounded however many rows there are. A class so that a run that
/// fails half-way still closes its file (in deinit) before the partial file is removed.
final class BufferedFile {
    static let capacity = 1 << 20
    private var file: UnsafeMutablePointer<FILE>?
    private let path: String
    private var buffer: [UInt8] = []

    init(path: String) throws(Synthetic.OutputError) {
        guard let file = fopen(path, "wb") else {
            throw Synthetic.OutputError("\(path): cannot create it (\(OutputFile.reason())); write to a directory that exists and can be written")
        }
        self.file = file
        self.path = path
        buffer.reserveCapacity(BufferedFile.capacity)
    }

    deinit {
        if let file { fclose(file) }
    }

    func write(_ bytes: some Collection<UInt8>) throws(Synthetic.OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= BufferedFile.capacity { try flush() }
    }

    func write(_ byte: UInt8) throws(Synthetic.OutputError) {
        buffer.append(byte)
        if buffer.count >= BufferedFile.capacity { try flush() }
    }

    /// A whole number's digits, straight into the buffer.
    func write(integer: Int64) throws(Synthetic.OutputError) {
        DecimalText.append(units: integer, places: 0, to: &buffer)
        if buffer.count >= BufferedFile.capacity { try flush() }
    }

    func flush() throws(Synthetic.OutputError) {
        guard let file else { throw failure("it is already closed") }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { throw failure(OutputFile.reason()) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; the file is complete only if this returns.
    func close() throws(Synthetic.OutputError) {
        try flush()
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0 else { throw failure(OutputFile.reason()) }
    }

    private func failure(_ reason: String) -> Synthetic.OutputError {
        Synthetic.OutputError("\(path): writing failed (\(reason)); free some disk space or write elsewhere")
    }
}
