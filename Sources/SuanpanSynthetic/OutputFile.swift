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
    /// Deletes a previous output (and, for SQLite, a leftover journal) so that a run never
    /// appends to, or inserts into, an old population.
    static func removeExisting(_ path: String, _ format: OutputFormat) throws(Synthetic.OutputError) {
        let files = format == .sqlite ? [path, path + "-journal"] : [path]
        for file in files where unlink(file) != 0 && errno != ENOENT {
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
/// writes, and memory stays bounded however many rows there are. A struct, so that the buffer
/// is checked for exclusive access at compile time (a class's would be checked on every byte);
/// only the FILE lives in a class, whose deinit closes it if a run fails half-way.
struct BufferedFile {
    static let capacity = 1 << 20
    private let handle: Handle
    private var buffer: [UInt8] = []

    /// Owns the FILE: closed once, by `close()` or else when the last copy goes.
    private final class Handle {
        var file: UnsafeMutablePointer<FILE>?
        let path: String

        init(file: UnsafeMutablePointer<FILE>, path: String) {
            self.file = file
            self.path = path
        }

        deinit {
            if let file { fclose(file) }
        }
    }

    init(path: String) throws(Synthetic.OutputError) {
        guard let file = fopen(path, "wb") else {
            throw Synthetic.OutputError("\(path): cannot create it (\(OutputFile.reason())); write to a directory that exists and can be written")
        }
        handle = Handle(file: file, path: path)
        buffer.reserveCapacity(BufferedFile.capacity)
    }

    mutating func write(_ bytes: some Collection<UInt8>) throws(Synthetic.OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= BufferedFile.capacity { try flush() }
    }

    mutating func write(_ byte: UInt8) throws(Synthetic.OutputError) {
        buffer.append(byte)
        if buffer.count >= BufferedFile.capacity { try flush() }
    }

    /// A whole number's digits, straight into the buffer.
    mutating func write(integer: Int64) throws(Synthetic.OutputError) {
        DecimalText.append(units: integer, places: 0, to: &buffer)
        if buffer.count >= BufferedFile.capacity { try flush() }
    }

    mutating func flush() throws(Synthetic.OutputError) {
        guard let file = handle.file else { throw failure("it is already closed") }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else { throw failure(OutputFile.reason()) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; the file is complete only if this returns.
    mutating func close() throws(Synthetic.OutputError) {
        try flush()
        guard let file = handle.file else { return }
        handle.file = nil
        guard fclose(file) == 0 else { throw failure(OutputFile.reason()) }
    }

    private func failure(_ reason: String) -> Synthetic.OutputError {
        Synthetic.OutputError("\(handle.path): writing failed (\(reason)); free some disk space or write elsewhere")
    }
}
