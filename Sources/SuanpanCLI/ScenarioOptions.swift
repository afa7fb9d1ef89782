import ArgumentParser
import SuanpanScenario
import Foundation
import Suanpan
import SuanpanData

/// The options of `run` that concern scenarios: which to run, on what data,
/// with which what-ifs, on which shard, and where charts and partial results go.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("scenario"),
            help: ArgumentHelp("Run only this scenario (repeatable), without the files' prints.", valueName: "NAME"))
    var scenarios: [String] = []

    @Option(name: .customLong("what-if"),
            help: ArgumentHelp("Run each scenario again with this change, beside the baseline (repeatable).",
                               valueName: "Product.param=value"))
    var whatIfs: [String] = []

    @Option(name: .customLong("population"),
            help: ArgumentHelp("Read a population from another file (repeatable).", valueName: "NAME=PATH"))
    var populations: [String] = []

    @Option(name: .long, help: ArgumentHelp("Run only shard K of N of every population (1 ≤ K ≤ N).", valueName: "K/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("Write the scenario's partial result here, for `suanpan merge`.", valueName: "file"))
    var partial: String?

    @Option(name: .long, help: ArgumentHelp("Write the scenario's chart as SVG.", valueName: "file"))
    var svg: String?

    @Option(name: .long, help: ArgumentHelp("Write a self-contained HTML report (tables and charts).", valueName: "file"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Threads a scenario runs on (default: the machine's cores); the results are the same with any number.",
                                            valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("How scenarios run: columns (batches of accounts at once, the default) or scalar (one account at a time, the reference); the results are the same.",
                                            valueName: "columns|scalar"))
    var executor: String = Executor.columns.rawValue

    @Flag(name: .long, help: "Show a progress bar on standard error even when it is not a terminal.")
    var progress = false

    func validate() throws {
        if let shard, parsedShard(shard) == nil {
            throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, such as --shard 2/8 (not '\(shard)')")
        }
        for p in populations where !p.contains("=") {
            throw ValidationError("--population takes NAME=PATH, such as --population accounts=big.csv (not '\(p)')")
        }
        if Executor(rawValue: executor) == nil {
            throw ValidationError("--executor takes columns or scalar, such as --executor scalar (not '\(executor)')")
        }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs takes 1 to 256 threads, such as --jobs 2 (not \(jobs))") }
        if partial != nil, shard == nil {
            throw ValidationError("--partial writes one shard's result: give --shard K/N too (--shard 1/1 for the whole population)")
        }
    }

    /// `2/8` → shard index 1 of 8.
    func parsedShard(_ text: String) -> Shard? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1_000_000, k >= 1, k <= n else { return nil }
        return Shard(index: k - 1, count: n)
    }

    func apply(to program: Program) {
        for p in populations {
            guard let eq = p.firstIndex(of: "=") else { continue }
            program.populationPaths[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        program.shard = shard.flatMap(parsedShard)
        program.jobs = jobs
        program.executor = Executor(rawValue: executor) ?? .columns
    }
}
