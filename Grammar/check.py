#!/usr/bin/env python3
"""Check the Suanpan grammar, and the Swift parser's trees, against every example and fixture.

Loads Grammar/suanpan.lark with Lark (LALR, basic lexer) and parses:

  * every *.suan file under Examples/ and Tests/Conformance/ (recursively),
    except those under Tests/Conformance/syntax/invalid/: each must be ACCEPTED,
    and its tree must equal the Swift parser's;
  * every *.suan file under Tests/Conformance/syntax/invalid/: each must be
    REJECTED (a file that is not valid UTF-8 counts as rejected).

Trees are compared in one canonical form, an S-expression per declaration such as
`(let x (binary + (name a) (binary * (name b) (name c))))` (Grammar/README.md lists
every form). The CanonicalTree transformer below builds it from Lark's tree; the
Swift side is the output of `suanpan parse` over all the accepted files at once
(Sources/SuanpanSyntax/CanonicalTree.swift). A difference is reported with the
first line and column where the two trees part.

Prints one line per failure (a tree difference adds the two lines and a caret),
then a last line `N passed, N failed`.
Exit status: 0 if every file behaved and at least one file was checked,
1 if a file failed or none was found, 2 if the checker could not run
(lark missing, grammar missing or broken, the suanpan binary missing).

Usage: python3 Grammar/check.py [-v] [--suanpan PATH]     (works from any directory)
  -v, --verbose    also print one line per passing file; for rejected
                   files the line shows where and why Lark rejected it.
  --suanpan PATH   the suanpan binary to compare with; by default
                   .build/debug/suanpan under the repository root (run
                   `swift build` first; ./scripts/test does).

The Swift test Tests/SuanpanSyntaxTests/GrammarAgreementTests.swift walks the
same folders with the same rule, so the Swift parser and this grammar must
accept and reject exactly the same files.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

try:
    import lark
except ImportError:
    print("check.py needs the Python package 'lark': run `pip install lark` (or "
          "`python3 -m pip install lark`) and try again.", file=sys.stderr)
    sys.exit(2)

if int(lark.__version__.split(".")[0]) < 1:
    print(f"check.py needs lark 1.0 or later (found {lark.__version__}): run `pip install -U lark`.",
          file=sys.stderr)
    sys.exit(2)

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "Grammar" / "suanpan.lark"
VALID_ROOTS = [ROOT / "Examples", ROOT / "Tests" / "Conformance"]
INVALID_ROOT = ROOT / "Tests" / "Conformance" / "syntax" / "invalid"


def rel(path):
    return path.relative_to(ROOT).as_posix()


def is_under(path, folder):
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def collect():
    """(path, must_accept) pairs, sorted by path, each file once."""
    files = {}
    for folder in VALID_ROOTS + [INVALID_ROOT]:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.suan"):
            if path.is_file():
                files[path] = not is_under(path, INVALID_ROOT)
    return sorted(files.items(), key=lambda item: rel(item[0]))


# ---------------------------------------------------------------------------
# The canonical tree: the form `suanpan parse` prints from the Swift parser's tree
# (Sources/SuanpanSyntax/CanonicalTree.swift). Grammar/README.md lists the forms.

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

    def param_decl(self, c):
        return SList(["param", str(c[0])] + annotation(c[1]) + [expr(c[2])])

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


def display_names(parser):
    """Terminal name -> how to show it: `'=>'` for punctuation and keywords, NAME for the rest."""
    names = {"$END": "end-of-input"}
    for terminal in parser.terminals:
        if isinstance(terminal.pattern, lark.lexer.PatternStr):
            names[terminal.name] = repr(terminal.pattern.value)
        else:
            names[terminal.name] = terminal.name
    return names


def describe(error, names):
    """(where, what) for a Lark exception: `line:col` (or None) and one line of text."""
    line = getattr(error, "line", None)
    column = getattr(error, "column", None)
    where = f"{line}:{column}" if isinstance(line, int) and line > 0 else None
    if isinstance(error, lark.exceptions.UnexpectedCharacters):
        what = f"unexpected character {error.char!r}"
    elif isinstance(error, lark.exceptions.UnexpectedEOF):
        what = "unexpected end of input"
    elif isinstance(error, lark.exceptions.UnexpectedToken):
        token = error.token
        if token.type == "$END":
            what = "unexpected end of input"
        elif token.type in names and names[token.type].startswith("'"):
            what = f"unexpected {names[token.type]}"
        else:
            what = f"unexpected {token.type} {str(token)!r}"
        # The basic lexer allows every terminal everywhere, so only the parser's
        # expectations (UnexpectedToken) are worth printing.
        expected = sorted(names.get(name, name) for name in (error.expected or ()))
        if 0 < len(expected) <= 16:
            what += "; expected one of: " + " ".join(expected)
    else:
        what = str(error).splitlines()[0] if str(error) else type(error).__name__
    return where, what


def located(name, reason):
    """`path:line:col`, or just `path` when the position is unknown."""
    return name if reason[0] is None else f"{name}:{reason[0]}"


def parse(parser, names, path):
    """(tree, None) if accepted, else (None, (where, what)): why the file was rejected."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, (None, f"not valid UTF-8 (byte {error.start})")
    try:
        return parser.parse(text), None
    except lark.exceptions.UnexpectedInput as error:
        return None, describe(error, names)
    except lark.exceptions.LarkError as error:
        return None, describe(error, names)


def swift_trees(suanpan, names):
    """({name: tree} for the files `suanpan parse` accepted, why it gave no tree for the others).
    One run for all files: with several, each tree follows a line `; FILE`."""
    if not names:
        return {}, None
    run = subprocess.run([str(suanpan), "parse", "--", *names], cwd=ROOT, capture_output=True,
                         encoding="utf-8", errors="replace")
    if run.returncode == 65:
        why = f"rejected by the Swift parser (see `{rel_or_abs(suanpan)} parse FILE`)"
    else:
        stderr = run.stderr.strip().splitlines()
        why = f"`suanpan parse` exited with {run.returncode}" + (f": {stderr[0]}" if stderr else "")
    lines = run.stdout.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(names) == 1:
        return ({names[0]: "\n".join(lines)} if run.returncode == 0 else {}), why
    trees, current, wanted = {}, None, set(names)
    for line in lines:
        if line.startswith("; ") and line[2:] in wanted:
            current = line[2:]
            trees[current] = []
        elif current is not None:
            trees[current].append(line)
    return {name: "\n".join(body) for name, body in trees.items()}, why


def rel_or_abs(path):
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def first_difference(grammar_tree, swift_tree):
    """Where two trees first differ: `line L, column C`, then both lines and a caret."""
    a, b = grammar_tree.split("\n"), swift_tree.split("\n")
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else ""
        y = b[i] if i < len(b) else ""
        if x == y:
            continue
        column = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
        start = max(0, column - 60)

        def clip(line):
            shown = line[start:start + 120]
            return ("…" if start else "") + shown + ("…" if len(line) > start + 120 else "")

        caret = " " * (column - start + (1 if start else 0)) + "^"
        return (f"line {i + 1}, column {column + 1}",
                ["  grammar: " + (clip(x) if i < len(a) else "(no more lines)"),
                 "  swift:   " + (clip(y) if i < len(b) else "(no more lines)"),
                 "           " + caret])
    return None


def arguments(argv):
    options = argparse.ArgumentParser(
        prog="python3 Grammar/check.py",
        description="Check the Suanpan grammar and the Swift parser's trees over every fixture.")
    options.add_argument("-v", "--verbose", action="store_true",
                         help="also list passing files, with where each invalid file fails")
    options.add_argument("--suanpan", type=Path, default=ROOT / ".build" / "debug" / "suanpan", metavar="PATH",
                         help="the suanpan binary whose `parse` trees must equal the grammar's "
                              "(default: .build/debug/suanpan under the repository root)")
    return options.parse_args(argv)


def main(argv):
    args = arguments(argv)
    if not args.suanpan.is_file():
        print(f"check.py compares trees with the suanpan binary, but {args.suanpan} does not exist: "
              "run `swift build` in the repository root first, or pass --suanpan PATH.", file=sys.stderr)
        return 2
    try:
        grammar = GRAMMAR.read_text(encoding="utf-8")
    except OSError as error:
        print(f"cannot read the grammar {GRAMMAR}: {error}", file=sys.stderr)
        return 2
    try:
        parser = lark.Lark(grammar, parser="lalr", lexer="basic")
    except lark.exceptions.LarkError as error:
        print(f"{rel(GRAMMAR)}: the grammar does not load: {error}", file=sys.stderr)
        return 2

    names = display_names(parser)
    results = []  # (name, must_accept, failure or None, tree or None, reason or None)
    for path, must_accept in collect():
        name = rel(path)
        try:
            tree, reason = parse(parser, names, path)
        except OSError as error:
            results.append((name, must_accept, f"FAIL {name}: cannot read: {error}", None, None))
            continue
        if must_accept and reason is not None:
            failure = f"FAIL {located(name, reason)}: rejected, but must be accepted: {reason[1]}"
        elif not must_accept and reason is None:
            failure = f"FAIL {name}: accepted, but files under {rel(INVALID_ROOT)}/ must be rejected"
        else:
            failure = None
        results.append((name, must_accept, failure, tree, reason))

    accepted = [name for name, must_accept, failure, _, _ in results if must_accept and failure is None]
    try:
        swift, why_missing = swift_trees(args.suanpan, accepted)
    except OSError as error:
        print(f"cannot run {args.suanpan}: {error}; run `swift build` first, or pass --suanpan PATH.",
              file=sys.stderr)
        return 2

    passed = failed = 0
    for name, must_accept, failure, tree, reason in results:
        detail = []
        if failure is None and must_accept:
            failure, detail = compare_trees(name, tree, swift, why_missing)
        if failure is not None:
            print(failure)
            for line in detail:
                print(line)
            failed += 1
        else:
            passed += 1
            if args.verbose:
                print(f"ok   {name}" if reason is None else f"ok   {located(name, reason)}: rejected: {reason[1]}")

    if passed + failed == 0:
        print(f"FAIL no .suan files found under Examples/ or Tests/Conformance/ in {ROOT}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


def compare_trees(name, tree, swift, why_missing):
    """(None, []) when the grammar's canonical tree equals the Swift parser's, else a FAIL line and details."""
    try:
        expected = canonical(tree)
    except lark.exceptions.VisitError as error:
        return f"FAIL {name}: {error.orig_exc}", []
    except ValueError as error:
        return f"FAIL {name}: {error}", []
    if name not in swift:
        return f"FAIL {name}: accepted by the grammar, but {why_missing}", []
    difference = first_difference(expected, swift[name])
    if difference is None:
        return None, []
    where, lines = difference
    return (f"FAIL {name}: the Swift parser's tree differs from the grammar's at {where} "
            f"(`suanpan parse {name}` prints the whole tree)", lines)


if __name__ == "__main__":
    try:
        sys.stdout.reconfigure(errors="backslashreplace")
    except AttributeError:
        pass
    sys.exit(main(sys.argv[1:]))
