import ArgumentParser
import Foundation
import SuanpanSynthetic

/// `suanpan generate SPEC.json --out FILE`: a reproducible synthetic population.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a reproducible synthetic population from a spec, as CSV or SQLite.",
        discussion: """
            The spec (JSON) gives the row count, the seed and one distribution per field; see \
            Examples/data/accounts.spec.json. The same spec and seed give the same bytes on any \
            machine. The output's extension picks the format (.csv, or .sqlite/.db for a table); \
            an existing file is replaced. Exit codes: 64 usage, 65 spec error, 74 I/O error.
            """
    )

    @Argument(help: "The spec (.json).")
    var spec: String

    @Option(name: .long, help: ArgumentHelp("The file to write.", valueName: "FILE.csv|FILE.sqlite"))
    var out: String

    @Option(name: .long, help: "Override the spec's row count.")
    var rows: Int?

    @Option(name: .long, help: "Override the spec's seed.")
    var seed: UInt64?

    func validate() throws {
        do {
            try Synthetic.checkOutputPath(out)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: spec) else {
            Console.err("error: \(spec): cannot read it; give the path of a spec file")
            throw ExitCode(74)
        }
        do {
            let parsed = try Synthetic.Spec.parse(json: data)
            let summary = try Synthetic.generate(parsed, to: out, rows: rows, seed: seed)
            Console.err("wrote \(summary.rows) rows to \(out) (\(Generate.size(summary.bytes)))")
        } catch let error as Synthetic.SpecError {
            Console.err("error: \(spec): \(error.message)")
            throw ExitCode(65)
        } catch let error as Synthetic.OutputError {
            Console.err("error: \(error.message)")
            throw ExitCode(74)
        }
    }

    /// "812 bytes", "5.3 KiB", "48.2 MiB": one decimal, computed in integers.
    static func size(_ bytes: Int64) -> String {
        guard bytes >= 1024 else { return "\(bytes) bytes" }
        var unit: Int64 = 1024
        for name in ["KiB", "MiB", "GiB"] {
            if bytes < unit * 1024 || name == "GiB" {
                let tenths = (bytes * 10 + unit / 2) / unit
                return "\(tenths / 10).\(tenths % 10) \(name)"
            }
            unit *= 1024
        }
        return "\(bytes) bytes"
    }
}
