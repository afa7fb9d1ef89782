import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checking and evaluation recurse over programs. Their depth is bounded
/// (expression trees 1,000 tall, 1,000 declarations typed inside each other,
/// 1,000 nested calls, 100,000 levels of calls × tree height), but the bound
/// times the frame size can exceed a default 8 MB thread stack, so the public
/// entry points run their work on a thread with a large one. The stack is
/// reserved address space; only the pages used are real.
public enum LargeStack {
    static let size = 1 << 29

    /// Runs `body` on a thread with a 512 MiB stack and waits for it. If no such
    /// thread can be made (a tight address-space limit), it runs here instead of
    /// waiting forever.
    public static func run<T>(_ body: @escaping () -> T) -> T {
        let job = Job(body)
        if start(job), let result = job.result { return result }
        return body()
    }

    /// Runs every body at once, each on a thread of its own with a large stack, and waits
    /// for all of them; a body whose thread cannot be made runs here, after the others.
    public static func runAll<T>(_ bodies: [() -> T]) -> [T] {
        let jobs = bodies.map { Job($0) }
        let threads = jobs.map { spawn($0) }
        for (job, thread) in zip(jobs, threads) {
            if let thread { join(thread) } else { job.run() }
        }
        return zip(jobs, bodies).map { job, body in job.result ?? body() }
    }

    #if canImport(Glibc)
    typealias Thread = pthread_t
    #else
    typealias Thread = pthread_t?
    #endif

    /// A new thread running the job, or nil when it could not be created.
    static func spawn(_ job: Runnable) -> Thread? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let context = Unmanaged.passRetained(JobBox(job)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<JobBox>.fromOpaque(raw).takeRetainedValue().job.run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<JobBox>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    static func join(_ thread: Thread) {
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
    }

    /// Starts the job on a new thread and joins it; false when the thread could not be created.
    static func start(_ job: Runnable) -> Bool {
        guard let thread = spawn(job) else { return false }
        join(thread)
        return true
    }

    private final class Job<T>: Runnable, @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        func run() { result = body() }
    }

    private final class JobBox {
        let job: Runnable
        init(_ job: Runnable) { self.job = job }
    }
}

protocol Runnable: AnyObject {
    func run()
}
