// "Did you mean" hints for unknown currency codes.

extension Currency {
    /// The known code closest to `code`, for a "did you mean" hint; `nil` when nothing is close.
    ///
    /// Compares upper-cased text by edit distance counting a swap of two adjacent letters as
    /// one edit ("CYN" → "CNY", "cny" → "CNY", "USDD" → "USD"); accepts distance 1 for codes of
    /// up to three letters and 2 for longer text. Ties prefer the most used currencies (CNY,
    /// USD, EUR, ...), then alphabetical order. A few common non-ISO names map directly
    /// ("RMB" → "CNY", "NTD" → "TWD").
    public static func suggestion(for code: some StringProtocol) -> String? {
        let text = Array(String(code).uppercased().utf8)
        if let alias = aliases[String(decoding: text, as: UTF8.self)] { return alias }
        let limit = text.count <= 3 ? 1 : 2
        var best: (distance: Int, rank: Int, code: String)?
        for entry in iso4217 {
            let distance = editDistance(text, Array(entry.code.utf8))
            guard distance <= limit else { continue }
            let rank = preferred.firstIndex(of: entry.code) ?? preferred.count
            if let current = best, (current.distance, current.rank, current.code) <= (distance, rank, entry.code) {
                continue
            }
            best = (distance, rank, entry.code)
        }
        return best?.code
    }

    /// The code a currency is written with, from its code in any case or a common name
    /// that is no code ("cny", "rmb", "yuan" → "CNY"); nil for anything else (no guessing).
    public static func code(written text: some StringProtocol) -> String? {
        let upper = String(text).uppercased()
        return named(upper) != nil ? upper : aliases[upper]
    }

    /// Tie-breaking order: the currencies most likely meant in this project's products.
    private static let preferred = ["CNY", "USD", "EUR", "HKD", "JPY", "GBP", "TWD", "MOP", "KRW", "SGD"]

    /// Common names that are not ISO 4217 codes.
    private static let aliases = ["RMB": "CNY", "CNH": "CNY", "NTD": "TWD", "YUAN": "CNY", "EURO": "EUR"]

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
    /// transpositions each cost 1.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count &+ 1
        var d = [Int](repeating: 0, count: (a.count &+ 1) &* width)
        for i in 0...a.count { d[i &* width] = i }
        for j in 0...b.count { d[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i &- 1] == b[j &- 1] ? 0 : 1
                var value = Swift.min(d[(i &- 1) &* width &+ j] &+ 1,
                                      d[i &* width &+ j &- 1] &+ 1,
                                      d[(i &- 1) &* width &+ j &- 1] &+ cost)
                if i > 1, j > 1, a[i &- 1] == b[j &- 2], a[i &- 2] == b[j &- 1] {
                    value = Swift.min(value, d[(i &- 2) &* width &+ j &- 2] &+ 1)
                }
                d[i &* width &+ j] = value
            }
        }
        return d[a.count &* width &+ b.count]
    }
}

extension Currency {
    /// The code a currency sign or word stands for (`¥`, `元`, `$`), for a hint that writes
    /// the amount with its code instead: `¥1200` and `1200 元` are `1200 CNY`. The yen sign
    /// is read as the yuan's, the sense it has next to Chinese text.
    public static func code(forSign sign: Unicode.Scalar) -> String? {
        signs[sign]
    }

    private static let signs: [Unicode.Scalar: String] = [
        "¥": "CNY", "￥": "CNY", "元": "CNY", "圆": "CNY", "块": "CNY", "円": "JPY",
        "$": "USD", "＄": "USD", "€": "EUR", "£": "GBP", "￡": "GBP", "₩": "KRW", "￦": "KRW",
    ]
}
