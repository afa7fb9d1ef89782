import Foundation
import SuanpanREPL
import XCTest

/// The history file: one entry a line, appended as entered, read back whole.
final class HistoryTests: XCTestCase {
    func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    func testEntriesAreAppendedOnePerLineWithNewlinesEscaped() {
        let dir = ScratchFolder()
        let h = History(path: dir.path("history"))
        h.append("1 + 1")
        h.append("product P {\n  rule f -> int = 1\n}")
        h.append(#"print "a\nb", "c:\\d""#)   // a Suanpan string escape and a backslash
        h.append("花呗")
        XCTAssertEqual(read(h.path), #"""
        1 + 1
        product P {\n  rule f -> int = 1\n}
        print "a\\nb", "c:\\\\d"
        花呗

        """#)
    }

    func testEntriesLoadBackIdentically() {
        let dir = ScratchFolder()
        let entries = [
            "1 + 1",
            "product P {\n  param r: percent = 2%\n  rule f(x: money<CNY>) -> money<CNY> = x * r\n}",
            #"print "a\nb""#,
            #"let path = "c:\\dir\\n""#,
            "ends with a backslash \\",
            "\\",
            "\\\\n",
            "tab\there",
            "花呗 \u{4E2D}",
            "\n leading and trailing newlines \n",
        ]
        let h = History(path: dir.path("history"))
        entries.forEach(h.append)
        XCTAssertEqual(History(path: h.path).load(), entries)
        XCTAssertEqual(read(h.path).split(separator: "\n").count, entries.count, "one line per entry")
    }

    func testAMissingFileIsAnEmptyHistory() {
        let dir = ScratchFolder()
        XCTAssertEqual(History(path: dir.path("nothing-yet")).load(), [])
    }

    func testAppendCreatesTheFileReadableOnlyByItsOwner() throws {
        let dir = ScratchFolder()
        let h = History(path: dir.path("history"))
        h.append("1")
        let attributes = try FileManager.default.attributesOfItem(atPath: h.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testTwoHistoriesOnOneFileInterleaveWholeEntries() {
        let dir = ScratchFolder()
        let a = History(path: dir.path("history")), b = History(path: dir.path("history"))
        a.append("a1")
        b.append("b1\nsecond line")
        a.append("a2\nsecond line")
        b.append("b2")
        XCTAssertEqual(History(path: a.path).load(), ["a1", "b1\nsecond line", "a2\nsecond line", "b2"])
        // Each sees the other's entries on its next load, as a second REPL started later would.
        XCTAssertEqual(a.load(), b.load())
    }

    func testConcurrentAppendsNeverTearAnEntry() {
        let dir = ScratchFolder()
        let path = dir.path("history")
        let writers = 4, each = 200
        let filler = String(repeating: "x", count: 500)
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            let h = History(path: path)
            for i in 0..<each { h.append("writer \(w) entry \(i)\n\(filler)\nend \(w).\(i)") }
        }
        let loaded = History(path: path).load()
        XCTAssertEqual(loaded.count, writers * each)
        for entry in loaded {
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, 3, entry)
            guard lines.count == 3 else { continue }
            XCTAssertEqual(lines[1], Substring(filler))
            let head = lines[0].split(separator: " "), tail = lines[2]
            XCTAssertEqual(tail, "end \(head[1]).\(head[3])")
        }
        for w in 0..<writers {
            let own = loaded.filter { $0.hasPrefix("writer \(w) ") }
            let heads: [String] = own.map { String($0.split(separator: "\n")[0]) }
            let expected: [String] = (0..<each).map { "writer \(w) entry \($0)" }
            XCTAssertEqual(heads, expected, "each writer's entries stay in order")
        }
    }

    func testTheLimitIsHonouredOnLoad() {
        let dir = ScratchFolder()
        let h = History(path: dir.path("history"))
        let total = History.limit + 150
        let text = (0..<total).map { "entry \($0)\\nline two" }.joined(separator: "\n") + "\n"
        _ = FileManager.default.createFile(atPath: h.path, contents: Data(text.utf8))
        let loaded = h.load()
        XCTAssertEqual(loaded.count, History.limit)
        XCTAssertEqual(loaded.first, "entry 150\nline two")
        XCTAssertEqual(loaded.last, "entry \(total - 1)\nline two")
    }

    func testBlankLinesInTheFileAreSkipped() {
        let dir = ScratchFolder()
        let path = dir.path("history")
        _ = FileManager.default.createFile(atPath: path, contents: Data("a\n\n\nb\n".utf8))
        XCTAssertEqual(History(path: path).load(), ["a", "b"])
    }

    func testTheDefaultPathIsUnderXDGStateHome() {
        let dir = ScratchFolder()
        let saved = ProcessInfo.processInfo.environment["XDG_STATE_HOME"]
        setenv("XDG_STATE_HOME", dir.url.path, 1)
        defer { if let saved { setenv("XDG_STATE_HOME", saved, 1) } else { unsetenv("XDG_STATE_HOME") } }
        let h = History()
        XCTAssertEqual(h.path, dir.url.appendingPathComponent("suanpan/history").path)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("suanpan").path, isDirectory: &isDirectory))
        XCTAssertTrue(isDirectory.boolValue)
    }
}
