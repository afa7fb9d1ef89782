import Foundation

/// The REPL history in a per-user file: $XDG_STATE_HOME/suanpan/history
/// (~/.local/state/suanpan/history), or ~/.suanpan_history when that cannot be made.
///
/// Each entry is appended the moment it is entered, in a single write to a file
/// opened with O_APPEND, so two REPLs at once interleave whole entries and a
/// crash loses nothing already entered. Newlines inside an entry are stored as
/// "\n" (and backslashes as "\\") so one entry is one line of the file.
public final class History {
    public static let limit = 2_000
    public let path: String

    public init(path: String? = nil) {
        self.path = path ?? History.defaultPath()
    }

    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        let home = env["HOME"] ?? NSHomeDirectory()
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        let folder = state + "/suanpan"
        if (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil {
            return folder + "/history"
        }
        return home + "/.suanpan_history"
    }

    /// The stored entries, oldest first (the last `limit` of them).
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(History.limit).map { History.decode(String($0)) }
    }

    public func append(_ entry: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((History.encode(entry) + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for ch in line {
            if escaped {
                out.append(ch == "n" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
