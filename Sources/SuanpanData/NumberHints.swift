/// What to write instead of number text Suanpan does not read: grouping commas,
/// exponents, a leading `+` or a bare point. The hint gives the same value in the
/// one form that is read, so a data engineer can fix the export, not guess.
enum NumberHints {
    /// `write 1200` for `1,200`, `write 1000` for `1e3`; nil when no rewrite applies.
    static func rewrite(_ text: Substring) -> String? {
        if text.contains(",") {
            guard isGrouped(text) else { return nil }
            return String(text.filter { $0 != "," })
        }
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            return expand(mantissa: text[..<e], exponent: text[text.index(after: e)...])
        }
        if text.first == "+" { return isPlainDecimal(text.dropFirst()) ? String(text.dropFirst()) : nil }
        if text.first == "." { return isPlainDecimal("0" + text) ? "0" + text : nil }
        if text.hasPrefix("-.") { return isPlainDecimal("-0" + text.dropFirst()) ? "-0" + text.dropFirst() : nil }
        if text.last == "." { return isPlainDecimal(text.dropLast()) ? String(text.dropLast()) : nil }
        return nil
    }

    /// `1,200` or `-12,345,678.50`: commas between groups of three digits, before any point.
    static func isGrouped(_ text: Substring) -> Bool {
        let whole = text.prefix { $0 != "." }
        let groups = (whole.first == "-" ? whole.dropFirst() : whole).split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return false }
        return isPlainDecimal(text.filter { $0 != "," }[...])
    }

    static func isPlainDecimal(_ text: Substring) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, point = false
        for (i, c) in text.enumerated() {
            if c == "-" && i == 0 { continue }
            if c == "." && !point && digitsBefore > 0 { point = true; continue }
            guard c.isASCII, c.isNumber else { return false }
            if point { digitsAfter += 1 } else { digitsBefore += 1 }
        }
        return digitsBefore > 0 && (!point || digitsAfter > 0)
    }

    /// `1.5e3` → `1500`: the digits with the point moved, exactly (text, not floats).
    static func expand(mantissa: Substring, exponent: Substring) -> String? {
        guard isPlainDecimal(mantissa), let shift = Int(exponent), abs(shift) <= 40 else { return nil }
        let negative = mantissa.first == "-"
        let body = negative ? mantissa.dropFirst() : mantissa
        let whole = body.prefix { $0 != "." }
        let fraction = body.drop { $0 != "." }.dropFirst()
        var digits = Array(whole + fraction)
        var point = whole.count + shift
        if point < 0 {
            digits.insert(contentsOf: repeatElement("0", count: -point), at: 0)
            point = 0
        }
        if point > digits.count { digits.append(contentsOf: repeatElement("0", count: point - digits.count)) }
        var intPart = String(digits[..<point]).drop { $0 == "0" }
        var fracPart = String(digits[point...])
        while fracPart.last == "0" { fracPart.removeLast() }
        if intPart.isEmpty { intPart = "0" }
        return (negative ? "-" : "") + intPart + (fracPart.isEmpty ? "" : "." + fracPart)
    }
}
