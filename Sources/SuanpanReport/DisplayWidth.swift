// How many terminal columns a string takes, after Unicode's East Asian Width (UAX #11):
// wide and fullwidth characters (Chinese, Japanese, Korean, fullwidth forms, most emoji) take
// two columns, combining marks and format characters none, everything else one. Ambiguous
// characters (box drawing, Greek, ...) count as one column, as in every terminal outside a CJK
// legacy locale. Tables align by this width, not by `count`, so a segment named 华东 lines up.

enum DisplayWidth {
    /// Columns taken by `text` in a terminal.
    ///
    /// Counted per grapheme cluster: a cluster of several scalars (an emoji joined with ZWJ,
    /// a Hangul syllable spelled in jamo, a flag) shows as one glyph, at most two columns wide.
    static func of(_ text: String) -> Int {
        var width = 0
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let only = scalars.first {
                width += of(only)
            } else {
                width += min(scalars.reduce(0) { $0 + of($1) }, 2)
            }
        }
        return width
    }

    /// Columns taken by one scalar: 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }  // Latin fast path: nothing below U+0300 is wide or combining.
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    /// The East Asian Wide (W) and Fullwidth (F) blocks, coarsened to whole blocks: the few
    /// narrow code points inside them are unassigned or rare in reports.
    static func isWide(_ v: UInt32) -> Bool {
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo leading consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x26AA...0x26AB,
        0x26BD...0x26BE, 0x26C4...0x26C5, 0x26F2...0x26F5, 0x2705...0x2705,
        0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C, 0x2753...0x2755,
        0x2795...0x2797, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols (、。「」)
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth ASCII (，：（）)
        0xFFE0...0xFFE6,    // fullwidth signs (￥)
        0x16FE0...0x18CFF,  // Tangut and ideographic symbols
        0x1B000...0x1B2FF,  // Kana supplement and extensions
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251,  // enclosed ideographic supplement
        0x1F300...0x1F64F,  // pictographs and emoticons
        0x1F680...0x1F6FF,  // transport and map symbols
        0x1F7E0...0x1F7EB,
        0x1F900...0x1F9FF,  // supplemental symbols and pictographs
        0x1FA70...0x1FAFF,
        0x20000...0x2FFFD,  // CJK extensions B-F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G-H
    ]

    /// `text` padded with spaces to `width` columns, on the left when `right` (numbers) or on
    /// the right (labels). Text already as wide or wider is returned as it is.
    static func pad(_ text: String, to width: Int, right: Bool) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        return right ? spaces + text : text + spaces
    }
}
