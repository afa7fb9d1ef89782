#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SuanpanChecker
import SuanpanValues

/// A runtime value. Units live in the checked types, not here: a percentage,
/// a rate and a duration are all plain decimals by the time the program runs
/// (2.5% is 0.025, 0.04%/day is 0.0004, 40 days is 40). Only money keeps its
/// currency, because a record field typed `money` learns it at run time.
public enum Value: Sendable {
    case decimal(FixedDecimal)
    case money(FixedDecimal, Currency)
    case bool(Bool)
    case string(String)
    case date(CivilDate)
    case list([Value])
    case record(RecordValue)
    case roundingMode(RoundingMode)

    public init(_ c: Constant) {
        switch c {
        case .decimal(let d): self = .decimal(d)
        case .money(let d, let cur): self = .money(d, cur)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        case .date(let d): self = .date(d)
        case .roundingMode(let m): self = .roundingMode(m)
        }
    }
}

/// Immutable once made: `fields` is written only by `deinit`, when nothing
/// else can see the record.
public final class RecordValue: @unchecked Sendable {
    public let type: RecordType
    @exclusivity(unchecked) public private(set) var fields: [Value]
    /// Values carry the record as declared, never a view in one currency.
    public init(type: RecordType, fields: [Value]) {
        self.type = type.root
        self.fields = fields
    }

    /// The field at `index`, nil past the end (which the checker never lets through).
    @inline(__always)
    func field(_ index: Int) -> Value? {
        index >= 0 && index < fields.count ? fields[index] : nil
    }

    /// A record holding lists or records hands its fields to the thread's
    /// release queue, so a value nested a million levels deep is freed one
    /// level at a time rather than by a million nested releases.
    deinit {
        let holdsReferences = fields.contains { field in
            switch field {
            case .list, .record: return true
            case .decimal, .money, .bool, .string, .date, .roundingMode: return false
            }
        }
        guard holdsReferences else { return }
        // Only the queue may hold the fields when it drains (no loop's
        // iterator here), or releasing them would recurse after all.
        let queue = ReleaseQueue.current
        queue.pending.append(fields)
        fields = []
        queue.drain()
    }
}

/// Field arrays waiting to be released on this thread. Releasing one may
/// release records inside it, whose fields join the queue instead of being
/// released within that release.
final class ReleaseQueue {
    var pending: [[Value]] = []
    var draining = false

    func drain() {
        if draining { return }
        draining = true
        while !pending.isEmpty { _ = pending.removeLast() }
        draining = false
    }

    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            if let raw { Unmanaged<ReleaseQueue>.fromOpaque(raw).release() }
        }
        return key
    }()

    static var current: ReleaseQueue {
        if let raw = pthread_getspecific(key) { return Unmanaged<ReleaseQueue>.fromOpaque(raw).takeUnretainedValue() }
        let queue = ReleaseQueue()
        pthread_setspecific(key, Unmanaged.passRetained(queue).toOpaque())
        return queue
    }
}

extension Value {
    /// Structural equality, for `==` on lists and records. Nested lists and
    /// records are compared with an explicit stack: a deep value needs no stack.
    func equals(_ other: Value) -> Bool {
        // No local `var` of type Value here: the debug build of Swift 6.3 can
        // place one misaligned (its decimals are 16-byte integers) and trap.
        let first = shallowlyEquals(other)
        guard case .parts(let a, let b) = first else {
            if case .equal = first { return true }
            return false
        }
        var pending: [(a: [Value], b: [Value], index: Int)] = [(a, b, 0)]
        while let top = pending.last {
            let i = top.index
            if i >= min(top.a.count, top.b.count) {
                pending.removeLast()
                continue
            }
            pending[pending.count - 1].index = i + 1
            switch top.a[i].shallowlyEquals(top.b[i]) {
            case .different: return false
            case .equal: break
            case .parts(let x, let y): if !x.isEmpty { pending.append((x, y, 0)) }
            }
        }
        return true
    }

    enum Shallow {
        case different, equal
        /// Lists of one length, or records of one type: equal if their parts are.
        case parts([Value], [Value])
    }

    func shallowlyEquals(_ other: Value) -> Shallow {
        switch (self, other) {
        case (.decimal(let a), .decimal(let b)): return a == b ? .equal : .different
        case (.money(let a, let c), .money(let b, let d)): return a == b && c == d ? .equal : .different
        case (.bool(let a), .bool(let b)): return a == b ? .equal : .different
        case (.string(let a), .string(let b)): return a == b ? .equal : .different
        case (.date(let a), .date(let b)): return a == b ? .equal : .different
        case (.roundingMode(let a), .roundingMode(let b)): return a == b ? .equal : .different
        case (.list(let a), .list(let b)): return a.count == b.count ? .parts(a, b) : .different
        case (.record(let a), .record(let b)):
            if a.type.root !== b.type.root { return .different }
            return a === b ? .equal : .parts(a.fields, b.fields)
        default: return .different
        }
    }
}

extension Value {
    /// Whether a value fits a type: the check on values that come from outside
    /// a program (overrides, host calls), which the checker never saw. Nested
    /// lists and records are walked with an explicit stack.
    public func conforms(to type: SType) -> Bool {
        let first = shallowlyConforms(to: type)
        guard case .parts(let values, let element, let fields) = first else { return first == .fits }
        var pending: [(values: [Value], element: SType, fields: [RecordType.Field]?, index: Int)] = [(values, element, fields, 0)]
        while let top = pending.last {
            let i = top.index
            if i >= min(top.values.count, top.fields?.count ?? Int.max) {
                pending.removeLast()
                continue
            }
            pending[pending.count - 1].index = i + 1
            switch top.values[i].shallowlyConforms(to: top.fields?[i].type ?? top.element) {
            case .fails: return false
            case .fits: break
            case .parts(let values, let element, let fields): if !values.isEmpty { pending.append((values, element, fields, 0)) }
            }
        }
        return true
    }

    enum Fit: Equatable {
        case fails, fits
        /// A list's items, each of `element`, or a record's values, each of its field's type.
        case parts([Value], element: SType, fields: [RecordType.Field]?)

        static func == (a: Fit, b: Fit) -> Bool {
            switch (a, b) {
            case (.fails, .fails), (.fits, .fits): return true
            default: return false
            }
        }
    }

    func shallowlyConforms(to type: SType) -> Fit {
        switch (self, type) {
        case (.decimal(let d), .int): return d.isInteger ? .fits : .fails
        case (.decimal(let d), .duration): return d.isInteger ? .fits : .fails
        case (.decimal, .number), (.decimal, .percent), (.decimal, .rate): return .fits
        case (.money(_, let c), .money(let code)), (.money(_, let c), .flow(let code, _)):
            return code == nil || code == c.code ? .fits : .fails
        case (.bool, .bool), (.string, .string), (.date, .date), (.roundingMode, .roundingMode): return .fits
        case (.list(let items), .list(let element)): return .parts(items, element: element, fields: nil)
        case (.record(let r), .record(let t)):
            // A view in one currency (InstallmentLine<CNY>) holds the record's values with their money in it.
            return r.type.root === t.root ? .parts(r.fields, element: .anything, fields: t.fields) : .fails
        case (_, .invalid), (_, .anything): return .fits
        default: return .fails
        }
    }
}
