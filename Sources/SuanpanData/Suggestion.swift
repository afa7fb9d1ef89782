// "Did you mean" for column names, options and formats. The checker has its own
// for program names; data names come from files, so this one is bounded by the
// length of the names compared (a header cell 80,000 bytes long is compared in a
// band, never squared).

/// The candidate closest to `name` by edit distance (case-insensitive), if close
/// enough to be a likely typo; nil otherwise.
public func closestName(to name: String, among candidates: [String]) -> String? {
    let wanted = Array(name.lowercased().utf8)
    let limit = max(1, min(wanted.count / 3, 10))
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
        let other = Array(candidate.lowercased().utf8)
        guard abs(other.count - wanted.count) <= limit else { continue }
        let d = bandedDistance(wanted, other, limit: limit)
        guard d <= limit, d < max(wanted.count, other.count) else { continue }
        if best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
    }
    return best?.name
}

/// Edit distance, a swap of two neighbouring letters counting as one edit (`cvs` → `csv`),
/// when at most `limit`, else `limit + 1`: only cells within
/// `limit` of the diagonal are computed.
func bandedDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    let far = limit + 1
    if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), far) }
    var previous = (0...b.count).map { min($0, far) }
    var row = Array(repeating: far, count: b.count + 1)
    var older = Array(repeating: far, count: b.count + 1)
    for i in 1...a.count {
        let low = max(1, i - limit), high = min(b.count, i + limit)
        row[0] = min(i, far)
        if low > 1 { row[low - 1] = far }
        var best = row[0]
        if low <= high {
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                row[j] = min(previous[j] + 1, row[j - 1] + 1, substitution, far)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { row[j] = min(row[j], older[j - 2] + 1) }
                best = min(best, row[j])
            }
        }
        if high < b.count { row[high + 1] = far }
        if best >= far { return far }
        swap(&older, &previous)
        swap(&previous, &row)
    }
    return min(previous[b.count], far)
}

extension Array where Element == String {
    /// `'a', 'b' and 'c'`: names for a message.
    func quotedList() -> String { map { "'\($0)'" }.joined(separator: ", ") }
}
