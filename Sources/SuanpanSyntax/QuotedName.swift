import SuanpanValues

/// A name from the input as messages quote it: `'principal'`. A name longer than
/// `quotedNameLimit` characters keeps its first 40 and last 12 characters and says how long it is,
/// `'aaaaaaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaa' (80,000 characters)`, so a message stays short whatever
/// the input. Every diagnostic and runtime error that quotes a name written in the input
/// goes through here.
public func quoted<S: StringProtocol>(_ name: S) -> String {
    "'\(elided(name))'" + (name.count > quotedNameLimit ? " (\(FixedDecimal(name.count).formatted(grouping: true)) characters)" : "")
}

/// The longest name a message writes whole.
public let quotedNameLimit = 60

/// The name as messages write it, without quotes: whole up to `quotedNameLimit`
/// characters, else its first 40 and last 12 around an ellipsis.
public func elided<S: StringProtocol>(_ name: S) -> String {
    guard name.count > quotedNameLimit else { return String(name) }
    return String(name.prefix(40)) + "…" + String(name.suffix(12))
}
