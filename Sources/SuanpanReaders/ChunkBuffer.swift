import SuanpanData

/// The bytes read from a stream and not yet consumed: readers scan `bytes` from
/// `start`, and when a row runs past the end, `refill` drops what is consumed and
/// appends the next chunk. Only the unconsumed tail and one chunk are ever held.
final class ChunkBuffer {
    private(set) var bytes: [UInt8] = []
    var start = 0
    /// Whether the stream has no more bytes: what is in `bytes` is all there is.
    private(set) var atEnd = false
    private let stream: any ByteStream
    /// Bytes taken from the stream so far, consumed or not: with the file's size, how far a read has got.
    private(set) var loaded = 0

    init(stream: any ByteStream) { self.stream = stream }

    /// Bytes consumed so far.
    var consumed: Int { loaded - pending }

    /// The unconsumed bytes: one row's worth when a row is being scanned.
    var pending: Int { bytes.count - start }

    /// Drops the consumed bytes and appends the next chunk; false (and `atEnd`) when the stream is done.
    func refill() throws(DataError) -> Bool {
        guard !atEnd else { return false }
        if start > 0 {
            bytes.removeSubrange(0..<start)
            start = 0
        }
        let before = bytes.count
        let more = try stream.read(appendingTo: &bytes)
        loaded += bytes.count - before
        if !more { atEnd = true }
        return more
    }

    /// Skips a UTF-8 byte order mark at the start of the file.
    func skipByteOrderMark() throws(DataError) {
        while bytes.count < 3, try refill() {}
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    }
}

/// The longest row a reader takes, so that a quote that never closes cannot make a
/// reader hold the rest of a 10 GB file: 64 MiB.
let maximumRowBytes = 64 << 20
