import Foundation
import SuanpanValues

/// A progress line on standard error for runs longer than about a second: rows
/// read, the rate, the time so far. Only on a terminal (or with --progress), and
/// erased when the run ends, so that nothing of it reaches a file or a pipe.
final class ProgressBar {
    private var name = ""
    private var started = DispatchTime.now()
    private var lastDrawn: UInt64 = 0
    private var drawn = false

    static func make(forced: Bool) -> ProgressBar? {
        forced || isatty(2) == 1 ? ProgressBar() : nil
    }

    func start(_ scenario: String) {
        name = scenario
        started = DispatchTime.now()
        lastDrawn = 0
        drawn = false
    }

    /// Called after each batch: redraws at most ten times a second, after the first second.
    func update(rows: Int, steps: Int, fraction: Double?) {
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = now - started.uptimeNanoseconds
        guard elapsed > 1_000_000_000, now - lastDrawn > 100_000_000 else { return }
        lastDrawn = now
        let seconds = Double(elapsed) / 1e9
        let rate = Int(Double(rows) / seconds)
        var line = "\(name): \(FixedDecimal(rows).formatted(grouping: true)) rows × \(steps) step\(steps == 1 ? "" : "s") · "
            + "\(FixedDecimal(rate).formatted(grouping: true)) rows/s · " + String(format: "%.1f s", seconds)
        if let fraction, fraction > 0.01 {
            line += String(format: " · %.0f%% · about %@ left", fraction * 100, Self.duration(seconds * (1 - fraction) / fraction))
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// `45 s`, `3 min`, `1 h 20 min`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds.rounded())) s" }
        let minutes = Int((seconds / 60).rounded())
        return minutes < 90 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
