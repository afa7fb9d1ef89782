import SuanpanSyntax
import SuanpanValues

extension Checker {
    // MARK: Pass 1: declare

    /// Records first, so that every other declaration can name them. Each record
    /// type is created before any field is resolved, so records can refer to each other.
    func declareRecords(_ files: [FileSyntax]) {
        var declared: [(RecordDecl, RecordType, SourceFile)] = []
        for f in files {
            for case .record(let r) in f.items {
                inFile(f.file) {
                    if globalScope.lookupLocally(r.name.text) != nil {
                        error("\(quoted(r.name.text)) is already defined", r.name.span)
                        return
                    }
                    if case .record? = globalScope.parent?.lookupLocally(r.name.text) {
                        error("\(quoted(r.name.text)) is a record type from a plugin", r.name.span, hint: "rename this record")
                        return
                    }
                    let type = RecordType(name: r.name.text, fields: [], span: r.span, file: f.file)
                    globalScope.define(r.name.text, .record(type))
                    program.records[r.name.text] = type
                    program.declaredRecords.append(type)
                    declared.append((r, type, f.file))
                }
            }
        }
        for (r, type, f) in declared {
            inFile(f) {
                var fields: [RecordType.Field] = []
                for field in r.fields {
                    if fields.contains(where: { $0.name == field.name.text }) {
                        error("field \(quoted(field.name.text)) is declared twice", field.name.span)
                        continue
                    }
                    let fieldType = resolveType(field.type)
                    // A default is a hidden constant, typed and evaluated like any `let`.
                    let defaultGlobal = field.defaultValue.map {
                        newGlobal(field.name, qualified: "\(r.name.text).\(field.name.text)", .constant,
                                  type: field.type, value: $0, scope: globalScope)
                    }
                    fields.append(.init(name: field.name.text, type: fieldType, span: field.name.span, defaultGlobal: defaultGlobal))
                }
                type.fields = fields
            }
        }
    }

    func declareEverythingElse(_ files: [FileSyntax]) {
        collectProductSources(files)
        for f in files {
            inFile(f.file) {
                for item in f.items {
                    switch item {
                    case .letDecl(let d):
                        let g = newGlobal(d.name, qualified: d.name.text, .constant, type: d.type, value: d.value, scope: globalScope)
                        define(d.name, .global(g), in: globalScope, what: "constant")
                    case .rule(let r):
                        let fn = newFunction(r.name, qualified: r.name.text, .rule(r), scope: globalScope, rounding: nil)
                        define(r.name, .function(fn), in: globalScope, what: "rule")
                    case .product(let p) where p.variant == nil:
                        declareProduct(p, members: p.members.map { ($0, f.file) }, changes: [:])
                    case .product:
                        break
                    case .population(let d):
                        declarePopulation(d)
                    case .scenario(let d):
                        declareScenario(d)
                    case .importDecl, .record, .test, .print:
                        break
                    }
                }
            }
        }
        declareVariants(files)
    }

    /// Declares a product from its members, each with the file it is written in (a
    /// variant's inherited members are in its base's). `changes` gives a variant's new
    /// values for inherited parameters, each typed as the base parameter it replaces.
    @discardableResult
    func declareProduct(_ p: ProductDecl, members: [(Member, SourceFile)],
                        changes: [String: (OverrideAssignment, base: Int, file: SourceFile)]) -> Scope {
        let index = program.products.count
        let scope = Scope(parent: globalScope, product: index)
        var parameters: [(String, Int)] = []
        var constants: [(String, Int)] = []
        var functions: [(String, Int)] = []
        var rounding: (FixedDecimal?, RoundingMode)?
        for case (.rounding(let r), let memberFile) in members {
            inFile(memberFile) {
                if rounding != nil { error("a product has one rounding policy", r.span) }
                rounding = roundingPolicy(r)
            }
        }
        for (member, memberFile) in members {
          inFile(memberFile) {
            let qualify = { (n: Name) in "\(p.name.text).\(n.text)" }
            switch member {
            case .param(let d) where changes[d.name.text] != nil:
                guard let (change, base, changeFile) = changes[d.name.text].map({ ($0.0, $0.base, $0.file) }) else { return }
                inFile(changeFile) {
                    let g = newGlobal(change.target, qualified: qualify(change.target), .parameter, type: nil, value: change.value, scope: scope)
                    pendingGlobals[g]?.replaces = base
                    define(change.target, .global(g), in: scope, what: "parameter")
                    parameters.append((d.name.text, g))
                }
            case .param(let d):
                let g = newGlobal(d.name, qualified: qualify(d.name), .parameter, type: d.type, value: d.value, scope: scope)
                define(d.name, .global(g), in: scope, what: "parameter")
                parameters.append((d.name.text, g))
                if !d.schedule.isEmpty { declareSchedule(d, parameter: g, qualified: qualify(d.name), scope: scope) }
            case .letDecl(let d):
                let g = newGlobal(d.name, qualified: qualify(d.name), .constant, type: d.type, value: d.value, scope: scope)
                define(d.name, .global(g), in: scope, what: "constant")
                constants.append((d.name.text, g))
            case .rule(let r):
                let fn = newFunction(r.name, qualified: qualify(r.name), .rule(r), scope: scope, rounding: rounding)
                define(r.name, .function(fn), in: scope, what: "rule")
                functions.append((r.name.text, fn))
            case .table(let t):
                let fn = newFunction(t.name, qualified: qualify(t.name), .table(t), scope: scope, rounding: nil)
                define(t.name, .function(fn), in: scope, what: "table")
                functions.append((t.name.text, fn))
            case .rounding:
                break
            }
          }
        }
        program.products.append(ProductInfo(name: p.name.text, title: p.title, span: p.span, file: file,
                                            parameters: parameters, constants: constants, functions: functions,
                                            base: p.variant?.base.text))
        define(p.name, .product(index), in: globalScope, what: "product")
        return scope
    }

    func roundingPolicy(_ r: RoundingDecl) -> (FixedDecimal?, RoundingMode)? {
        guard let mode = RoundingMode(rawValue: r.mode.text) else {
            let modes = RoundingMode.allCases.map(\.rawValue)
            error("unknown rounding mode \(quoted(r.mode.text))", r.mode.span,
                  hint: suggestion(for: r.mode.text, among: modes).map { "did you mean \(quoted($0))?" } ?? "use one of \(modes.joined(separator: ", "))")
            return nil
        }
        var quantum: FixedDecimal?
        if let q = r.quantum, case .literal(.places, let text) = q.kind {
            quantum = placesLiteral(text, q.span)?.step
        } else if let q = r.quantum, case .literal(_, let text) = q.kind {
            quantum = decimalLiteral(text, q.span)
            if let value = quantum, value.signum <= 0 {
                error("the rounding quantum must be positive", q.span)
            } else if let value = quantum, !text.contains(".") {
                // As in round(x, 2): a whole number reads as decimal places to a spreadsheet user.
                let n = value.description
                let count = Int(n).flatMap { PlacesWord.step($0) == nil ? nil : $0 }
                let places = count.map { ["for \(PlacesWord.spelled($0)) write rounding \(mode.rawValue) \(PlacesWord.stepText($0)) or rounding \(mode.rawValue) \(PlacesWord.written($0))"] } ?? []
                error("the step \(n) is ambiguous: \(count.map(PlacesWord.spelled) ?? "\(n) decimal places"), or multiples of \(n)?", q.span,
                      hint: (places + ["for multiples of \(n) write rounding \(mode.rawValue) \(n).0"]).joined(separator: "; "))
                quantum = nil
            }
        }
        return (quantum, mode)
    }

    func newGlobal(_ name: Name, qualified: String, _ kind: GlobalKind, type: TypeSyntax?, value: Expr, scope: Scope) -> Int {
        let index = program.globals.count
        program.globals.append(GlobalDef(name: name.text, qualifiedName: qualified, kind: kind, span: name.span, file: file))
        pendingGlobals[index] = PendingGlobal(type: type, value: value, scope: scope, file: file)
        return index
    }

    func newFunction(_ name: Name, qualified: String, _ syntax: FunctionSyntax, scope: Scope,
                     rounding: (FixedDecimal?, RoundingMode)?) -> Int {
        let index = program.functions.count
        var hasList = true
        if case .rule(let r) = syntax { hasList = r.parameters != nil }
        let def = FunctionDef(name: name.text, qualifiedName: qualified, hasParameterList: hasList, span: name.span, file: file)
        // The signature is typed now, so calls can be checked before (or without) the body.
        switch syntax {
        case .rule(let r):
            def.parameters = (r.parameters ?? []).map { ($0.name.text, resolveType($0.type)) }
            def.result = r.result.map { resolveType($0) } ?? .invalid
        case .table(let t):
            def.isTable = true
            def.parameters = t.parameters.map { ($0.name.text, resolveType($0.type)) }
            def.result = resolveType(t.result)
        }
        program.functions.append(def)
        pendingFunctions[index] = PendingFunction(syntax: syntax, scope: scope, file: file,
                                                  rounding: rounding.map { (quantum: $0.0, mode: $0.1) })
        return index
    }

    // MARK: Pass 2: check bodies

    func checkBodies(_ files: [FileSyntax]) {
        for index in program.globals.indices { ensureGlobal(index, at: program.globals[index].span) }
        for index in program.functions.indices { ensureFunction(index, at: program.functions[index].span, needBody: true) }
        for f in files {
            inFile(f.file) {
                for item in f.items {
                    switch item {
                    case .test(let t): program.tests.append(checkTest(t))
                    case .print(let p):
                        let (values, size) = withFrame { p.values.map { expression($0, globalScope) } }
                        program.prints.append(PrintDef(values: values, frameSize: size, span: p.span, file: file))
                    case .importDecl, .letDecl, .record, .product, .rule, .population, .scenario:
                        break
                    }
                }
            }
        }
        // A scenario that did not check leaves an error behind, and then nothing runs.
        let scenarios = declaredScenarios.indices.compactMap { checkedScenarios[$0] }
        if scenarios.count == declaredScenarios.count { program.scenarios = scenarios }
    }

    /// Types a global's initializer, once. Returns its type.
    @discardableResult
    func ensureGlobal(_ index: Int, at use: Span) -> SType {
        if isDone(globalsDone, index) { return program.globals[index].type }
        guard var pending = pendingGlobals[index] else { return program.globals[index].type }
        let def = program.globals[index]
        switch pending.progress {
        case .done:
            return def.type
        case .inProgress:
            error("\(quoted(def.qualifiedName)) depends on itself", use, hint: "a constant's value cannot use itself, directly or through rules")
            return .invalid
        case .pending:
            break
        }
        if declarationDepth >= Checker.maxDeclarationDepth {
            tooDeep(use)
            return .invalid
        }
        let height = pending.value.depth
        if nesting + height > Checker.maxNesting {
            tooDeep(use)
            return .invalid
        }
        declarationDepth += 1
        nesting += height
        defer {
            declarationDepth -= 1
            nesting -= height
        }
        pending.progress = .inProgress
        pendingGlobals[index] = pending
        inFile(pending.file) {
            if let (decl, scenario) = pending.scenario {
                def.type = checkScenario(decl, index: scenario, global: index)
                return
            }
            if let (wanted, name) = pending.typedAs {
                let (value, size) = withFrame { typedValue(pending.value, wanted: wanted, name: name, example: nil, pending.scope) }
                def.type = wanted
                def.initializer = value
                def.frameSize = size
                return
            }
            if let base = pending.replaces {
                let (value, size) = withFrame { overrideValue(pending.value, for: base, pending.scope) }
                def.type = program.globals[base].type
                def.initializer = value
                def.frameSize = size
                return
            }
            let declared = pending.type.map { resolveType($0) }
            if let declared { def.type = declared }
            let (value, size) = withFrame { expression(pending.value, pending.scope, expected: declared) }
            def.initializer = declared.map { coerce(value, to: $0, context: "\(quoted(def.name))") } ?? value
            def.frameSize = size
            if declared == nil { def.type = value.type == .anything ? .invalid : value.type }
        }
        pending.progress = .done
        pendingGlobals[index] = pending
        markDone(&globalsDone, index)
        return def.type
    }

    /// Types a rule's or table's signature (and, when asked or when its result
    /// type must be inferred, its body), once.
    func ensureFunction(_ index: Int, at use: Span, needBody: Bool) {
        if isDone(functionsDone, index) { return }
        // A call needs only the signature; a declared one is typed already, and the
        // body is checked in its turn. Only an inferred result type needs the body now.
        if !needBody, program.functions.indices.contains(index), program.functions[index].result != .invalid { return }
        guard var pending = pendingFunctions[index] else { return }
        let def = program.functions[index]
        if pending.progress == .done { return }
        if pending.progress == .inProgress {
            if def.result == .invalid, case .rule(let r) = pending.syntax, r.result == nil {
                error("\(quoted(def.qualifiedName)) calls itself, so its result type must be declared", use,
                      hint: "write 'rule \(def.name)(…) -> type = …'")
            }
            return
        }
        if declarationDepth >= Checker.maxDeclarationDepth {
            tooDeep(use)
            return
        }
        let height: Int
        switch pending.syntax {
        case .rule(let r): height = r.body.lets.reduce(r.body.value.depth) { max($0, $1.value.depth) }
        case .table(let t): height = t.rows.reduce(1) { max($0, $1.value.depth) }
        }
        if nesting + height > Checker.maxNesting {
            tooDeep(use)
            return
        }
        declarationDepth += 1
        nesting += height
        defer {
            declarationDepth -= 1
            nesting -= height
        }
        pending.progress = .inProgress
        pendingFunctions[index] = pending
        inFile(pending.file) {
            switch pending.syntax {
            case .rule(let r): checkRule(r, def, pending)
            case .table(let t): checkTable(t, def, pending)
            }
        }
        pending.progress = .done
        pendingFunctions[index] = pending
        markDone(&functionsDone, index)
    }

    /// Reported once: every declaration further down the chain would say the same.
    func tooDeep(_ use: Span) {
        if reportedTooDeep { return }
        reportedTooDeep = true
        error("definitions depend on each other too deeply (over \(Checker.maxDeclarationDepth) levels, or very tall expressions within each other)", use,
              hint: "declare the types of constants and rules, or shorten the chain")
    }

    func checkRule(_ r: RuleDecl, _ def: FunctionDef, _ pending: PendingFunction) {
        let scope = Scope(parent: pending.scope)
        let declared: SType? = r.result == nil ? nil : def.result
        let (body, size) = withFrame { () -> BExpr in
            var seen = Set<String>()
            for (p, parameter) in zip(r.parameters ?? [], def.parameters) {
                if !seen.insert(p.name.text).inserted { error("parameter \(quoted(p.name.text)) is declared twice", p.name.span) }
                scope.define(p.name.text, .local(slot: allocateSlot(), type: parameter.type))
            }
            var value = block(r.body, scope, expected: declared)
            if let declared { value = coerce(value, to: declared, context: "the result of \(quoted(def.name))") }
            if let policy = pending.rounding, case .money = value.type {
                value = BExpr(.roundMoney(value, quantum: policy.quantum, mode: policy.mode), value.type, value.span, file)
            }
            return value
        }
        if declared == nil { def.result = body.type }
        def.body = .expression(body)
        def.frameSize = size
    }

    /// `{ let a = … expr }` or `= expr`: the lets become local slots.
    func block(_ body: Body, _ scope: Scope, expected: SType?) -> BExpr {
        if body.lets.isEmpty { return expression(body.value, scope, expected: expected) }
        let inner = Scope(parent: scope)
        var steps: [(Int, BExpr)] = []
        for l in body.lets { steps.append(bindLocal(l, in: inner, place: "block")) }
        let result = expression(body.value, inner, expected: expected)
        // A block is a chain of "assign then continue": encoded as a sequence node.
        return steps.reversed().reduce(result) { acc, step in
            BExpr(.sequence(slot: step.0, value: step.1, then: acc), acc.type, acc.span, file)
        }
    }

    /// A `let` inside a block or a test: typed, given a slot, and named in the scope.
    func bindLocal(_ l: LetDecl, in scope: Scope, place: String) -> (Int, BExpr) {
        var value = expression(l.value, scope)
        if let type = l.type { value = coerce(value, to: resolveType(type), context: "\(quoted(l.name.text))") }
        let slot = allocateSlot()
        if scope.lookupLocally(l.name.text) != nil { error("\(quoted(l.name.text)) is already defined in this \(place)", l.name.span) }
        scope.define(l.name.text, .local(slot: slot, type: value.type))
        return (slot, value)
    }

    func checkTest(_ t: TestDecl) -> TestDef {
        let scope = Scope(parent: globalScope)
        let (statements, size) = withFrame { () -> [TestStatementDef] in
            t.statements.map { statement -> TestStatementDef in
                switch statement {
                case .letDecl(let l):
                    let (slot, value) = bindLocal(l, in: scope, place: "test")
                    return .assign(slot: slot, value)
                case .expect(let e, let span):
                    return .expect(expression(e, scope, expected: .bool).requiring(.bool, self, "an expectation"), span: span)
                case .expectError(let e, let message, let span):
                    return .expectError(expression(e, scope), message: message, span: span)
                case .print(let p):
                    return .print(p.values.map { expression($0, scope) }, span: p.span)
                }
            }
        }
        return TestDef(name: t.name, statements: statements, frameSize: size, span: t.span, file: file)
    }
}

