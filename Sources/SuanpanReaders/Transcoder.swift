#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SuanpanData

/// A file in GBK or GB18030, decoded to UTF-8 with the C library's iconv a chunk
/// at a time. A character whose bytes a chunk boundary splits is kept back and
/// decoded with the next chunk.
final class TranscodedStream: ByteStream {
    private let input: FileStream
    private let encoding: String
    private let converter: iconv_t
    /// Undecoded bytes: the start of a character cut by the last chunk's end.
    private var pending: [UInt8] = []
    /// Lines decoded so far, to say where an undecodable byte is.
    private var lines = 1
    /// iconv's output, reused from chunk to chunk.
    private var scratch: [UInt8] = []

    init(input: FileStream, encoding: String) throws(DataError) {
        guard let cd = iconv_open("UTF-8", encoding), Int(bitPattern: cd) != -1 else {
            throw DataError(file: input.path, "this system cannot decode \(encoding)", hint: "convert the file to UTF-8")
        }
        self.input = input
        self.encoding = encoding
        self.converter = cd
    }

    deinit { iconv_close(converter) }

    func read(appendingTo buffer: inout [UInt8]) throws(DataError) -> Bool {
        var chunk = pending
        pending = []
        let more = try input.read(appendingTo: &chunk)
        guard !chunk.isEmpty else { return false }
        let start = buffer.count
        let left = try decode(chunk, appendingTo: &buffer, from: start)
        if left > 0 {
            guard more else {
                throw DataError(file: input.path, line: lines + newlines(buffer, from: start),
                                "the file ends in the middle of a \(encoding) character", hint: "check the file is complete")
            }
            pending = Array(chunk.suffix(left))
        }
        lines += newlines(buffer, from: start)
        return true
    }

    /// Decodes `chunk` onto `out`; returns how many bytes at its end are an incomplete character.
    private func decode(_ chunk: [UInt8], appendingTo out: inout [UInt8], from start: Int) throws(DataError) -> Int {
        var chunk = chunk
        var inLeft = chunk.count
        var consumed = 0
        // Each pass decodes some input or grows the output; the output is at most 4 bytes
        // per input byte, so the passes are bounded.
        for _ in 0..<64 where inLeft > 0 {
            let room = inLeft * 2 + 16
            if scratch.count < room { scratch = [UInt8](repeating: 0, count: room) }
            var outLeft = room
            let result = chunk.withUnsafeMutableBufferPointer { inBuf in
                scratch.withUnsafeMutableBufferPointer { outBuf in
                    guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return (0, 0) }
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                        .assumingMemoryBound(to: CChar.self)
                    let r = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, r == -1 ? Int(errno) : 0)
                }
            }
            out.append(contentsOf: scratch[0..<(room - outLeft)])
            consumed = chunk.count - inLeft
            if result.0 != -1 { return 0 }
            switch Int32(truncatingIfNeeded: result.1) {
            case E2BIG: continue
            case EINVAL: return inLeft
            default:
                throw DataError(file: input.path, line: lines + newlines(out, from: start),
                                "bytes that are not \(encoding) (\(hex(chunk[consumed...].prefix(4))))",
                                hint: "check the file's encoding; declare encoding = \"utf-8\" if it is UTF-8")
            }
        }
        return inLeft
    }
}

func newlines(_ bytes: [UInt8], from start: Int) -> Int {
    var n = 0
    for i in max(0, start)..<bytes.count where bytes[i] == 0x0A { n &+= 1 }
    return n
}

func hex(_ bytes: some Collection<UInt8>) -> String {
    bytes.map { b in
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }.joined(separator: " ")
}
