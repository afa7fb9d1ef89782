import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// The byte budget of a run: what evaluations spend, what computed constants keep,
/// how much a value weighs, and the error when it runs out.
extension Machine {
    /// Pays for `values` list elements or fields (and `records` record objects, and `bytes` of strings).
    @inline(__always)
    func spend(values: Int, records: Int = 0, bytes: Int = 0, at e: BExpr) throws(RuntimeError) {
        bytesLeft -= values * Machine.valueBytes + records * Machine.recordBytes + bytes
        if bytesLeft < 0 { throw budgetError(at: e) }
    }

    /// A value as `text(…)` writes it, paid for by its bytes: the display stops, with the
    /// budget's error, as soon as it is longer than what the evaluation may still use.
    func text(_ v: Value, _ type: SType, at e: BExpr) throws(RuntimeError) -> String {
        guard let text = Format.text(v, type, limit: max(0, bytesLeft)) else { throw budgetError(at: e) }
        if text.utf8.count > Machine.inlineStringBytes { try spend(values: 0, bytes: text.utf8.count, at: e) }
        return text
    }

    /// A size as messages write it: "1 GB", "512 MB", "1.5 KB", "100 bytes" (1 GB = 1,024 MB).
    public static func size(_ bytes: Int) -> String {
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)]
        for (name, unit) in units where bytes >= unit {
            let whole = bytes / unit, tenth = (bytes % unit) * 10 / unit
            return (tenth == 0 ? "\(whole)" : "\(whole).\(tenth)") + " " + name
        }
        return "\(bytes) bytes"
    }

    @inline(never)
    func budgetError(at e: BExpr) -> RuntimeError {
        budgetError(file: e.file, span: e.span)
    }

    func budgetError(file: SourceFile?, span: Span) -> RuntimeError {
        let held = retained > 0 ? ", \(Machine.size(retained)) of it in the values of constants" : ""
        let twice = maxBytes.multipliedReportingOverflow(by: 2)
        let doubled = twice.overflow || maxBytes < 1 ? Machine.defaultMaxBytes : twice.partialValue
        let raise = "raise the limit with --max-memory \(Machine.size(doubled).replacingOccurrences(of: " ", with: "")) (Program.maxBytes in Swift), or "
        var error = RuntimeError("a run may use at most \(Machine.size(maxBytes)) for its values (lists, records, strings, plugin results)\(held)",
                                 file: file, span: span,
                                 hint: raise + "work on fewer items at once, or carry a total with fold instead of keeping every item")
        error.limit = .bytes
        return error
    }

    /// Sets what a global holds, as it is computed, overridden or forgotten.
    func retain(_ weight: Int, forGlobal index: Int) {
        if globalWeights.count < globalValues.count { globalWeights = Array(repeating: 0, count: globalValues.count) }
        retained += weight - globalWeights[index]
        globalWeights[index] = weight
    }

    /// The bytes `v` occupies (list elements, record fields and objects, long strings, all
    /// the way down, a part shared several times counted each time), counted with an
    /// explicit stack; the count stops just past `cap`.
    static func weight(of v: Value, cap: Int) -> Int {
        var total = 0
        var pending: [Value] = [v]
        while total <= cap, let top = pending.popLast() {
            switch top {
            case .list(let xs):
                total += xs.count * valueBytes
                pending += xs.lazy.filter(Machine.holdsMore)
            case .record(let r):
                total += recordBytes + r.fields.count * valueBytes
                pending += r.fields.lazy.filter(Machine.holdsMore)
            case .string(let s):
                let n = s.utf8.count
                if n > inlineStringBytes { total += n }
            case .decimal, .money, .bool, .date, .roundingMode:
                continue
            }
        }
        return total
    }

    /// Whether a part of a value holds more than its own slot: a list, a record or a long string.
    static func holdsMore(_ v: Value) -> Bool {
        switch v {
        case .list, .record: true
        case .string(let s): s.utf8.count > inlineStringBytes
        case .decimal, .money, .bool, .date, .roundingMode: false
        }
    }
}
