import Foundation

/// Checking and evaluation recurse over programs. Their depth is bounded
/// (expression trees 1,000 tall, 1,000 declarations typed inside each other,
/// 1,000 nested calls), but the bound times the frame size can exceed a default 8 MB
/// thread stack, so the public entry points run their work on a thread with a
/// large one. The stack is reserved address space; only the pages used are real.
enum LargeStack {
    static let size = 1 << 29

    static func run<T>(_ body: @escaping () -> T) -> T {
        let job = Job(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            job.result = job.body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let result = job.result else { return body() }
        return result
    }

    /// Hands the work and its result between the threads; the semaphore orders the accesses.
    private final class Job<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
    }
}
