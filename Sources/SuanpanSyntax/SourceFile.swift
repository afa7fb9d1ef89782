/// A source text with its path, kept once and shared by every token, node and
/// diagnostic that points into it. Offsets are UTF-8 byte offsets; lines and
/// columns are computed only when a diagnostic is rendered.
public final class SourceFile: Sendable {
    public let path: String
    public let text: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; line 1 starts at 0.
    let lineStarts: [Int]
    /// The text to show in diagnostics when it differs from the text parsed: a
    /// definition cut out of a longer line typed at the REPL shows that line.
    let shown: SourceFile?

    public convenience init(path: String, text: String, shownAs original: SourceFile) {
        self.init(path: path, text: text, shown: original)
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, text: text, shown: nil)
    }

    init(path: String, text: String, shown: SourceFile?) {
        self.shown = shown
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            starts.append(i + 1)
        }
        self.lineStarts = starts
    }

    /// 1-based line and column of a byte offset. Columns count Unicode scalars,
    /// so a caret lines up under Chinese text in a terminal that shows one cell per
    /// scalar for ASCII and two for CJK (the renderer accounts for width).
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let column = String(decoding: bytes[start..<clamped], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(line: lo + 1, column: column)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ line: Int) -> String {
        if let shown { return shown.lineText(line) }
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    public func text(of span: Span) -> String {
        let lo = max(0, min(span.start, bytes.count))
        let hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 byte offsets in one source file.
public struct Span: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    public static let none = Span(0, 0)
    public func to(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }
}
