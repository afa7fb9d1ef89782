#if canImport(Glibc)
import Glibc
#endif
import XCTest
import SuanpanChecker
import SuanpanData
import SuanpanReaders
import SuanpanRuntime
import SuanpanValues

/// A scratch folder for one test's files, removed afterwards.
final class Scratch {
    let folder: String

    init() {
        var template = Array("/tmp/suanpan-data-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { b in b.baseAddress.flatMap { mkdtemp($0) } }
        folder = made.map { String(cString: $0) } ?? "/tmp/suanpan-data-fallback"
    }

    private var written: Set<String> = []

    deinit {
        for path in written { unlink(path) }
        rmdir(folder)
    }

    /// Writes `bytes` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = folder + "/" + name
        written.insert(path)
        if let f = fopen(path, "wb") {
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
            fclose(f)
        }
        return path
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    /// A path in the folder for a file the test creates itself.
    func path(_ name: String) -> String {
        let path = folder + "/" + name
        written.insert(path)
        return path
    }
}

/// A record type built the way the checker builds one.
func record(_ name: String, _ fields: [(String, SType)]) -> RecordType {
    RecordType(name: name, fields: fields.map { RecordType.Field(name: $0.0, type: $0.1) }, span: .none, file: nil)
}

func decimal(_ text: String) -> FixedDecimal {
    (try? FixedDecimal.parse(text)) ?? .zero
}

/// Every batch of a population, read to the end.
func readAll(_ spec: PopulationSpec) throws -> (batches: [PopulationBatch], reader: PopulationReader) {
    let reader = try PopulationReader(spec, readers: Readers.all)
    var batches: [PopulationBatch] = []
    while let batch = try reader.next() { batches.append(batch) }
    return (batches, reader)
}

/// The error a population's opening or reading gives, as text; nil when none.
func errorText(_ spec: PopulationSpec) -> String? {
    do {
        _ = try readAll(spec)
        return nil
    } catch {
        return "\(error)"
    }
}

extension Column {
    var strings: [String] { if case .strings(let xs) = self { return xs } else { return [] } }
    var decimals: [FixedDecimal] {
        switch self {
        case .decimals(let xs), .money(let xs, _): return xs
        default: return []
        }
    }
}

/// Bytes of `text` in another encoding, by the C library's iconv (as a user's export tool would write them).
func encoded(_ text: String, as encoding: String) -> [UInt8] {
    guard let cd = iconv_open(encoding, "UTF-8"), Int(bitPattern: cd) != -1 else { return [] }
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
    var inLeft = input.count, outLeft = output.count
    _ = input.withUnsafeMutableBufferPointer { i in
        output.withUnsafeMutableBufferPointer { o in
            var ip: UnsafeMutablePointer<CChar>? = i.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var op: UnsafeMutablePointer<CChar>? = o.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            return iconv(cd, &ip, &inLeft, &op, &outLeft)
        }
    }
    return Array(output.prefix(output.count - outLeft))
}
