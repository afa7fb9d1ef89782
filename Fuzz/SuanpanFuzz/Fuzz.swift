// Fuzzing the whole pipeline: source → tokens → syntax tree → checked program →
// compiled program → run. Each input is loaded from memory through the same
// public API the CLI uses (so the large stack and the budgets are the CLI's),
// then its prints and test blocks run under small budgets.
//
// Built with -DFUZZING and libFuzzer (scripts/fuzz), the entry point is
// LLVMFuzzerTestOneInput. Built plainly, the same code replays files and
// folders: `swift run SuanpanFuzz Fuzz/corpus Examples`, as the tests do.
import Foundation
import Suanpan
import SuanpanSyntax

/// One input through every phase. Nothing it contains may crash, hang or exhaust memory.
func exercise(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard case .success(let (program, _)) = Program.load(paths: [], extraSources: [SourceFile(path: "<fuzz>", text: text)]) else {
        return
    }
    // Small budgets keep each input fast; hitting one is an ordinary error.
    program.maxSteps = 2_000_000
    program.maxBytes = 64 << 20
    program.readsFiles = false   // an input may name any path: /dev/stdin would wait forever
    try? program.runPrints { _ in }
    _ = program.runTests()
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    exercise(UnsafeRawBufferPointer(start: data, count: count))
    return 0
}
#else
@main
struct Replay {
    static func main() {
        var ran = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in files(under: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { exercise($0) }
                ran += 1
            }
        }
        print("\(ran) inputs ran through parse, check and run")
        exit(ran > 0 ? 0 : 1)
    }

    /// A file, or every file below a folder, sorted.
    static func files(under path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return names.sorted().map { path + "/" + $0 }.filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue
        }
    }
}
#endif
