import SuanpanValues

/// What a name means at one point in the program.
enum Symbol {
    case local(slot: Int, type: SType)
    case global(Int)
    case function(Int)
    case product(Int)
    case record(RecordType)
    case roundingMode(RoundingMode)
    case intrinsic(Intrinsic)
    /// Plugin functions of this name; more than one means it must be qualified.
    case external([Int])
    /// A plugin's name, for qualified calls: `finance.pmt(…)`.
    case namespace(String)
}

/// A chain of name tables: block, rule, product, file, built-ins.
final class Scope {
    let parent: Scope?
    private(set) var names: [Key: Symbol] = [:]
    /// The product whose members this scope holds, for qualified names and rounding.
    let product: Int?

    init(parent: Scope?, product: Int? = nil) {
        self.parent = parent
        self.product = product ?? parent?.product
    }

    func lookup(_ name: String) -> Symbol? { lookup(Key(name)) }
    func lookupLocally(_ name: String) -> Symbol? { names[Key(name)] }
    func define(_ name: String, _ symbol: Symbol) { names[Key(name)] = symbol }

    func lookup(_ key: Key) -> Symbol? { names[key] ?? parent?.lookup(key) }

    /// Every visible name, innermost first, for "did you mean" hints and completion.
    var allNames: [String] { names.keys.map(\.text) + (parent?.allNames ?? []) }

    /// A name with its hash worked out once. A lookup asks each scope of the chain in
    /// turn, and hashing the string's bytes again at each was most of what asking cost.
    struct Key: Hashable {
        let text: String
        let hash: Int

        init(_ text: String) {
            self.text = text
            hash = text.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.text == b.text }
    }
}

/// The closest name by edit distance, if it is close enough to be a likely typo
/// (a one-letter name is never "close" to another one-letter name).
func suggestion(for name: String, among candidates: [String]) -> String? {
    // At most 10 edits apart: the distance is computed in a band that wide, so a
    // name 80,000 letters long costs a pass over it, not its length squared.
    let limit = max(1, min(name.count / 3, 10))
    let wanted = Array(name.lowercased())
    var best: (String, Int)?
    for c in Set(candidates) where c != name && abs(c.count - name.count) <= limit {
        let d = editDistance(wanted, Array(c.lowercased()), atMost: limit)
        if d <= limit, d < max(name.count, c.count), best.map({ d < $0.1 }) ?? true { best = (c, d) }
    }
    return best?.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a), Array(b), atMost: max(a.count, b.count))
}

/// The edit distance of `a` and `b` if it is at most `limit`, else some number
/// above `limit`: only cells within `limit` of the diagonal are computed.
func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let far = limit + 1
    var previous = (0...b.count).map { $0 <= limit ? $0 : far }
    var row = Array(repeating: far, count: b.count + 1)
    for i in 1...a.count {
        let low = max(1, i - limit), high = min(b.count, i + limit)
        row[0] = i <= limit ? i : far
        if low > 1 { row[low - 1] = far }
        var best = row[0]
        if low <= high {
            for j in low...high {
                let cell = Swift.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                row[j] = Swift.min(cell, far)
                best = Swift.min(best, row[j])
            }
        }
        if high < b.count { row[high + 1] = far }
        if best > limit { return far }
        swap(&previous, &row)
    }
    return previous[b.count]
}
