import SuanpanChecker

extension BKind {
    /// The expressions directly inside this one. A call's are its arguments: the body
    /// it runs sees nothing else of the caller.
    func forEachChild(_ body: (BExpr) -> Void) {
        switch self {
        case .constant, .local, .global, .source: break
        case .call(_, let args), .intrinsic(_, let args), .external(_, _, let args), .list(let args), .record(_, let args):
            args.forEach(body)
        case .negate(let a, _), .not(let a), .field(let a, _), .requireCurrency(let a, _), .dateComponent(let a, _),
             .roundMoney(let a, _, _):
            body(a)
        case .and(let a, let b), .or(let a, let b), .operation(_, let a, let b), .compare(_, _, let a, let b), .index(let a, let b):
            body(a)
            body(b)
        case .conditional(let a, let b, let c):
            body(a)
            body(b)
            body(c)
        case .sequence(_, let value, let then):
            body(value)
            body(then)
        case .slice(let a, let from, let to, _):
            body(a)
            if let from { body(from) }
            if let to { body(to) }
        case .comprehension(let element, _, let source, let filter):
            body(element)
            body(source)
            if let filter { body(filter) }
        case .fold(let plan):
            body(plan.initial)
            body(plan.source)
            body(plan.step)
            if let filter = plan.filter { body(filter) }
        case .arrange(_, _, let source, let key, _):
            body(source)
            if let key { body(key) }
        case .scoped(let overrides, let inner):
            for o in overrides { body(o.value) }
            body(inner)
        }
    }
}
