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
            error("unknown product '\(variant.base.text)'", variant.base.span,
                  hint: suggestion(for: variant.base.text, among: Array(productSources.keys)).map { "did you mean '\($0)'?" }
                    ?? "a variant is made from a product declared in this program: product \(p.name.text) = Base with { param = value }")
            return
        }
        if variant.base.text == p.name.text || chain.contains(variant.base.text) {
            error("'\(p.name.text)' is made from itself", variant.base.span,
                  hint: "a variant's base must be another product, declared with its own members")
            return
        }
        if baseDecl.variant != nil {
            inFile(baseFile) { declareVariant(baseDecl, chain: chain + [p.name.text]) }
        }
        guard case .product(let baseIndex)? = globalScope.lookupLocally(variant.base.text) else { return }
        let inherited = effectiveMembers(variant.base.text, seen: [])
        // The changes name the base's parameters, with the messages of `with` and `--set`.
        // A base that is itself a variant passes its own changes on, unless changed again here.
        var changes: [String: (OverrideAssignment, base: Int, file: SourceFile)] = [:]
        for (name, (change, changeFile)) in inheritedChanges(variant.base.text, seen: []) where change.keys == nil {
            if let g = program.products[baseIndex].parameters.first(where: { $0.name == name })?.global {
                changes[name] = (change, g, changeFile)
            }
        }
        var seen = Set<String>()
        for change in variant.changes where change.keys == nil {
            guard let g = overrideTarget(baseIndex, change.target) else { continue }
            if !seen.insert(change.target.text).inserted {
                error("'\(program.globals[g].qualifiedName)' is changed twice", change.target.span, hint: "keep one of the two changes")
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
                error("'\(name.text)' is already a member of \(variant.base.text)", name.span,
                      hint: isParameter ? "change its value instead: \(name.text) = value"
                        : "a variant changes its base's parameters, not its rules: give this one another name")
                continue
            }
            added.append((member, file))
        }
        let scope = declareProduct(p, members: inherited + added, changes: changes)
        // Changed rows: this variant's, then its bases', nearest first.
        let rows = variant.changes.filter { $0.keys != nil }.map { ($0, file) } + inheritedRowChanges(variant.base.text, seen: [])
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
                error("'\(program.products[baseIndex].name).\(change.target.text)' is a parameter, not a table, so it has no rows",
                      change.target.span, hint: "change it without keys: \(change.target.text) = value")
            } else {
                _ = overrideTarget(baseIndex, change.target)
            }
            return
        }
        let def = program.functions[f]
        guard keys.count == def.parameters.count else {
            let signature = def.parameters.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            error("table '\(qualified)' takes \(def.parameters.count) key\(def.parameters.count == 1 ? "" : "s"), given \(keys.count)",
                  change.target.span, hint: "\(change.target.text)(\(signature)) = value")
            return
        }
        let row = "\(qualified)(\(keys.map { file.text(of: $0.span).trimmed }.joined(separator: ", ")))"
        let keyGlobals = zip(keys, def.parameters).enumerated().map { i, pair in
            let g = newGlobal(Name(row, pair.0.span), qualified: "key \(i + 1) of \(row)", .constant, type: nil, value: pair.0, scope: scope)
            pendingGlobals[g]?.typedAs = (pair.1.type, "key \(i + 1) ('\(pair.1.name)') of '\(qualified)'")
            return g
        }
        let value = newGlobal(Name(row, change.value.span), qualified: row, .constant, type: nil, value: change.value, scope: scope)
        pendingGlobals[value]?.typedAs = (def.result, row)
        def.presetRows.append((keyGlobals, value))
    }

    /// The row changes of a product's base chain, nearest first, with their files.
    func inheritedRowChanges(_ name: String, seen: Set<String>) -> [(OverrideAssignment, SourceFile)] {
        guard let (decl, file) = productSources[name].map({ ($0.decl, $0.file) }), !seen.contains(name),
              let variant = decl.variant else { return [] }
        return variant.changes.filter { $0.keys != nil }.map { ($0, file) } + inheritedRowChanges(variant.base.text, seen: seen.union([name]))
    }

    /// A product's members as declared, each with its file: a variant's are its
    /// base's (recursively), then its own.
    func effectiveMembers(_ name: String, seen: Set<String>) -> [(Member, SourceFile)] {
        guard let (decl, file) = productSources[name].map({ ($0.decl, $0.file) }), !seen.contains(name) else { return [] }
        let own = decl.members.map { ($0, file) }
        guard let variant = decl.variant else { return own }
        return effectiveMembers(variant.base.text, seen: seen.union([name])) + own
    }

    /// The parameters a product's declaration changes, with the file each change is
    /// written in: a variant's base's changes, then its own (the later wins).
    func inheritedChanges(_ name: String, seen: Set<String>) -> [String: (OverrideAssignment, SourceFile)] {
        guard let (decl, file) = productSources[name].map({ ($0.decl, $0.file) }), !seen.contains(name),
              let variant = decl.variant else { return [:] }
        var changes = inheritedChanges(variant.base.text, seen: seen.union([name]))
        for change in variant.changes { changes[change.target.text] = (change, file) }
        return changes
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
