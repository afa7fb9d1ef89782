import SuanpanSyntax

/// Product variants: `product MYbank = Jiebei with { daily_rate = 0.03%/day … }`.
/// A variant is a product of its own with every member of its base: the base's
/// declarations are declared again in the variant's scope, so its rules, tables and
/// lets read the variant's parameters, and the changed parameters start from the
/// variant's values. Nothing is copied in the source; an inherited member keeps its
/// base's file and positions.
extension Checker {
    func collectProductSources(_ files: [FileSyntax]) {
        for f in files {
            for case .product(let p) in f.items where productSources[p.name.text] == nil {
                productSources[p.name.text] = (p, f.file)
            }
        }
    }

    /// Declares the variants after the plain products, each after its base.
    func declareVariants(_ files: [FileSyntax]) {
        for f in files {
            for case .product(let p) in f.items where p.variant != nil {
                inFile(f.file) { declareVariant(p, chain: []) }
            }
        }
    }

    /// Declares a variant (once), its base first if that is a variant too.
    func declareVariant(_ p: ProductDecl, chain: [String]) {
        guard let variant = p.variant, declaredVariants.insert("\(file.path):\(p.span.start)").inserted else { return }
        guard let (baseDecl, baseFile) = productSources[variant.base.text].map({ ($0.decl, $0.file) }) else {
            error("unknown product \(quoted(variant.base.text))", variant.base.span,
                  hint: suggestion(for: variant.base.text, among: Array(productSources.keys)).map { "did you mean \(quoted($0))?" }
                    ?? "a variant is made from a product declared in this program: product \(p.name.text) = Base with { param = value }")
            return
        }
        if variant.base.text == p.name.text || chain.contains(variant.base.text) {
            error("\(quoted(p.name.text)) is made from itself", variant.base.span,
                  hint: "a variant's base must be another product, declared with its own members")
            return
        }
        if baseDecl.variant != nil {
            if chain.count >= Checker.maxDeclarationDepth {
                error("products are made from each other too deeply (over \(Checker.maxDeclarationDepth) variants of variants)",
                      variant.base.span, hint: "make this product from one nearer the start of the chain")
                return
            }
            inFile(baseFile) { declareVariant(baseDecl, chain: chain + [p.name.text]) }
        }
        guard case .product(let baseIndex)? = globalScope.lookupLocally(variant.base.text) else { return }
        let bases = inheritance(of: variant.base.text)
        let inherited = bases.members
        // The changes name the base's parameters, with the messages of `with` and `--set`.
        // A base that is itself a variant passes its own changes on, unless changed again here.
        var changes: [String: (OverrideAssignment, base: Int, file: SourceFile)] = [:]
        for (name, (change, changeFile)) in bases.changes {
            if let g = program.products[baseIndex].parameters.first(where: { $0.name == name })?.global {
                changes[name] = (change, g, changeFile)
            }
        }
        var seen = Set<String>()
        for change in variant.changes where change.keys == nil {
            guard let g = overrideTarget(baseIndex, change.target) else { continue }
            if !seen.insert(change.target.text).inserted {
                error("\(quoted(program.globals[g].qualifiedName)) is changed twice", change.target.span, hint: "keep one of the two changes")
                continue
            }
            changes[change.target.text] = (change, g, file)
        }
        // What the variant adds must not take an inherited member's name.
        let inheritedNames = Set(inherited.compactMap { memberName($0.0)?.text })
        var added: [(Member, SourceFile)] = []
        for member in p.members {
            if let name = memberName(member), inheritedNames.contains(name.text) {
                let isParameter: Bool
                if case .param = member { isParameter = true } else { isParameter = false }
                error("\(quoted(name.text)) is already a member of \(variant.base.text)", name.span,
                      hint: isParameter ? "change its value instead: \(name.text) = value"
                        : "a variant changes its base's parameters, not its rules: give this one another name")
                continue
            }
            added.append((member, file))
        }
        let scope = declareProduct(p, members: inherited + added, changes: changes)
        // Changed rows: this variant's, then its bases', nearest first.
        let rows = variant.changes.filter { $0.keys != nil }.map { ($0, file) } + bases.rows
        for (change, changeFile) in rows {
            inFile(changeFile) { declareRowChange(change, of: baseIndex, in: program.products.count - 1, scope) }
        }
    }

    /// `table(keys) = value` in a variant: hidden globals for the keys and the value,
    /// typed as the table's keys and result, tried before the table's rows.
    func declareRowChange(_ change: OverrideAssignment, of baseIndex: Int, in productIndex: Int, _ scope: Scope) {
        guard let keys = change.keys else { return }
        let product = program.products[productIndex]
        let qualified = "\(product.name).\(change.target.text)"
        guard let f = product.functions.first(where: { $0.name == change.target.text })?.function, program.functions[f].isTable else {
            if program.products[baseIndex].parameters.contains(where: { $0.name == change.target.text }) {
                error("\(quoted("\(program.products[baseIndex].name).\(change.target.text)")) is a parameter, not a table, so it has no rows",
                      change.target.span, hint: "change it without keys: \(change.target.text) = value")
            } else {
                _ = overrideTarget(baseIndex, change.target)
            }
            return
        }
        let def = program.functions[f]
        guard keys.count == def.parameters.count else {
            let signature = def.parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            error("table \(quoted(qualified)) takes \(def.parameters.count) key\(def.parameters.count == 1 ? "" : "s"), given \(keys.count)",
                  change.target.span, hint: "\(change.target.text)(\(signature)) = value")
            return
        }
        let row = "\(qualified)(\(keys.map { file.text(of: $0.span).trimmed }.joined(separator: ", ")))"
        let keyGlobals = zip(keys, def.parameters).enumerated().map { i, pair in
            let g = newGlobal(Name(row, pair.0.span), qualified: "key \(i + 1) of \(row)", .constant, type: nil, value: pair.0, scope: scope)
            pendingGlobals[g]?.typedAs = (pair.1.type, "key \(i + 1) (\(quoted(pair.1.name))) of \(quoted(qualified))")
            return g
        }
        let value = newGlobal(Name(row, change.value.span), qualified: row, .constant, type: nil, value: change.value, scope: scope)
        pendingGlobals[value]?.typedAs = (def.result, row)
        def.presetRows.append((keyGlobals, value))
    }

    /// What a product passes on to its variants: its members as declared (a variant's
    /// base's first, then its own), the parameters its declaration changes (the later
    /// wins) and the rows it changes (nearest first), each with the file it is written in.
    struct Inheritance {
        var members: [(Member, SourceFile)] = []
        var changes: [String: (OverrideAssignment, SourceFile)] = [:]
        var rows: [(OverrideAssignment, SourceFile)] = []
    }

    /// A product's inheritance, worked out once per product: the chain of bases is
    /// walked down to one already known (or the root), then back up, so a long chain
    /// costs linear time. A cycle stops the walk (it is reported where it is declared).
    func inheritance(of name: String) -> Inheritance {
        var pending: [(decl: ProductDecl, file: SourceFile)] = []
        var seen = Set<String>()
        var current = name
        var known = Inheritance()
        while inheritances[current] == nil, let source = productSources[current], seen.insert(current).inserted {
            pending.append(source)
            guard let variant = source.decl.variant else { break }
            current = variant.base.text
        }
        if let found = inheritances[current] { known = found }
        for source in pending.reversed() {
            var next = known
            next.members += source.decl.members.map { ($0, source.file) }
            for change in source.decl.variant?.changes ?? [] {
                if change.keys == nil { next.changes[change.target.text] = (change, source.file) }
            }
            next.rows = (source.decl.variant?.changes ?? []).filter { $0.keys != nil }.map { ($0, source.file) } + next.rows
            inheritances[source.decl.name.text] = next
            known = next
        }
        return known
    }

    func memberName(_ m: Member) -> Name? {
        switch m {
        case .param(let d): return d.name
        case .rule(let r): return r.name
        case .table(let t): return t.name
        case .letDecl(let l): return l.name
        case .rounding: return nil
        }
    }
}
