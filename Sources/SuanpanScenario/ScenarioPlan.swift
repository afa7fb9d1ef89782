import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues

/// The steps of a scenario's horizon, and the parameter values in force in each.
public struct ScenarioPlan {
    public struct Step {
        public let index: Int
        public let start: CivilDate
        /// The next step's start: the step covers [start, end).
        public let end: CivilDate
        public let days: Int
    }

    /// Consecutive steps with the same dated parameter values.
    public struct Epoch {
        public let steps: Range<Int>
        public let changes: [Machine.Change]
    }

    public let steps: [Step]
    public let epochs: [Epoch]
    /// At most this many steps: a daily horizon of about 270 years.
    public static let maxSteps = 100_000

    /// Step k starts at `start` moved by k periods (from the first date, so month
    /// ends do not drift: Jan 31, Feb 28, Mar 31); steps start up to `end`.
    public init(_ body: ScenarioDef.Body, machine: Machine, at span: Span, in file: SourceFile) throws(RuntimeError) {
        var starts: [CivilDate] = []
        var k = 0
        while true {
            let date = try Self.shift(body.start, by: k, body.period, span, file)
            if date > body.end { break }
            if starts.count >= Self.maxSteps {
                throw RuntimeError("a scenario's horizon has more than \(Self.maxSteps) steps", file: file, span: span,
                                   hint: "step by month instead of by day, or shorten the horizon")
            }
            starts.append(date)
            k += 1
        }
        let after = try Self.shift(body.start, by: k, body.period, span, file)
        var steps: [Step] = []
        for (i, s) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : after
            steps.append(Step(index: i, start: s, end: end, days: s.days(to: end)))
        }
        self.steps = steps
        self.epochs = try Self.makeEpochs(steps, machine: machine, span, file)
    }

    static func shift(_ date: CivilDate, by k: Int, _ period: Period, _ span: Span, _ file: SourceFile) throws(RuntimeError) -> CivilDate {
        do throws(ArithmeticError) {
            switch period {
            case .day: return try date.adding(days: k)
            case .month: return try date.adding(months: k)
            case .year: return try date.adding(months: k * 12)
            }
        } catch {
            throw RuntimeError("the horizon runs past the last date there is (\(error))", file: file, span: span)
        }
    }

    /// For every parameter with dated values that no what-if has set, the value of its
    /// last date on or before each step's start; steps that agree share an epoch.
    static func makeEpochs(_ steps: [Step], machine: Machine, _ span: Span, _ file: SourceFile) throws(RuntimeError) -> [Epoch] {
        let globals = machine.program.checked.globals
        let scheduled = globals.indices.filter { !globals[$0].schedule.isEmpty && !machine.isOverridden(global: $0) }
        var epochs: [Epoch] = []
        var current: [Int?] = []
        var from = 0
        var changes: [Machine.Change] = []
        for step in steps {
            let choice = scheduled.map { g in globals[g].schedule.lastIndex { $0.date <= step.start } }
            if step.index > 0, choice == current { continue }
            if step.index > 0 { epochs.append(Epoch(steps: from..<step.index, changes: changes)) }
            current = choice
            from = step.index
            changes = []
            for (g, picked) in zip(scheduled, choice) {
                guard let picked else { continue }
                let value = try machine.value(ofGlobal: globals[g].schedule[picked].global)
                changes.append(.parameter(global: g, value))
            }
        }
        if !steps.isEmpty { epochs.append(Epoch(steps: from..<steps.count, changes: changes)) }
        return epochs
    }
}
