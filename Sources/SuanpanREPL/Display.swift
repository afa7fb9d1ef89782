import SuanpanChecker
import SuanpanRuntime

/// How the REPL shows a value: `105.60 CNY : money<CNY>`, and a list of
/// records as an aligned table (`Format.table`) with its type on the line after.
enum Display {
    static func value(_ v: Value, _ type: SType) -> String {
        if let (items, record) = Format.records(v, type), !items.isEmpty {
            return Format.table(items, record, limit: Format.terminalLimit) + "\n: \(type)"
        }
        return "\(Format.display(v, type, quoteStrings: true, limit: Format.terminalLimit)) : \(type)"
    }
}
