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
        for (name, (change, changeFile)) in inheritedChanges(variant.base.text, seen: []) {
            if let g = program.products[baseIndex].parameters.first(where: { $0.name == name })?.global {
                changes[name] = (change, g, changeFile)
            }
        }
        var seen = Set<String>()
        for change in variant.changes {
            if change.keys != nil {
                error("a variant changes its base's parameters, not its tables' rows", change.target.span,
                      hint: "make the table's value a parameter, or change the row where it is used: with \(p.name.text) { \(change.target.text)(…) = value } in …")
                continue
            }
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
        declareProduct(p, members: inherited + added, changes: changes)
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
