import SuanpanSyntax
import SuanpanValues

/// The list functions of the core language, and `+` on lists. Each keeps the
/// element type, so `first([b.amount for b in bills])` is `money<CNY>` and units
/// hold through them.
extension Checker {
    func listFunction(_ f: Intrinsic, _ args: [BExpr], _ span: Span) -> BExpr {
        switch f {
        case .first, .last:
            guard args.count == 1 else { return arity(f, "\(f.name)(list)", span) }
            guard let element = listElement(f, args[0]) else { return invalid(span) }
            return BExpr(.intrinsic(f, args), element == .anything ? .never : element, span, file)
        case .take, .drop:
            guard args.count == 2 else { return arity(f, "\(f.name)(list, n), e.g. \(f.name)(bills, 3)", span) }
            guard listElement(f, args[0]) != nil else { return invalid(span) }
            let n = args[1].requiring(.int, self, "argument 2 of \(quoted(f.name)) (how many items)")
            return BExpr(.intrinsic(f, [args[0], n]), args[0].type, span, file)
        case .reverse, .distinct:
            guard args.count == 1 else { return arity(f, "\(f.name)(list)", span) }
            guard listElement(f, args[0]) != nil else { return invalid(span) }
            return BExpr(.intrinsic(f, args), args[0].type, span, file)
        case .indexed:
            guard args.count == 1 else { return arity(f, "indexed(list): each item with its position, from 0", span) }
            guard let element = listElement(f, args[0]) else { return invalid(span) }
            let row = rowType([("index", .int), ("item", element)])
            return BExpr(.intrinsic(f, args), .list(.record(row)), span, file)
        case .zip:
            guard args.count == 2 else { return arity(f, "zip(list, list): the items paired in order", span) }
            guard let a = listElement(f, args[0]) else { return invalid(span) }
            guard case .list(let b) = args[1].type else { return argumentError(f, 2, "a list", args[1]) }
            let row = rowType([("first", a), ("second", b)])
            return BExpr(.intrinsic(f, args), .list(.record(row)), span, file)
        case .flatten:
            guard args.count == 1 else { return arity(f, "flatten(list of lists)", span) }
            guard let element = listElement(f, args[0]) else { return invalid(span) }
            switch element {
            case .list, .anything: return BExpr(.intrinsic(f, args), element == .anything ? args[0].type : element, span, file)
            case .int, .number, .percent, .bool, .string, .date, .money, .rate, .flow, .duration, .record, .roundingMode,
                 .never, .invalid:
                return argumentError(f, 1, "a list of lists", args[0])
            }
        case .contains:
            guard args.count == 2 else { return arity(f, "contains(list, value), e.g. contains([3, 6, 12], periods)", span) }
            guard let element = listElement(f, args[0]) else { return invalid(span) }
            guard let joined = join(element, args[1].type) else {
                return argumentError(f, 2, "\(element) like the list's items", args[1])
            }
            let list = coerce(args[0], to: .list(joined), context: "argument 1 of 'contains'")
            return BExpr(.intrinsic(f, [list, coerce(args[1], to: joined, context: "argument 2 of 'contains'")]), .bool, span, file)
        case .any, .all:
            guard args.count == 1 else { return arity(f, "\(f.name)(list of bools), e.g. \(f.name)([b.amount > 0 CNY for b in bills])", span) }
            let bools = args[0].requiring(.list(.bool), self, "argument 1 of \(quoted(f.name))")
            return BExpr(.intrinsic(f, [bools]), .bool, span, file)
        case .round, .min, .max, .sum, .count, .average, .abs, .prod, .range, .fail, .convertRate, .text, .format:
            return invalid(span)
        }
    }

    /// `xs[a..<b]` and the other slices: a list of the same type; the ends are ints.
    func slice(_ base: BExpr, _ from: BExpr?, _ to: BExpr?, through: Bool, _ span: Span) -> BExpr {
        let start = from.map { $0.requiring(.int, self, "the start of a slice") }
        let end = to.map { $0.requiring(.int, self, "the end of a slice") }
        switch base.type {
        case .list: break
        case .invalid, .never: return invalid(span)
        case .int, .number, .percent, .bool, .string, .date, .money, .rate, .flow, .duration, .record, .roundingMode, .anything:
            error("only lists can be sliced, not \(base.type)", base.span)
            return invalid(span)
        }
        return BExpr(.slice(base, from: start, to: end, through: through), base.type, span, file)
    }

    /// The element type of a list argument, or nil after reporting that it is not a list.
    func listElement(_ f: Intrinsic, _ arg: BExpr) -> SType? {
        if arg.type.isPoison { return .anything }
        guard case .list(let element) = arg.type else {
            _ = argumentError(f, 1, "a list", arg)
            return nil
        }
        return element
    }

    /// `xs + ys`: one list after the other, of the joined element type.
    func concatenation(_ l: BExpr, _ r: BExpr, _ span: Span) -> BExpr? {
        guard case .list = l.type, case .list = r.type else { return nil }
        guard let joined = join(l.type, r.type) else {
            error("cannot add \(l.type) and \(r.type)", span, hint: "lists are joined when their items have one type")
            return invalid(span)
        }
        return make(.concatenateLists, l, r, joined, span)
    }
}
