"""The canonical tree of a Lark parse of Suanpan: the form `suanpan parse` prints
from the Swift parser's tree (Sources/SuanpanSyntax/CanonicalTree.swift), one
S-expression per declaration. Grammar/README.md lists the forms; check.py
compares the two.
"""

import re
import lark


class SList:
    """A list S-expression: `head` on the first line, each `body` item on a line of
    its own below it, two spaces further in (as SExpression.swift lays it out)."""

    def __init__(self, head, body=()):
        self.head = list(head)
        self.body = list(body)

    def render(self, indent=0):
        first = " ".join(render(item, indent) for item in self.head)
        lines = "".join("\n" + " " * (indent + 2) + render(item, indent + 2) for item in self.body)
        return "(" + first + lines + ")"


def render(item, indent=0):
    return item if isinstance(item, str) else item.render(indent)


ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "r": "\r", "t": "\t"}
QUOTED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def decode_string(token):
    """The value of a STRING token: its escapes replaced by what they stand for."""
    return re.sub(r"\\(?:u\{([0-9a-fA-F]+)\}|(.))",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else ESCAPES[m.group(2)],
                  str(token)[1:-1])


def quoted(text):
    """A string atom, escaped as SExpression.string does, so that it stays on one line."""
    out = []
    for ch in text:
        if ch in QUOTED:
            out.append(QUOTED[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


LITERALS = {"NUMBER": "number", "PERCENT": "percent", "RATE": "rate", "MONEY": "money",
            "FLOW": "flow", "DURATION": "duration", "PLACES": "places", "DATE": "date"}
# Tokens that only say a bracket starts a line; the tree does not keep them.
LINE_STARTS = {"LINE_LPAR", "LINE_LSQB"}


def expr(item):
    """A child in expression position: literal tokens become literal nodes."""
    if not isinstance(item, lark.Token):
        return item
    if item.type == "STRING":
        return SList(["string", quoted(decode_string(item))])
    # `1200.00   CNY`, `40<tab>days`: the blanks only split amount from unit.
    return SList([LITERALS[item.type]] + str(item).split())


def present(children):
    """Children without Lark's placeholders for missing optionals and line-start tokens."""
    return [c for c in children if c is not None
            and not (isinstance(c, lark.Token) and c.type in LINE_STARTS)]


def annotation(type_text):
    return [] if type_text is None else [SList(["type", type_text])]


def binary(op):
    """The callback of a binary-operator rule: `(binary op left right)`."""
    return lambda self, c: SList(["binary", op, expr(c[0]), expr(c[1])])


class Block:
    """A rule's `{ let … expr }` body, until rule_decl lays it out."""

    def __init__(self, lets, value):
        self.lets = lets
        self.value = value


class CanonicalTree(lark.Transformer):
    """Lark's parse tree -> the canonical tree: a list of top-level items (SList)."""

    def __default__(self, data, children, meta):
        raise ValueError(f"check.py has no canonical form for the grammar rule {data!r}: "
                         "add a method for it to CanonicalTree in Grammar/check.py "
                         "and to Sources/SuanpanSyntax/CanonicalTree.swift")

    def start(self, items):
        return items

    # Declarations

    def import_decl(self, c):
        return SList(["import", quoted(decode_string(c[0]))])

    def let_decl(self, c):
        return SList(["let", str(c[0])] + annotation(c[1]) + [expr(c[2])])

    def record_decl(self, c):
        return SList(["record", str(c[0])], present(c[1:]))

    def field(self, c):
        return SList(["field", str(c[0]), c[1]] + ([] if c[2] is None else [expr(c[2])]))

    def product_decl(self, c):
        title = [] if c[1] is None else [quoted(decode_string(c[1]))]
        return SList(["product", str(c[0])] + title, present(c[2:]))

    def variant_decl(self, c):
        title = [] if c[1] is None else [quoted(decode_string(c[1]))]
        items = present(c[3:])
        changes = [i for i in items if isinstance(i, SList) and i.head[:1] == ["set"]]
        members = [i for i in items if not (isinstance(i, SList) and i.head[:1] == ["set"])]
        return SList(["product", str(c[0])] + title + [SList(["=", str(c[2])])], changes + members)

    def param_decl(self, c):
        return SList(["param", str(c[0])] + annotation(c[1]) + [expr(c[2])] + c[3:])

    def dated(self, c):
        _, date, value = c
        return SList(["from", expr(date), expr(value)])

    # Populations: `(population name Record "file" (column f ["col"] [(in unit)]) … (option k "v") …)`,
    # the columns first, then the options, each in source order.

    def population_decl(self, c):
        name, record, _, path, *entries = c
        entries = present(entries)
        columns = [e for e in entries if e.head[0] == "column"]
        options = [e for e in entries if e.head[0] == "option"]
        return SList(["population", str(name), str(record), quoted(decode_string(path))], columns + options)

    def column_decl(self, c):
        _, field, column, unit = c
        return SList(["column", str(field), quoted(decode_string(column))]
                     + ([] if unit is None else [SList(["in", expr(unit)])]))

    def column_unit(self, c):
        _, field, unit = c
        return SList(["column", str(field), SList(["in", expr(unit)])])

    def population_option(self, c):
        return SList(["option", str(c[0]), quoted(decode_string(c[1]))])

    def table_option(self, c):
        return SList(["option", "table", quoted(decode_string(c[0]))])

    # Scenarios: `(scenario Name ["title"] entry …)`, a variant `(scenario Name ["title"] (= Base) (with P (set …) …) …)`.

    def scenario_decl(self, c):
        title = [] if c[1] is None else [quoted(decode_string(c[1]))]
        return SList(["scenario", str(c[0])] + title, present(c[2:]))

    def scenario_variant(self, c):
        title = [] if c[1] is None else [quoted(decode_string(c[1]))]
        return SList(["scenario", str(c[0])] + title + [SList(["=", str(c[2])])], c[3:])

    def scenario_change(self, c):
        return SList(["with", str(c[0])] + c[1:])

    def for_entry(self, c):
        return SList(["for", str(c[0]), str(c[1])])

    def horizon(self, c):
        _, start, _, end, step = c
        return SList(["horizon", expr(start), expr(end), str(step)])

    def state_entry(self, c):
        _, name, state_type, initial = c
        return SList(["state", str(name), state_type, expr(initial)])

    def revenue_entry(self, c):
        _, first, second, value = c
        name = str(first) if second is None else f"{first}.{second}"
        return SList(["revenue", name, expr(value)])

    def next_entry(self, c):
        return SList(["next", str(c[1]), expr(c[2])])

    def named_segment(self, c):
        return SList(["by", str(c[0]), expr(c[1])])

    def segment(self, c):
        return SList(["by", expr(c[0])])

    def rounding_decl(self, c):
        return SList(["rounding", str(c[0])] + ([] if c[1] is None else [expr(c[1])]))

    def rule_decl(self, c):
        head = ["rule", str(c[0])] + present(c[1:2]) + ([] if c[2] is None else [SList(["->", c[2]])])
        body = c[3]
        if isinstance(body, Block) and body.lets:
            return SList(head, body.lets + [body.value])
        return SList(head + [body.value if isinstance(body, Block) else expr(body)])

    def block(self, c):
        return Block(c[:-1], expr(c[-1]))

    def params(self, c):
        return SList(["params"] + present(c))

    def param(self, c):
        return SList([str(c[0]), c[1]])

    def table_decl(self, c):
        return SList(["table", str(c[0]), c[1], SList(["->", c[2]])], present(c[3:]))

    def row(self, c):
        if len(c) == 1:
            return SList(["else", "=>", expr(c[0])])
        return SList(["row"] + c[0] + ["=>", expr(c[1])])

    def patterns(self, c):
        return c

    def exact(self, c):
        bound = expr(c[0])
        is_any = isinstance(bound, SList) and bound.head == ["name", "_"]
        return "_" if is_any else bound

    def closed(self, c):
        return SList(["range", expr(c[0]), "..", expr(c[1])])

    def half_open(self, c):
        return SList(["range", expr(c[0]), "..<", expr(c[1])])

    def at_least(self, c):
        return SList(["range", expr(c[0]), ".."])

    def at_most(self, c):
        return SList(["range", "..", expr(c[0])])

    def below(self, c):
        return SList(["range", "..<", expr(c[0])])

    def negative(self, c):
        return SList(["unary", "-", expr(c[0])])

    def test_decl(self, c):
        return SList(["test", quoted(decode_string(c[0]))], present(c[1:]))

    def expect_stmt(self, c):
        return SList(["expect", expr(c[0])])

    def expect_error_stmt(self, c):
        return SList(["expect-error", expr(c[0])] + ([] if c[1] is None else [quoted(decode_string(c[1]))]))

    def print_stmt(self, c):
        return SList(["print"] + [expr(x) for x in c])

    # Types: one canonical spelling, `list<money<CNY>/day>`.

    def type(self, c):
        return c[0] + ("" if c[1] is None else "/" + str(c[1]))

    def type_atom(self, c):
        return str(c[0]) + ("" if c[1] is None else "<" + c[1] + ">")

    # Expressions

    def if_expr(self, c):
        return SList(["if"] + [expr(x) for x in c])

    def slice_through(self, c):
        return self.slice(c, "through")

    def slice_below(self, c):
        return self.slice(c, "below")

    @staticmethod
    def slice(c, stop):
        base, start, end = c
        parts = [] if start is None else [SList(["from", expr(start)])]
        parts += [] if end is None else [SList([stop, expr(end)])]
        return SList(["slice", expr(base)] + parts)

    def row_lit(self, c):
        return SList(["row"] + present(c))

    def row_type(self, c):
        return "(" + ", ".join(present(c)) + ")"

    def row_field(self, c):
        return str(c[0]) + ": " + c[1]

    def descending(self, c):
        return "descending"

    def sort_expr(self, c):
        variable, source, key, descending = c
        by = [] if key is None else [SList(["by", expr(key)])]
        return SList(["sort", str(variable), expr(source)] + by + ([] if descending is None else ["descending"]))

    def group_expr(self, c):
        variable, source, key = c
        return SList(["group", str(variable), expr(source), SList(["by", expr(key)])])

    def fold_kind(self, c):
        return str(c[0])

    def fold_expr(self, c):
        kind, state, state_type, initial, variable, source, condition, step = c
        where = [] if condition is None else [SList(["where", expr(condition)])]
        return SList([kind, str(state)] + annotation(state_type) + [expr(initial), str(variable), expr(source)]
                     + where + [expr(step)])

    def with_expr(self, c):
        return SList(["with", str(c[0])] + c[1:-1] + [expr(c[-1])])

    def assignment(self, c):
        name, keys, value = c
        target = str(name) if keys is None else SList([str(name)] + keys)
        return SList(["set", target, expr(value)])

    def row_keys(self, c):
        return [expr(x) for x in present(c)]

    or_op, and_op = binary("or"), binary("and")
    add, sub, mul, div, pow = binary("+"), binary("-"), binary("*"), binary("/"), binary("^")

    def compare(self, c):
        return SList(["binary", c[1], expr(c[0]), expr(c[2])])

    def comp_op(self, c):
        return str(c[0])

    def not_op(self, c):
        return SList(["unary", "not", expr(c[0])])

    def neg(self, c):
        return SList(["unary", "-", expr(c[0])])

    def member(self, c):
        return SList(["member", expr(c[0]), str(c[1])])

    def call(self, c):
        return SList(["call"] + [expr(x) for x in present(c)])

    def index(self, c):
        return SList(["index", expr(c[0]), expr(c[1])])

    def name(self, c):
        return SList(["name", str(c[0])])

    def atom(self, c):
        # Only a parenthesised expression after a line-start `(` arrives here.
        (inner,) = present(c)
        return expr(inner)

    def list(self, c):
        return SList(["list"] + [expr(x) for x in present(c)])

    def comprehension(self, c):
        element, variable, source, *condition = present(c)
        where = [SList(["where", expr(x)]) for x in condition]
        return SList(["comprehension", expr(element), str(variable), expr(source)] + where)

    def record_lit(self, c):
        return SList(["record-literal", str(c[0])] + present(c[1:]))

    def field_init(self, c):
        return SList([str(c[0]), expr(c[1])])

    def true(self, c):
        return SList(["bool", "true"])

    def false(self, c):
        return SList(["bool", "false"])


def canonical(tree):
    """The text `suanpan parse` must print for this Lark tree."""
    return "\n".join(render(item) for item in CanonicalTree().transform(tree))
