import SuanpanSyntax
import SuanpanValues

/// `fold s = init for x in xs [where c] => step` and `scan …`: a typed state
/// carried through a list in order. The state's type is the annotation, else
/// the starting value's; every step must fit it, so units and currencies hold
/// from the first item to the last. The runtime runs it as a loop over two
/// frame slots: linear time, constant stack, whatever the length of the list.
extension Checker {
    func fold(_ f: Fold, _ span: Span, _ scope: Scope) -> BExpr {
        let declared = f.stateType.map(resolveType)
        let start = expression(f.initial, scope, expected: declared)
        let stateType = declared ?? start.type
        if declared == nil, stateType.hasUnknownParts {
            error("the starting state of \(quoted(f.kind.rawValue)) has no definite type (\(stateType))", f.initial.span,
                  hint: "declare it: \(f.kind.rawValue) \(f.state.text): list<money<CNY>> = [] for …")
        }
        let initial = coerce(start, to: stateType, context: "the starting state of \(quoted(f.kind.rawValue))")
        let list = expression(f.source, scope)
        let itemType = elementType(of: list, f.source.span, keyword: "'\(f.kind.rawValue) … for … in'")
        if f.state.text == f.variable.text {
            error("the state and the item of \(quoted(f.kind.rawValue)) are both named \(quoted(f.state.text))", f.variable.span,
                  hint: "give the item its own name: \(f.kind.rawValue) \(f.state.text) = … for item in …")
        }
        let inner = Scope(parent: scope)
        let stateSlot = allocateSlot(), itemSlot = allocateSlot()
        inner.define(f.state.text, .local(slot: stateSlot, type: stateType))
        inner.define(f.variable.text, .local(slot: itemSlot, type: itemType))
        let condition = f.filter.map { expression($0, inner).requiring(.bool, self, "a 'where' condition") }
        let next = nextState(expression(f.step, inner, expected: stateType), stateType, f, declared: declared != nil)
        let plan = FoldPlan(initial: initial, stateSlot: stateSlot, itemSlot: itemSlot, source: list,
                            filter: condition, step: next, keepsEveryState: keepsEveryState(f.kind))
        return BExpr(.fold(plan), resultType(f.kind, stateType), span, file)
    }

    /// The step fitted to the state's type. A step that only widens it (an int
    /// state whose step gives a number) asks for the wider type up front.
    func nextState(_ step: BExpr, _ stateType: SType, _ f: Fold, declared: Bool) -> BExpr {
        let context = "the next state of \(quoted(f.kind.rawValue)) (the part after '=>')"
        if !declared, let wider = join(stateType, step.type), wider != stateType, !wider.isPoison {
            error("\(context) must be \(stateType), found \(step.type)", step.span,
                  hint: "declare the state's type from the start: \(f.kind.rawValue) \(f.state.text): \(wider) = …")
            return invalid(step.span)
        }
        return coerce(step, to: stateType, context: context)
    }

    func keepsEveryState(_ kind: FoldKind) -> Bool {
        switch kind {
        case .fold: false
        case .scan: true
        }
    }

    func resultType(_ kind: FoldKind, _ state: SType) -> SType {
        switch kind {
        case .fold: state
        case .scan: .list(state)
        }
    }

    /// The items' type of a list to go through, or a poison type after an error.
    func elementType(of list: BExpr, _ span: Span, keyword: String) -> SType {
        switch list.type {
        case .list(let e): return e
        case .invalid, .never: return .invalid
        case .int, .number, .percent, .bool, .string, .date, .money, .rate, .flow, .duration, .record, .roundingMode, .anything:
            error("\(keyword) needs a list, found \(list.type)", span, hint: "go through a list, such as range(1, 12) or [b.amount for b in bills]")
            return .invalid
        }
    }
}
