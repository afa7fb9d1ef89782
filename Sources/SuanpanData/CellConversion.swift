import SuanpanValues

// Converting one cell to its field's type, exactly: decimals are read from the
// cell's UTF-8 bytes into integer units, never through a binary float, and text
// that is not read (1e3, 1,200, 2021/01/31) is an error that says what to write.
// Non-string cells are trimmed of spaces and tabs; string cells are taken as is.
//
// A `ColumnMapping.scale` multiplies bare numbers only: a cell that writes its unit
// (`4.5%`, `12.00 CNY`, `3 months`) is worth what it says.

typealias Bytes = UnsafeBufferPointer<UInt8>
typealias Converted = Result<Scalar, CellProblem>

extension FieldKind {
    /// The cell as a value of this kind; `.failure(.empty)` for a missing or blank
    /// non-string cell, which the caller may fill with the field's default.
    func convert(_ cell: Cell, scale: FixedDecimal?) -> Converted {
        switch cell {
        case .missing: return self == .string ? .success(.string("")) : .failure(.empty)
        case .text(let text), .number(let text): return convert(text: text, scale: scale)
        case .integer(let n): return convert(integer: n, scale: scale)
        case .bool(let b): return convert(bool: b)
        }
    }

    func convert(text: String, scale: FixedDecimal?) -> Converted {
        if case .string = self { return .success(.string(text)) }
        var text = text
        return text.withUTF8 { bytes in
            let range = trimmed(bytes)
            guard !range.isEmpty else { return .failure(.empty) }
            return convert(bytes, range, scale: scale)
        }
    }

    private func convert(_ b: Bytes, _ r: Range<Int>, scale: FixedDecimal?) -> Converted {
        switch self {
        case .int: readInt(b, r, scale: scale).map { .decimal($0) }
        case .number: readBare(b, r, scale: scale).map { .decimal($0) }
        case .percent: readPercent(b, r, scale: scale).map { .decimal($0) }
        case .rate(let p): readRate(b, r, period: p, scale: scale).map { .decimal($0) }
        case .duration(let u): readDuration(b, r, unit: u, scale: scale).map { .decimal($0) }
        case .money(let c, let p): readMoney(b, r, currency: c, per: p, scale: scale)
        case .bool: readBool(b, r).map { .bool($0) }
        case .date: readDate(b, r).map { .date($0) }
        case .string: .success(.string(decoded(b, r)))
        }
    }

    /// A typed integer (SQLite INTEGER, a JSON integer): an amount in a money field,
    /// 1 or 0 in a bool field.
    func convert(integer n: Int64, scale: FixedDecimal?) -> Converted {
        let value = FixedDecimal(Int(n))
        switch self {
        case .int, .duration:
            return scaled(value, "\(n)", scale).flatMap { whole($0, "\(n)") }.map { .decimal($0) }
        case .number, .percent, .rate: return scaled(value, "\(n)", scale).map { .decimal($0) }
        case .money(let c?, _): return scaled(value, "\(n)", scale).map { .money($0, c) }
        case .money(nil, _):
            return .failure(CellProblem("'\(n)' has no currency", hint: "write the amount as text with its currency: \(n) CNY"))
        case .bool:
            if n == 0 || n == 1 { return .success(.bool(n == 1)) }
            return .failure(CellProblem("'\(n)' is not true or false", hint: "write \(example)"))
        case .string: return .success(.string(String(n)))
        case .date: return .failure(CellProblem("'\(n)' is a number, not a date", hint: "write dates as text, such as 2021-01-31"))
        }
    }

    /// A typed bool (a JSON true): only a bool or string field takes it.
    func convert(bool b: Bool) -> Converted {
        switch self {
        case .bool: return .success(.bool(b))
        case .string: return .success(.string(b ? "true" : "false"))
        default: return .failure(CellProblem("'\(b)' is not \(noun)", hint: "write \(example)"))
        }
    }
}

// MARK: Numbers

extension FieldKind {
    func readInt(_ b: Bytes, _ r: Range<Int>, scale: FixedDecimal?) -> Result<FixedDecimal, CellProblem> {
        readNumber(b, r).flatMap { parsed -> Result<FixedDecimal, CellProblem> in
            var text: String { decoded(b, r) }  // for messages only: made when one is
            guard !parsed.hadPoint else {
                let hint = parsed.value.isInteger ? "write \(parsed.value)" : "declare the field number to keep the fraction"
                return .failure(CellProblem("'\(text)' is not a whole number", hint: hint))
            }
            return scaled(parsed.value, text, scale).flatMap { whole($0, text) }
        }
    }

    /// A number with no unit written: `scale` applies.
    func readBare(_ b: Bytes, _ r: Range<Int>, scale: FixedDecimal?) -> Result<FixedDecimal, CellProblem> {
        readNumber(b, r).flatMap { scaled($0.value, decoded(b, r), scale) }
    }

    func readPercent(_ b: Bytes, _ r: Range<Int>, scale: FixedDecimal?) -> Result<FixedDecimal, CellProblem> {
        guard b[r.upperBound - 1] == UInt8(ascii: "%") else { return readBare(b, r, scale: scale) }
        let body = trimmed(b, r.lowerBound..<(r.upperBound - 1))
        return readNumber(b, body).flatMap { parsed in
            guard let fraction = DecimalText.percent(parsed.value) else {
                return .failure(CellProblem("'\(decoded(b, r))' has more than 16 digits after the point",
                                            hint: "round the percentage to 16 places"))
            }
            return .success(fraction)
        }
    }

    func readNumber(_ b: Bytes, _ r: Range<Int>) -> Result<DecimalText.Parsed, CellProblem> {
        switch DecimalText.parse(b, r) {
        case .success(let parsed): return .success(parsed)
        case .failure(let failure): return .failure(numberProblem(failure, decoded(b, r)))
        }
    }

    func numberProblem(_ failure: DecimalText.Failure, _ text: String) -> CellProblem {
        switch failure {
        case .malformed, .divisionByZero, .invalidArgument:
            let hint = NumberHints.rewrite(text[...]).map { "write \($0)" } ?? percentHint(text) ?? "write \(noun), such as \(example)"
            return CellProblem("'\(text)' is not \(noun)", hint: hint)
        case .tooManyFractionDigits:
            return CellProblem("'\(text)' has more than 18 digits after the point", hint: "round it to 18 places")
        case .overflow:
            return CellProblem("'\(text)' is too large (the limit is about \(FixedDecimal.limitText))",
                               hint: "check the column holds what the field means")
        }
    }

    /// `4.5%` in a field that is not a percentage: its fraction, or the type that reads it.
    private func percentHint(_ text: String) -> String? {
        guard text.hasSuffix("%"), let value = try? FixedDecimal.parse(String(text.dropLast())),
              let fraction = DecimalText.percent(value) else { return nil }
        switch self {
        case .number: return "write \(fraction), or declare the field percent"
        default: return nil
        }
    }

    /// `value × scale` when a scale is declared, exactly or not at all.
    func scaled(_ value: FixedDecimal, _ text: @autoclosure () -> String, _ scale: FixedDecimal?) -> Result<FixedDecimal, CellProblem> {
        guard let scale else { return .success(value) }
        switch DecimalText.scaled(value, by: scale) {
        case .success(let v): return .success(v)
        case .failure(.inexact):
            return .failure(CellProblem("'\(text())' in units of \(scale) needs more than 18 digits after the point",
                                        hint: "round the column, or declare a coarser unit"))
        case .failure(.overflow):
            return .failure(CellProblem("'\(text())' in units of \(scale) is too large (the limit is about \(FixedDecimal.limitText))",
                                        hint: "check the unit declared for the column"))
        }
    }

    func whole(_ value: FixedDecimal, _ text: @autoclosure () -> String) -> Result<FixedDecimal, CellProblem> {
        guard value.isInteger else {
            return .failure(CellProblem("'\(text())' is \(value) in the field's unit, not a whole number",
                                        hint: "check the unit declared for the column"))
        }
        return .success(value)
    }
}

// MARK: Bytes

/// The range without leading and trailing spaces and tabs.
func trimmed(_ b: Bytes, _ range: Range<Int>? = nil) -> Range<Int> {
    var lo = range?.lowerBound ?? 0
    var hi = range?.upperBound ?? b.count
    while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo &+= 1 }
    while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi &-= 1 }
    return lo..<hi
}

func decoded(_ b: Bytes, _ r: Range<Int>) -> String {
    String(decoding: Bytes(rebasing: b[r]), as: UTF8.self)
}

/// The first index of `byte` in the range, if any.
func index(of byte: UInt8, in b: Bytes, _ r: Range<Int>) -> Int? {
    var i = r.lowerBound
    while i < r.upperBound {
        if b[i] == byte { return i }
        i &+= 1
    }
    return nil
}

/// Whether `b[r]` is `word`, ignoring ASCII case.
func equalsIgnoringCase(_ b: Bytes, _ r: Range<Int>, _ word: StaticString) -> Bool {
    guard r.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for k in 0..<r.count where lowercased(b[r.lowerBound + k]) != lowercased(w[k]) { return false }
    return true
}

func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
