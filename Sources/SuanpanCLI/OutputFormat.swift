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

    /// JSON or CSV longer than the run's memory budget (`--max-memory`) is refused before it is
    /// all built, with what to do instead.
    static func tooLong(_ limit: Int, _ format: String = "JSON") -> FormatProblem {
        FormatProblem(message: "the \(format) of this value is longer than \(Machine.size(limit)), the memory a run may use: "
                          + "print fewer items (take(xs, 1000)), or raise the limit with --max-memory", exitCode: 70)
    }

    /// A value in this format, or what is wrong (csv of a value that is not a list of records,
    /// JSON longer than `limit` bytes).
    func render(_ value: Value, _ type: SType, limit: Int) -> Result<String, FormatProblem> {
        let records = Format.records(value, type)
        switch self {
        case .table:
            if let (items, record) = records, !items.isEmpty { return .success(Format.table(items, record)) }
            return .success(Format.display(value, type))
        case .csv:
            guard let (items, record) = records else { return .failure(FormatProblem(message: Self.csvNeedsRecords(type))) }
            guard var text = Format.csv(items, record, limit: limit) else { return .failure(Self.tooLong(limit, "CSV")) }
            if text.hasSuffix("\n") { text.removeLast() }
            return .success(text)
        case .json:
            let text = records.map { Format.jsonRecords($0.0, $0.1, limit: limit) } ?? Format.json(value, type, limit: limit)
            return text.map { .success($0) } ?? .failure(Self.tooLong(limit))
        }
    }

    /// One `print` statement's values in this format: one value as `render`
    /// gives it; several, in table form, joined by spaces, in JSON as one array.
    func render(_ printed: Program.Printed, limit: Int) -> Result<String, FormatProblem> {
        if printed.count == 1 { return render(printed[0].value, printed[0].type, limit: limit) }
        switch self {
        case .table:
            return .success(printed.map { Format.display($0.value, $0.type) }.joined(separator: " "))
        case .csv:
            return .failure(FormatProblem(message: "csv needs each print to give one list of records; this one prints \(printed.count) values"))
        case .json:
            var parts: [String] = []
            for p in printed {
                switch render(p.value, p.type, limit: limit) {
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
    /// 64 for a value the format cannot show (usage), 70 for one too long to write.
    var exitCode: Int32 = 64
}
