import SuanpanValues

// Cells that write a unit: rates with their period (`0.04%/day`), durations with
// their word (`40 days`), amounts with their currency (`12.00 CNY`), and the
// non-numeric kinds (dates, bools).

extension FieldKind {
    /// `0.04%/day`, `0.04%` or `0.0004`: a written period must be the field's.
    func readRate(_ b: Bytes, _ r: Range<Int>, period: Period, scale: FixedDecimal?) -> Result<FixedDecimal, CellProblem> {
        guard let slash = index(of: UInt8(ascii: "/"), in: b, r) else { return readPercent(b, r, scale: scale) }
        let word = decoded(b, trimmed(b, (slash + 1)..<r.upperBound)).lowercased()
        guard word == period.rawValue else {
            var text: String { decoded(b, r) }  // for messages only: made when one is
            if let other = Period(rawValue: word) {
                return .failure(CellProblem("'\(text)' is a \(other.adjective) rate; the field is rate/\(period.rawValue)",
                                            hint: "write the rate per \(period.rawValue), or declare the field rate/\(other.rawValue)"))
            }
            return .failure(CellProblem("'\(text)' is not \(noun)", hint: "write \(example)"))
        }
        // The period is written, so the cell says what it is worth: no scale.
        return readPercent(b, trimmed(b, r.lowerBound..<slash), scale: nil)
    }

    /// `40`, `40 days`, `1 day`; `2 weeks` into days and `1 year` into months are whole counts too.
    func readDuration(_ b: Bytes, _ r: Range<Int>, unit: DurationUnit, scale: FixedDecimal?) -> Result<FixedDecimal, CellProblem> {
        let space = index(of: 0x20, in: b, r)
        let numberRange = space.map { r.lowerBound..<$0 } ?? r
        var text: String { decoded(b, r) }  // for messages only: made when one is
        return readNumber(b, numberRange).flatMap { parsed -> Result<FixedDecimal, CellProblem> in
            guard !parsed.hadPoint else {
                return .failure(CellProblem("'\(text)' is not a whole number of \(unit.plural)",
                                            hint: "durations count whole \(unit.plural): write \(example)"))
            }
            guard let space else { return scaled(parsed.value, text, scale).flatMap { whole($0, text) } }
            let word = decoded(b, trimmed(b, (space + 1)..<r.upperBound)).lowercased()
            guard let written = DurationWord(written: word[...]) else {
                return .failure(CellProblem("'\(text)' is not \(noun)", hint: "write \(example)"))
            }
            guard written.worth.unit == unit else {
                return .failure(CellProblem("'\(text)' is counted in \(written.worth.unit.plural); the field counts \(unit.plural)",
                                            hint: "write the count of \(unit.plural), or declare the field \(written.worth.unit.plural)"))
            }
            return scaled(parsed.value, text, FixedDecimal(written.worth.count))
        }
    }

    /// `2000.00`, `2000.00 CNY`, and for flows `12.00 CNY/day`. A written currency must be the field's;
    /// a `money` field without one needs it written in every cell.
    func readMoney(_ b: Bytes, _ r: Range<Int>, currency: Currency?, per period: Period?, scale: FixedDecimal?) -> Converted {
        var r = r
        var text: String { decoded(b, r) }  // for messages only: made when one is
        if let slash = index(of: UInt8(ascii: "/"), in: b, r) {
            if let problem = flowPeriodProblem(decoded(b, trimmed(b, (slash + 1)..<r.upperBound)).lowercased(), text, period) {
                return .failure(problem)
            }
            r = trimmed(b, r.lowerBound..<slash)
        }
        guard let space = index(of: 0x20, in: b, r) else {
            guard let currency else {
                return .failure(CellProblem("'\(text)' has no currency", hint: "write the currency after the amount: \(text) CNY"))
            }
            return readBare(b, r, scale: scale).map { .money($0, currency) }
        }
        let code = decoded(b, trimmed(b, (space + 1)..<r.upperBound))
        return writtenCurrency(code, text, field: currency).flatMap { written in
            // The currency is written, so the cell says what it is worth: no scale.
            readNumber(b, r.lowerBound..<space).map { .money($0.value, written) }
        }
    }

    private func flowPeriodProblem(_ word: String, _ text: String, _ period: Period?) -> CellProblem? {
        guard let period else {
            return CellProblem("'\(text)' is an amount per period; the field is an amount", hint: "write the amount alone, such as 2000.00")
        }
        if word == period.rawValue { return nil }
        return CellProblem("'\(text)' is not an amount per \(period.rawValue)", hint: "write \(example)")
    }

    private func writtenCurrency(_ code: String, _ text: String, field: Currency?) -> Result<Currency, CellProblem> {
        guard let written = Currency.code(written: code).flatMap({ Currency.named($0) }) else {
            let hint = Currency.suggestion(for: code).map { "did you mean \($0)?" } ?? "write an ISO 4217 code such as CNY"
            return .failure(CellProblem("'\(code)' in '\(text)' is not a currency", hint: hint))
        }
        if let field, field != written {
            return .failure(CellProblem("'\(text)' is in \(written.code); the field is money<\(field.code)>",
                                        hint: "convert the amount to \(field.code) in the file, or write it without a currency"))
        }
        return .success(written)
    }

    func readBool(_ b: Bytes, _ r: Range<Int>) -> Result<Bool, CellProblem> {
        if equalsIgnoringCase(b, r, "true") || equalsIgnoringCase(b, r, "1") { return .success(true) }
        if equalsIgnoringCase(b, r, "false") || equalsIgnoringCase(b, r, "0") { return .success(false) }
        return .failure(CellProblem("'\(decoded(b, r))' is not true or false", hint: "write true, false, 1 or 0 (any case)"))
    }

    /// ISO 8601: `YYYY-MM-DD`, or its basic form `YYYYMMDD` (as published data often has
    /// it); other orders and separators get the ISO form as a hint.
    func readDate(_ b: Bytes, _ r: Range<Int>) -> Result<CivilDate, CellProblem> {
        let extended = r.count == 10 && b[r.lowerBound + 4] == UInt8(ascii: "-") && b[r.lowerBound + 7] == UInt8(ascii: "-")
        let at = extended ? (4 + 1, 7 + 1) : (4, 6)
        if extended || r.count == 8,
           let y = digits(b, r.lowerBound, 4), let m = digits(b, r.lowerBound + at.0, 2), let d = digits(b, r.lowerBound + at.1, 2) {
            guard let date = CivilDate(year: y, month: m, day: d) else {
                return .failure(CellProblem("'\(decoded(b, r))' is not a day of the calendar", hint: "check the month and the day"))
            }
            return .success(date)
        }
        var text: String { decoded(b, r) }  // for messages only: made when one is
        let hint = DateHints.iso(text).map { "write \($0)" } ?? "write dates as YYYY-MM-DD, such as 2021-01-31"
        return .failure(CellProblem("'\(text)' is not a date", hint: hint))
    }
}

/// The number written by `count` ASCII digits at `start`; nil if any is not a digit.
func digits(_ b: Bytes, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for i in start..<(start + count) {
        let digit = b[i] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value &* 10 &+ Int(digit)   // at most 4 digits: no wrap
    }
    return value
}

/// The ISO form of dates written another way, when the reading is certain:
/// `2021/01/31`, `2021.1.31`, `20210131`, `31/01/2021` (day first when it is above 12).
enum DateHints {
    static func iso(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 1, text.count == 8, let n = Int(text), n > 0 {
            return format(n / 10000, n / 100 % 100, n % 100)
        }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { return format(a, b, c) }
        if parts[2].count == 4, a > 12 { return format(c, b, a) }
        return nil
    }

    private static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
        return date.description
    }
}
