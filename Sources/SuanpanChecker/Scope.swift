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
    private(set) var names: [String: Symbol] = [:]
    /// The product whose members this scope holds, for qualified names and rounding.
    let product: Int?

    init(parent: Scope?, product: Int? = nil) {
        self.parent = parent
        self.product = product ?? parent?.product
    }

    func lookup(_ name: String) -> Symbol? { names[name] ?? parent?.lookup(name) }
    func lookupLocally(_ name: String) -> Symbol? { names[name] }
    func define(_ name: String, _ symbol: Symbol) { names[name] = symbol }

    /// Every visible name, innermost first, for "did you mean" hints and completion.
    var allNames: [String] { Array(names.keys) + (parent?.allNames ?? []) }
}

/// The closest name by edit distance, if it is close enough to be a likely typo
/// (a one-letter name is never "close" to another one-letter name).
func suggestion(for name: String, among candidates: [String]) -> String? {
    let limit = max(1, name.count / 3)
    var best: (String, Int)?
    for c in Set(candidates) where c != name && abs(c.count - name.count) <= limit {
        let d = editDistance(name.lowercased(), c.lowercased())
        if d <= limit, d < max(name.count, c.count), best.map({ d < $0.1 }) ?? true { best = (c, d) }
    }
    return best?.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var row = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            row[j] = Swift.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return previous[b.count]
}
