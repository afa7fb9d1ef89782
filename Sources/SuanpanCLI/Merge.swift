import ArgumentParser
import Foundation
import SuanpanReport
import SuanpanScenario

/// `suanpan merge PART…`: the partial results of a sharded run, added up into the
/// report a single run gives (the same JSON, byte for byte).
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partial results of a sharded scenario run into its report.",
        discussion: """
            Each partial comes from `suanpan run FILE --scenario NAME --shard K/N --partial PART.json`. \
            They must be of one scenario, from the same product files, population file and what-ifs, \
            with every shard 1/N … N/N exactly once; merge refuses anything else and says why.
            """
    )

    @Argument(help: "Partial results (.json).")
    var parts: [String]

    @Option(name: .long, help: OutputFormat.help)
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("Also write the merged partial result here.", valueName: "file"))
    var partial: String?

    @Option(name: .long, help: ArgumentHelp("Write the chart as SVG.", valueName: "file"))
    var svg: String?

    @Option(name: .long, help: ArgumentHelp("Write a self-contained HTML report.", valueName: "file"))
    var html: String?

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the partial results to merge") }
    }

    func run() throws {
        var read: [(name: String, partial: ScenarioPartial)] = []
        for path in parts {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.err("error: cannot read \(path)")
                throw ExitCode(74)
            }
            do {
                read.append((path, try ScenarioPartial.read(data, name: path)))
            } catch {
                Console.err("error: \(error)")
                throw ExitCode(65)
            }
        }
        let merged: ScenarioPartial
        do {
            merged = try ScenarioPartial.merge(read)
        } catch {
            Console.err("error: \(error)")
            throw ExitCode(65)
        }
        let report = merged.report()
        switch format {
        case .table: Console.out(Render.table(report))
        case .csv: Console.out(Render.csv(report))
        case .json: Console.out(Render.json(report))
        }
        if let partial { try ScenarioJob.writeAtomically(merged.json(), to: partial) }
        if let svg { try ScenarioJob.writeAtomically(Render.svg(report), to: svg) }
        if let html { try ScenarioJob.writeAtomically(Render.html(report, comparison: nil), to: html) }
    }
}
