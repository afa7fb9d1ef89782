import SuanpanSyntax

/// `format`'s templates: each `{}` takes the next value; `{{` and `}}` write a
/// brace. The checker reads a literal template to count its slots before
/// anything runs; a template computed at run time is checked when it is filled.
public enum Template {
    public struct Problem: Error, Sendable {
        public let message: String
        public let hint: String?
    }

    /// The number of `{}` slots, or the problem with the template.
    public static func slots(_ template: String) -> Result<Int, Problem> {
        fill(template, nil).map(\.count)
    }

    /// The template with its slots filled by `values` in order.
    public static func fill(_ template: String, _ values: [String]) -> Result<String, Problem> {
        fill(template, Optional(values)).flatMap { filled in
            filled.count == values.count ? .success(filled.text)
                : .failure(Problem(message: "the template has \(filled.count) {} for \(values.count) value\(values.count == 1 ? "" : "s")",
                                   hint: "write one {} per value after the template"))
        }
    }

    static func fill(_ template: String, _ values: [String]?) -> Result<(text: String, count: Int), Problem> {
        var out = "", count = 0
        var chars = template.makeIterator()
        while let c = chars.next() {
            switch c {
            case "{":
                switch chars.next() {
                case "}":
                    if let values, count < values.count { out += values[count] }
                    count += 1
                case "{": out.append("{")
                default:
                    return .failure(Problem(message: "a '{' in a template must be '{}' or '{{'",
                                            hint: "write {} for a value, or {{ for a brace"))
                }
            case "}":
                guard chars.next() == "}" else {
                    return .failure(Problem(message: "a '}' in a template must be '}}'", hint: "write }} for a brace"))
                }
                out.append("}")
            default:
                out.append(c)
            }
        }
        return .success((out, count))
    }
}

extension Checker {
    /// format(template, values…): a literal template's slots must match the values.
    func format(_ args: [BExpr], _ span: Span) -> BExpr {
        guard let template = args.first else { return arity(.format, "format(\"{} paid {}\", name, amount)", span) }
        if let stops = stopsFirst(args, span) { return stops }
        let checked = template.requiring(.string, self, "the template of 'format'")
        if case .constant(.string(let text)) = template.kind {
            switch Template.slots(text) {
            case .success(let n) where n != args.count - 1:
                error("the template has \(n) {} for \(args.count - 1) value\(args.count == 2 ? "" : "s")", template.span,
                      hint: "write one {} per value after the template")
            case .success: break
            case .failure(let problem): error(problem.message, template.span, hint: problem.hint)
            }
        }
        return BExpr(.intrinsic(.format, [checked] + args.dropFirst()), .string, span, file)
    }
}
