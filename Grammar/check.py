#!/usr/bin/env python3
"""Check the Suanpan grammar, and the Swift parser's trees, against every example and fixture.

Loads Grammar/suanpan.lark with Lark (LALR, contextual lexer: every terminal is
lexed everywhere, as the basic lexer would, except the six contextual words
`from to column state revenue next`, which are their terminals only where the
parser can take them and NAME elsewhere) and parses:

  * every *.suan file under Examples/ and Tests/Conformance/ (recursively),
    except those under Tests/Conformance/syntax/invalid/: each must be ACCEPTED,
    and its tree must equal the Swift parser's;
  * every *.suan file under Tests/Conformance/syntax/invalid/: each must be
    REJECTED (a file that is not valid UTF-8 counts as rejected).

Trees are compared in one canonical form, an S-expression per declaration such as
`(let x (binary + (name a) (binary * (name b) (name c))))` (Grammar/README.md lists
every form). The CanonicalTree transformer in Grammar/canonical.py builds it from Lark's tree; the
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


from canonical import canonical  # noqa: E402  (after the lark check above)
from lark.parsers.lalr_analysis import Shift  # noqa: E402


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
        # Every terminal but the contextual words is lexed everywhere, so only the
        # parser's expectations (UnexpectedToken) are worth printing.
        expected = sorted(names.get(name, name) for name in (error.expected or ()))
        if 0 < len(expected) <= 16:
            what += "; expected one of: " + " ".join(expected)
    else:
        what = str(error).splitlines()[0] if str(error) else type(error).__name__
    return where, what


def located(name, reason):
    """`path:line:col`, or just `path` when the position is unknown."""
    return name if reason[0] is None else f"{name}:{reason[0]}"


# The words that are not reserved (the grammar's terminals FROM TO COLUMN STATE
# REVENUE NEXT): each is its terminal only where the parser can take it, a NAME elsewhere.
CONTEXTUAL_WORDS = {"FROM": "from", "TO": "to", "COLUMN": "column", "STATE": "state",
                    "REVENUE": "revenue", "NEXT": "next"}


class ContextualWords:
    """The postlexer that makes every terminal but the contextual words reserved: Lark's
    contextual lexer always accepts the terminals in `always_accept`, so keywords,
    punctuation and literals are lexed as the basic lexer would in every parser state,
    and a contextual word is lexed as its terminal only in a state whose lookaheads hold
    it (as NAME otherwise)."""

    def __init__(self, terminals):
        self.always_accept = [t for t in terminals if t not in CONTEXTUAL_WORDS]

    def process(self, stream):
        return stream


def load(grammar):
    """The Lark parser of the grammar: LALR, the contextual lexer, every terminal but
    the contextual words always accepted."""
    patterns = {t.name: t.pattern for t in lark.Lark(grammar, parser="lalr", lexer="basic").terminals}
    for terminal, word in CONTEXTUAL_WORDS.items():
        pattern = patterns.get(terminal)
        if not (isinstance(pattern, lark.lexer.PatternStr) and pattern.value == word):
            raise lark.exceptions.GrammarError(f"the contextual word {word!r} needs the terminal {terminal}: \"{word}\"")
    return lark.Lark(grammar, parser="lalr", lexer="contextual", postlex=ContextualWords(patterns))


def can_take(parser_state, terminal):
    """Whether the parser, in this state, shifts `terminal` next (after any reductions).
    LALR merges the lookaheads of states with the same items, so a state's lookaheads
    may hold a terminal that no reduction from here can shift: `record R { a: int = 1
    next: int }` reaches the state after `1`, whose lookaheads hold NEXT (from scenarios)."""
    states = parser_state.parse_conf.states
    stack = list(parser_state.state_stack)
    while True:
        action = states[stack[-1]].get(terminal)
        if action is None:
            return False
        kind, arg = action
        if kind is Shift:
            return True
        if arg.expansion:
            del stack[-len(arg.expansion):]
        stack.append(states[stack[-1]][arg.origin.name][1])


def parse_text(parser, text):
    """Lark's tree of the text. A contextual word the parser cannot take is a NAME."""
    session = parser.parse_interactive(text)
    token = None
    for token in session.iter_parse():
        if token.type in CONTEXTUAL_WORDS and not can_take(session.parser_state, token.type):
            token.type = "NAME"
    end = lark.Token.new_borrow_pos("$END", "", token) if token is not None else lark.Token("$END", "", 0, 1, 1)
    return session.parser_state.feed_token(end, True)


def parse(parser, names, path):
    """(tree, None) if accepted, else (None, (where, what)): why the file was rejected."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, (None, f"not valid UTF-8 (byte {error.start})")
    try:
        return parse_text(parser, text), None
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
        parser = load(grammar)
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
