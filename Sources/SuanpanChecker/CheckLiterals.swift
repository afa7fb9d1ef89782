import SuanpanSyntax
import SuanpanValues

extension Checker {
    /// Validates a literal's value: range, currency code, calendar date.
    func literal(_ kind: LiteralKind, _ text: String, _ span: Span) -> BExpr {
        switch kind {
        case .number:
            guard let d = decimalLiteral(text, span) else { return invalid(span) }
            // The byte test: Foundation's `contains` of a string searches as text, far slower.
            return constant(.decimal(d), text.utf8.contains(UInt8(ascii: ".")) ? .number : .int, span)
        case .percent:
            guard let d = percentLiteral(String(text.dropLast()), span) else { return invalid(span) }
            return constant(.decimal(d), .percent, span)
        case .rate:
            let parts = text.split(separator: "%", maxSplits: 1)
            guard parts.count == 2, let period = Period(rawValue: String(parts[1].dropFirst())),
                  let d = percentLiteral(String(parts[0]), span) else { return invalid(span) }
            return constant(.decimal(d), .rate(period), span)
        case .money:
            let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard pieces.count == 2, let (amount, currency) = moneyLiteral(pieces[0], pieces[1], span) else { return invalid(span) }
            return constant(.money(amount, currency), .money(currency.code), span)
        case .flow:
            let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let unit = pieces.last?.split(separator: "/", maxSplits: 1) ?? []
            guard pieces.count == 2, unit.count == 2, let period = Period(rawValue: String(unit[1])),
                  let (amount, currency) = moneyLiteral(pieces[0], unit[0], span) else { return invalid(span) }
            return constant(.money(amount, currency), .flow(currency.code, period), span)
        case .places:
            error("\(quoted(text)) is a rounding step, not a value", span,
                  hint: "write it as the step of round: round(x, \(text)), or after a product's rounding mode: rounding half_up \(text)")
            return invalid(span)
        case .duration:
            return durationLiteral(text, span)
        case .date:
            guard let date = CivilDate.parse(Substring(text)) else {
                error("\(quoted(text)) is not a calendar date", span, hint: dateHint(text))
                return invalid(span)
            }
            return constant(.date(date), .date, span)
        case .string:
            return constant(.string(text), .string, span)
        case .bool:
            return constant(.bool(text == "true"), .bool, span)
        }
    }

    func decimalLiteral(_ text: String, _ span: Span) -> FixedDecimal? {
        do {
            return try FixedDecimal.parse(Substring(text))
        } catch .tooManyFractionDigits {
            error("\(quoted(text)) has more than \(FixedDecimal.scale) digits after the point", span)
        } catch .overflow {
            error("\(quoted(text)) is too large", span, hint: "numbers must be below about 1.7e20")
        } catch {
            self.error("\(quoted(text)) is not a number", span)
        }
        return nil
    }

    /// `1200.00` and `CNY` of `1200.00 CNY` or `1200.00 CNY/month`.
    func moneyLiteral(_ amountText: Substring, _ code: Substring, _ span: Span) -> (FixedDecimal, Currency)? {
        guard let amount = decimalLiteral(String(amountText), span) else { return nil }
        guard let currency = Currency.named(code) else {
            error("unknown currency \(quoted(code))", span,
                  hint: Currency.suggestion(for: code).map { "did you mean \(quoted($0))?" } ?? "use an ISO 4217 code such as CNY")
            return nil
        }
        return (amount, currency)
    }

    /// `2.5` in `2.5%` is the fraction 0.025: two more fraction digits. The point
    /// moves in the text, so every digit is kept and every fraction a decimal
    /// holds has a percentage that reads back (the display shows them so). The text is the
    /// lexer's digits, points and underscores, so it is moved as bytes, not as characters.
    func percentLiteral(_ text: String, _ span: Span) -> FixedDecimal? {
        let digits = text.utf8.filter { $0 != UInt8(ascii: "_") }
        let point = digits.firstIndex(of: UInt8(ascii: ".")) ?? digits.count
        let fractionCount = max(0, digits.count - point - 1)
        if fractionCount > FixedDecimal.scale - 2 {
            error("\(quoted(text + "%")) has more than \(FixedDecimal.scale - 2) digits after the point", span)
            return nil
        }
        // The whole digits, padded to three, with the point moved two places left.
        var moved = [UInt8](repeating: UInt8(ascii: "0"), count: max(0, 3 - point))
        moved.reserveCapacity(digits.count + 4)
        moved.append(contentsOf: digits[..<point])
        moved.insert(UInt8(ascii: "."), at: moved.count - 2)
        if point < digits.count { moved.append(contentsOf: digits[(point + 1)...]) }
        do {
            return try FixedDecimal.parse(String(decoding: moved, as: UTF8.self))
        } catch .overflow {
            error("\(quoted(text + "%")) is too large", span, hint: "percentages must be below about 1.7e22%")
        } catch {
            self.error("\(quoted(text + "%")) is not a percentage", span)
        }
        return nil
    }

    func durationLiteral(_ text: String, _ span: Span) -> BExpr {
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard pieces.count == 2, let count = decimalLiteral(String(pieces[0]), span) else { return invalid(span) }
        guard let word = DurationWord(written: pieces[1]) else { return invalid(span) }
        let (factor, durationUnit) = word.worth
        guard let value = try? count.multiplied(by: FixedDecimal(factor)) else {
            error("\(quoted(text)) is too large", span)
            return invalid(span)
        }
        return constant(.decimal(value), .duration(durationUnit), span)
    }

    func dateHint(_ text: String) -> String? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        if parts[1] < 1 || parts[1] > 12 { return "months run from 01 to 12" }
        if parts[0] < 1 { return "years run from 0001 to 9999" }
        let days = CivilDate.daysInMonth(year: parts[0], month: parts[1])
        return "\(parts[0])-\(parts[1] < 10 ? "0" : "")\(parts[1]) has \(days) days"
    }

    func constant(_ c: Constant, _ type: SType, _ span: Span) -> BExpr { BExpr(.constant(c), type, span, file) }
    func invalid(_ span: Span) -> BExpr { BExpr(.constant(.bool(false)), .invalid, span, file) }
}
