/// The syntax tree: what the parser read, with spans, and nothing inferred.
/// Literals keep their source text; the checker turns them into values, so a
/// literal that is well-formed but out of range is a check error, not a syntax one.

public struct Name: Sendable, Hashable {
    public let text: String
    public let span: Span
    public init(_ text: String, _ span: Span) {
        self.text = text
        self.span = span
    }
}

public struct FileSyntax: Sendable {
    public let file: SourceFile
    public let items: [Item]
}

public enum Item: Sendable {
    case importDecl(ImportDecl)
    case letDecl(LetDecl)
    case record(RecordDecl)
    case product(ProductDecl)
    case rule(RuleDecl)
    case test(TestDecl)
    case print(PrintStmt)
    case population(PopulationDecl)
    case scenario(ScenarioDecl)

    /// The name a declaration defines at top level (`test "name"` for a test); nil for an import or a print.
    public var declaredName: String? {
        switch self {
        case .letDecl(let l): return l.name.text
        case .record(let r): return r.name.text
        case .product(let p): return p.name.text
        case .rule(let r): return r.name.text
        case .test(let t): return "test \"\(t.name)\""
        case .population(let p): return p.name.text
        case .scenario(let s): return s.name.text
        case .importDecl, .print: return nil
        }
    }

    /// Where the item is written, from its first word to its last token.
    public var span: Span {
        switch self {
        case .importDecl(let i): return i.span
        case .letDecl(let l): return l.span
        case .record(let r): return r.span
        case .product(let p): return p.span
        case .rule(let r): return r.span
        case .test(let t): return t.span
        case .print(let p): return p.span
        case .population(let p): return p.span
        case .scenario(let s): return s.span
        }
    }
}

extension FileSyntax {
    /// The file without its declarations of these names: those the REPL's own definitions shadow.
    public func without(_ names: Set<String>) -> FileSyntax {
        if names.isEmpty { return self }
        return FileSyntax(file: file, items: items.filter { $0.declaredName.map { !names.contains($0) } ?? true })
    }
}

public struct ImportDecl: Sendable {
    public let path: String
    public let span: Span
}

public struct LetDecl: Sendable {
    public let name: Name
    public let type: TypeSyntax?
    public let value: Expr
    public let span: Span
}

public struct RecordDecl: Sendable {
    public let name: Name
    public let fields: [FieldDecl]
    public let span: Span
}

public struct FieldDecl: Sendable {
    public let name: Name
    public let type: TypeSyntax
    public let defaultValue: Expr?
}

public struct ProductDecl: Sendable {
    public let name: Name
    public let title: String?
    /// A variant, `product B = A with { … }`: the product it is made from and the
    /// parameters it changes; `members` are what it adds.
    public let variant: Variant?
    public let members: [Member]
    public let span: Span

    public struct Variant: Sendable {
        public let base: Name
        public let changes: [OverrideAssignment]
    }

    init(name: Name, title: String?, variant: Variant? = nil, members: [Member], span: Span) {
        self.name = name
        self.title = title
        self.variant = variant
        self.members = members
        self.span = span
    }
}

public enum Member: Sendable {
    case param(ParamDecl)
    case rule(RuleDecl)
    case table(TableDecl)
    case letDecl(LetDecl)
    case rounding(RoundingDecl)
}

public struct ParamDecl: Sendable {
    public let name: Name
    public let type: TypeSyntax?
    public let value: Expr
    /// Values that take effect on a date, in order: `from 2021-07-01 = 0.5%`.
    public let schedule: [DatedValue]
    public let span: Span
}

/// `from DATE = value` after a parameter's value: from that date on (in a
/// scenario's steps) the parameter has this value.
public struct DatedValue: Sendable {
    public let date: Expr
    public let value: Expr
}

/// `rounding half_even` or `rounding half_up 0.01`: how the product's money
/// results are rounded.
public struct RoundingDecl: Sendable {
    public let mode: Name
    public let quantum: Expr?
    public let span: Span
}

public struct Parameter: Sendable {
    public let name: Name
    public let type: TypeSyntax
}

public struct RuleDecl: Sendable {
    public let name: Name
    /// nil when declared without parentheses: a named value computed on use.
    public let parameters: [Parameter]?
    public let result: TypeSyntax?
    public let body: Body
    public let span: Span
}

/// `= expr`, or `{ let a = … let b = … expr }`.
public struct Body: Sendable {
    public let lets: [LetDecl]
    public let value: Expr
}

public struct TableDecl: Sendable {
    public let name: Name
    public let parameters: [Parameter]
    public let result: TypeSyntax
    public let rows: [TableRow]
    public let span: Span
}

public struct TableRow: Sendable {
    /// nil for the `else` row.
    public let patterns: [Pattern]?
    public let value: Expr
    public let span: Span
}

public struct Pattern: Sendable {
    public enum Kind: Sendable {
        /// `_`
        case any
        case exact(Expr)
        /// `lo..hi`, `lo..<hi`, `lo..`, `..hi`, `..<hi`
        case range(low: Expr?, high: Expr?, highInclusive: Bool)
    }
    public let kind: Kind
    public let span: Span
}

public struct TestDecl: Sendable {
    public let name: String
    public let statements: [TestStatement]
    public let span: Span
}

public enum TestStatement: Sendable {
    case letDecl(LetDecl)
    case expect(Expr, span: Span)
    case expectError(Expr, message: String?, span: Span)
    case print(PrintStmt)
}

public struct PrintStmt: Sendable {
    public let values: [Expr]
    public let span: Span
}

/// `money<CNY>`, `rate/day`, `list<Bill>`, `money<CNY>/day`, `Bill`.
public final class TypeSyntax: Sendable {
    public let name: Name
    public let argument: TypeSyntax?
    public let per: Name?
    /// `(merchant: string, total: money<CNY>)`: a row type's fields; `name` is then `(`.
    public let row: [RowField]?
    public let span: Span
    public init(name: Name, argument: TypeSyntax?, per: Name?, row: [RowField]? = nil, span: Span) {
        self.name = name
        self.argument = argument
        self.per = per
        self.row = row
        self.span = span
    }
}

/// One field of a written row type.
public struct RowField: Sendable {
    public let name: Name
    public let type: TypeSyntax
}

public struct Expr: Sendable {
    public let kind: ExprKind
    public let span: Span
    /// Height of the tree below this node; the parser caps it so that every
    /// later phase can recurse over expressions without exhausting the stack.
    public let depth: Int

    public init(_ kind: ExprKind, _ span: Span) {
        self.kind = kind
        self.span = span
        self.depth = 1 + kind.childDepth
    }
}

extension ExprKind {
    /// The greatest depth among the children, 0 for a leaf: what `children` would give,
    /// without building the array, since every node the parser makes asks for it.
    var childDepth: Int {
        func deepest(_ es: [Expr], _ start: Int = 0) -> Int { es.reduce(start) { max($0, $1.depth) } }
        func deepest(_ e: Expr?, _ start: Int) -> Int { max(start, e?.depth ?? 0) }
        switch self {
        case .literal, .name: return 0
        case .unary(_, let e), .member(let e, _): return e.depth
        case .binary(_, let a, let b), .index(let a, let b): return max(a.depth, b.depth)
        case .conditional(let a, let b, let c): return max(a.depth, b.depth, c.depth)
        case .call(let f, let args): return deepest(args, f.depth)
        case .list(let items): return deepest(items)
        case .comprehension(let e, _, let s, let f): return deepest(f, max(e.depth, s.depth))
        case .record(_, let fields), .row(let fields): return fields.reduce(0) { max($0, $1.value.depth) }
        case .fold(let f): return deepest(f.filter, max(f.initial.depth, f.source.depth, f.step.depth))
        case .slice(let base, let from, let to, _): return deepest(to, deepest(from, base.depth))
        case .arrange(let a): return deepest(a.key, a.source.depth)
        case .scoped(let w):
            return w.assignments.reduce(w.body.depth) { max($0, deepest($1.keys ?? [], $1.value.depth)) }
        }
    }

    var children: [Expr] {
        switch self {
        case .literal, .name: return []
        case .unary(_, let e), .member(let e, _): return [e]
        case .binary(_, let a, let b), .index(let a, let b): return [a, b]
        case .conditional(let a, let b, let c): return [a, b, c]
        case .call(let f, let args): return [f] + args
        case .list(let items): return items
        case .comprehension(let e, _, let s, let f): return [e, s] + (f.map { [$0] } ?? [])
        case .record(_, let fields): return fields.map(\.value)
        case .fold(let f): return [f.initial, f.source] + (f.filter.map { [$0] } ?? []) + [f.step]
        case .slice(let base, let from, let to, _): return [base] + [from, to].compactMap { $0 }
        case .row(let fields): return fields.map(\.value)
        case .arrange(let a): return [a.source] + (a.key.map { [$0] } ?? [])
        case .scoped(let w): return w.assignments.flatMap { ($0.keys ?? []) + [$0.value] } + [w.body]
        }
    }
}

public enum LiteralKind: Sendable, Hashable {
    /// `flow` is money per period (`1200 CNY/month`); `places`, a rounding step
    /// counted in decimal places (`2 places`).
    case number, percent, rate, money, flow, duration, places, date, string, bool
}

public enum UnaryOperator: String, Sendable { case negate = "-", not }

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or
}

public indirect enum ExprKind: Sendable {
    /// The literal's source text (for strings, the decoded value).
    case literal(LiteralKind, String)
    case name(String)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case conditional(Expr, then: Expr, else: Expr)
    case member(Expr, Name)
    case call(Expr, [Expr])
    case index(Expr, Expr)
    /// `xs[a..<b]`, `xs[a..b]` (through b), `xs[a..]`, `xs[..<b]`, `xs[..b]`: a part of a list.
    case slice(Expr, from: Expr?, to: Expr?, through: Bool)
    case list([Expr])
    case comprehension(element: Expr, variable: Name, source: Expr, filter: Expr?)
    case record(Name, [FieldInit])
    /// `fold s = init for x in xs [where c] => step`, or `scan …`: a state carried through a list.
    case fold(Fold)
    /// `(merchant: "a", total: 10 CNY)`: a row, a record without a declaration.
    case row([FieldInit])
    /// `sort x in xs [by key] [descending]` and `group x in xs by key`.
    case arrange(Arrange)
    /// `with Product { param = value, … } in body`: the body sees the product with those values.
    case scoped(ScopedOverride)
}

/// Whether a list is put in order of a key, or split into groups of equal keys.
public enum ArrangeKind: String, Sendable {
    case sort, group

    /// How the form is written, for messages.
    public var example: String {
        switch self {
        case .sort: "sort b in bills by b.amount"
        case .group: "group b in bills by b.merchant"
        }
    }
}

/// `sort x in source [by key] [descending]` or `group x in source by key`.
public final class Arrange: Sendable {
    public let kind: ArrangeKind
    public let variable: Name
    public let source: Expr
    /// The key of each item; a sort without one orders the items themselves.
    public let key: Expr?
    public let descending: Bool

    public init(kind: ArrangeKind, variable: Name, source: Expr, key: Expr?, descending: Bool) {
        self.kind = kind
        self.variable = variable
        self.source = source
        self.key = key
        self.descending = descending
    }
}

/// `name = value` in a what-if: inside `with P { … } in …`, and in `--set P.name=value`
/// and the REPL's `:set`, which read the same form.
/// With `keys`, `table(k, …) = value` changes one row of a table: the value for those keys.
public struct OverrideAssignment: Sendable {
    public let target: Name
    public let keys: [Expr]?
    public let value: Expr
    public let span: Span
    public init(target: Name, keys: [Expr]? = nil, value: Expr, span: Span) {
        self.target = target
        self.keys = keys
        self.value = value
        self.span = span
    }
}

/// `with P { a = x, b = y } in body`: while `body` runs, P's parameters `a` and
/// `b` have the new values (computed outside first), and so has everything
/// computed from them; outside, nothing changes.
public final class ScopedOverride: Sendable {
    public let product: Name
    public let assignments: [OverrideAssignment]
    public let body: Expr

    public init(product: Name, assignments: [OverrideAssignment], body: Expr) {
        self.product = product
        self.assignments = assignments
        self.body = body
    }
}

/// Whether a fold gives its final state or the state after every item.
public enum FoldKind: String, Sendable { case fold, scan }

/// `fold s[: T] = initial for x in source [where filter] => step`: the state `s`
/// starts as `initial`; for each item `x` (that passes the filter) it becomes
/// `step`. `fold` gives the last state, `scan` the list of states after each item.
public final class Fold: Sendable {
    public let kind: FoldKind
    public let state: Name
    public let stateType: TypeSyntax?
    public let initial: Expr
    public let variable: Name
    public let source: Expr
    public let filter: Expr?
    public let step: Expr

    public init(kind: FoldKind, state: Name, stateType: TypeSyntax?, initial: Expr, variable: Name, source: Expr,
                filter: Expr?, step: Expr) {
        self.kind = kind
        self.state = state
        self.stateType = stateType
        self.initial = initial
        self.variable = variable
        self.source = source
        self.filter = filter
        self.step = step
    }
}

public struct FieldInit: Sendable {
    public let name: Name
    public let value: Expr
}
