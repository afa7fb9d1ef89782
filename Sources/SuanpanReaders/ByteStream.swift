#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SuanpanData

/// A file's bytes, a chunk at a time, as UTF-8: the file itself, or the file
/// decoded from another encoding.
protocol ByteStream: AnyObject {
    /// Appends the next chunk to `buffer`; false when the file has no more bytes.
    func read(appendingTo buffer: inout [UInt8]) throws(DataError) -> Bool
}

/// Chunks of 1 MiB: large enough that the read calls cost nothing per row, small
/// enough that memory does not grow with the file.
let chunkSize = 1 << 20

/// A file read with `fread`, a chunk at a time.
final class FileStream: ByteStream {
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let size: Int

    /// `chunk` is the bytes read at a time: tests read with a few bytes to put chunk ends everywhere.
    init(path: String, chunk: Int = chunkSize) throws(DataError) {
        guard let file = fopen(path, "rb") else {
            throw DataError(file: path, "cannot open the file: \(String(cString: strerror(errno)))",
                            hint: "check the path, relative to the folder of the file declaring the population")
        }
        self.path = path
        self.file = file
        self.size = max(1, chunk)
        self.chunk = [UInt8](repeating: 0, count: size)
    }

    deinit { fclose(file) }

    /// The chunk `fread` fills, reused: appending it to the caller's buffer is one copy.
    private var chunk: [UInt8]

    func read(appendingTo buffer: inout [UInt8]) throws(DataError) -> Bool {
        let got = chunk.withUnsafeMutableBufferPointer { b in fread(b.baseAddress, 1, size, file) }
        if got == 0, ferror(file) != 0 {
            throw DataError(file: path, "cannot read the file: \(String(cString: strerror(errno)))")
        }
        buffer.append(contentsOf: chunk[0..<got])
        return got > 0
    }
}
