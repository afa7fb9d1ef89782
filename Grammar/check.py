#!/usr/bin/env python3
"""Check the Suanpan grammar against every example and conformance fixture.

Loads Grammar/suanpan.lark with Lark (LALR, basic lexer) and parses:

  * every *.suan file under Examples/ and Tests/Conformance/ (recursively),
    except those under Tests/Conformance/syntax/invalid/: each must be ACCEPTED;
  * every *.suan file under Tests/Conformance/syntax/invalid/: each must be
    REJECTED (a file that is not valid UTF-8 counts as rejected).

Prints one line per failure, then a last line `N passed, N failed`.
Exit status: 0 if every file behaved and at least one file was checked,
1 if a file failed or none was found, 2 if the checker could not run
(lark missing, grammar missing or broken).

Usage: python3 Grammar/check.py [-v]     (works from any directory)
  -v, --verbose   also print one line per passing file; for rejected
                  files the line shows where and why Lark rejected it.

The Swift test Tests/SuanpanSyntaxTests/GrammarAgreementTests.swift walks the
same folders with the same rule, so the Swift parser and this grammar must
accept and reject exactly the same files.
"""

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
    """None if accepted, else (where, what): why the file was rejected."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not valid UTF-8 (byte {error.start})"
    try:
        parser.parse(text)
    except lark.exceptions.UnexpectedInput as error:
        return describe(error, names)
    except lark.exceptions.LarkError as error:
        return describe(error, names)
    return None


def main(argv):
    verbose = any(arg in ("-v", "--verbose") for arg in argv)
    unknown = [arg for arg in argv if arg not in ("-v", "--verbose")]
    if unknown:
        print(f"usage: python3 Grammar/check.py [-v]  (unknown argument {unknown[0]!r})", file=sys.stderr)
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
    passed = failed = 0
    for path, must_accept in collect():
        name = rel(path)
        try:
            reason = parse(parser, names, path)
        except OSError as error:
            print(f"FAIL {name}: cannot read: {error}")
            failed += 1
            continue
        if must_accept and reason is not None:
            print(f"FAIL {located(name, reason)}: rejected, but must be accepted: {reason[1]}")
            failed += 1
        elif not must_accept and reason is None:
            print(f"FAIL {name}: accepted, but files under {rel(INVALID_ROOT)}/ must be rejected")
            failed += 1
        else:
            passed += 1
            if verbose:
                print(f"ok   {name}" if reason is None else f"ok   {located(name, reason)}: rejected: {reason[1]}")

    if passed + failed == 0:
        print(f"FAIL no .suan files found under Examples/ or Tests/Conformance/ in {ROOT}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    try:
        sys.stdout.reconfigure(errors="backslashreplace")
    except AttributeError:
        pass
    sys.exit(main(sys.argv[1:]))
