import ArgumentParser
import Suanpan
import SuanpanChecker
import SuanpanRuntime

/// `--format table|csv|json` on `run` and `eval`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// A list of records as an aligned table, anything else as it is displayed.
    case table
    /// A list of records as CSV: a header row, then one row per record.
    case csv
    /// JSON: a list of records as a flat array of objects, anything else as `eval --json` shows it.
    case json

    /// The help text shared by both commands.
    static let help = ArgumentHelp(
        "How values print: table (default: a list of records as an aligned table, anything else as displayed), "
            + "csv (a list of records: a header row and one row per record) or json.",
        valueName: "table|csv|json")

    /// Why a value cannot be written as CSV, saying what CSV needs.
    static func csvNeedsRecords(_ type: SType) -> String {
        "csv needs a list of records, one row each (list<Record> or list<(field: type, …)>), not \(type); "
            + "use --format table or --format json for other values"
    }

    /// A value in this format, or what is wrong (csv of a value that is not a list of records).
    func render(_ value: Value, _ type: SType) -> Result<String, FormatProblem> {
        let records = Format.records(value, type)
        switch self {
        case .table:
            if let (items, record) = records, !items.isEmpty { return .success(Format.table(items, record)) }
            return .success(Format.display(value, type))
        case .csv:
            guard let (items, record) = records else { return .failure(FormatProblem(message: Self.csvNeedsRecords(type))) }
            var text = Format.csv(items, record)
            if text.hasSuffix("\n") { text.removeLast() }
            return .success(text)
        case .json:
            if let (items, record) = records { return .success(Format.jsonRecords(items, record)) }
            return .success(Format.json(value, type))
        }
    }

    /// One `print` statement's values in this format: one value as `render`
    /// gives it; several, in table form, joined by spaces, in JSON as one array.
    func render(_ printed: Program.Printed) -> Result<String, FormatProblem> {
        if printed.count == 1 { return render(printed[0].value, printed[0].type) }
        switch self {
        case .table:
            return .success(printed.map { Format.display($0.value, $0.type) }.joined(separator: " "))
        case .csv:
            return .failure(FormatProblem(message: "csv needs each print to give one list of records; this one prints \(printed.count) values"))
        case .json:
            var parts: [String] = []
            for p in printed {
                switch render(p.value, p.type) {
                case .success(let text): parts.append(text)
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success("[" + parts.joined(separator: ",") + "]")
        }
    }
}

struct FormatProblem: Error {
    let message: String
}
