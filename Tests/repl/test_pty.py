#!/usr/bin/env python3
"""Drives `suanpan repl` in a pseudo-terminal, as a person at a keyboard would:
line editing, continuation prompts, Tab completion, history, Ctrl-C, Ctrl-D.

    python3 Tests/repl/test_pty.py            # after `swift build`
    python3 Tests/repl/test_pty.py --strict   # known bugs count as failures

Prints one line per check and ends with "N passed, N failed"; exits 1 on any
failure. A check listed in KNOWN_BUGS that fails is printed as XFAIL and not
counted (unless --strict or SUANPAN_KNOWN_BUGS=1); when it starts passing it
says so, and the entry can go. SUANPAN_BINARY overrides the binary under test.
"""

import os
import re
import shutil
import sys
import tempfile
import time

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("SUANPAN_BINARY", os.path.join(ROOT, ".build", "debug", "suanpan"))
STRICT = "--strict" in sys.argv[1:] or bool(os.environ.get("SUANPAN_KNOWN_BUGS"))

PROMPT = "算盘> "
CONTINUATION = "  ... "
BANNER = "Suanpan 算盘 — :help for commands, Ctrl-D to leave"

# Checks whose right behaviour the REPL does not have yet, by check name.
KNOWN_BUGS: dict = {}

passed = failed = xfailed = skipped = 0
checked = set()


def line(status, name, detail=""):
    print(f"{status} {name}" + (f" — {detail}" if detail else ""), flush=True)


def check(name, ok, detail=""):
    """Records one check; returns whether it passed."""
    global passed, failed, xfailed
    checked.add(name)
    if ok:
        passed += 1
        line("PASS", name, "known bug fixed? remove it from KNOWN_BUGS" if name in KNOWN_BUGS else "")
    elif name in KNOWN_BUGS and not STRICT:
        xfailed += 1
        line("XFAIL", name, "known bug: " + KNOWN_BUGS[name] + (f" [{detail}]" if detail else ""))
    else:
        failed += 1
        line("FAIL", name, detail)
    return ok


class Abort(Exception):
    """A check failed and the rest of the scenario depends on it."""


def strip(text):
    """Terminal output without escape sequences, bells and carriage returns."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)
    return text.replace("\x07", "").replace("\r", "")


def tail(text, n=240):
    return repr(strip(text)[-n:])


class Repl:
    """One `suanpan` process in a pseudo-terminal."""

    def __init__(self, args, env=None, width=200):
        full = dict(os.environ)
        full.pop("SUANPAN_KNOWN_BUGS", None)
        full.update({"NO_COLOR": "1", "TERM": "xterm", "SWIFT_BACKTRACE": "enable=no"})
        full.update(env or {})
        self.child = pexpect.spawn(BINARY, args, cwd=ROOT, env=full, encoding="utf-8",
                                   codec_errors="replace", timeout=5, dimensions=(40, width))
        self.seen = ""

    def wait(self, text, timeout=5):
        """Waits for literal text; returns True, or False on timeout or exit."""
        i = self.child.expect_exact([text, pexpect.EOF, pexpect.TIMEOUT], timeout=timeout)
        self.seen += self.child.before + (text if i == 0 else "")
        if i == 2:
            self.child.buffer = ""  # what a failed wait saw is not seen again
        return i == 0

    def wait_any(self, texts, timeout=5):
        """Waits for the first of several literal texts; returns its index, or -1."""
        i = self.child.expect_exact(list(texts) + [pexpect.EOF, pexpect.TIMEOUT], timeout=timeout)
        self.seen += self.child.before + (texts[i] if i < len(texts) else "")
        if i == len(texts) + 1:
            self.child.buffer = ""
        return i if i < len(texts) else -1

    def recent(self):
        return tail(self.seen)

    def send(self, keys):
        self.child.send(keys)

    def enter(self, text):
        self.child.send(text + "\r")

    def answer(self, text, expected, timeout=5):
        """Types a line and waits for `expected`, then for the next prompt."""
        self.enter(text)
        ok = self.wait(expected, timeout)
        return ok and self.wait(PROMPT, timeout)

    def settle(self, seconds=0.3):
        """Reads whatever arrives for a moment."""
        try:
            while True:
                self.seen += self.child.read_nonblocking(100000, timeout=seconds)
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass

    def exit_status(self, timeout=5):
        """Waits for the process to end; returns (exit status, signal)."""
        self.child.expect_exact([pexpect.EOF, pexpect.TIMEOUT], timeout=timeout)
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()
        return self.child.exitstatus, self.child.signalstatus

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        try:
            self.child.close(force=True)
        except Exception:
            pass


def start(args, env=None, banner=False):
    """Starts the REPL and waits for its prompt: the 'prompt appears' check."""
    r = Repl(args, env)
    if banner:
        check("plain suanpan on a terminal prints the REPL banner", r.wait(BANNER, 10), r.recent())
    ok = r.wait(PROMPT, 10)
    if not ok:
        status = r.exit_status(2)
        detail = f"exit {status[0]}, signal {status[1]}: {r.recent()}"
        check("prompt appears", False, detail)
        raise Abort("the REPL did not start")
    return r


SCENARIOS = []


def scenario(title, checks):
    """A scenario is one or more REPL sessions; `checks` names what it checks, for the skips."""
    def register(f):
        SCENARIOS.append((title, checks, f))
        return f
    return register


@scenario("evaluate and define", [
    "an expression prints value : type",
    "an open brace shows the continuation prompt",
    "a multi-line product is defined",
    "the product typed is usable",
    "an error is reported with a caret and the REPL goes on",
    "NO_COLOR: diagnostics have no colour",
    ":quit exits with status 0",
])
def evaluate_and_define(tmp):
    r = start(["repl", "Examples/huabei.suan", "--history", os.path.join(tmp, "h")])
    try:
        check("an expression prints value : type",
              r.answer("Huabei.fee(1200.00 CNY, 12)", "105.60 CNY : money<CNY>"), r.recent())
        r.enter("product Q {")
        check("an open brace shows the continuation prompt", r.wait(CONTINUATION), r.recent())
        r.enter("  param r: percent = 2%")
        r.wait(CONTINUATION)
        r.enter("  rule f(x: money<CNY>) -> money<CNY> = x * r")
        r.wait(CONTINUATION)
        r.enter("}")
        check("a multi-line product is defined", r.wait("defined Q") and r.wait(PROMPT), r.recent())
        check("the product typed is usable", r.answer("Q.f(100 CNY)", "2.00 CNY : money<CNY>"), r.recent())
        r.enter("1 CNY + 1 USD")
        ok = r.wait("error: cannot add money<CNY> and money<USD>") and r.wait(" 1 | 1 CNY + 1 USD") and r.wait("^^^")
        ok = ok and r.wait(PROMPT) and r.answer("2 * 21", "42 : int")
        check("an error is reported with a caret and the REPL goes on", ok, r.recent())
        check("NO_COLOR: diagnostics have no colour", not re.search(r"\x1b\[[0-9;]*m", r.seen), repr(r.seen[-200:]))
        r.enter(":quit")
        status = r.exit_status()
        check(":quit exits with status 0", status == (0, None), f"exit {status}")
    finally:
        r.close()


@scenario("tab completion", [
    "Huab + TAB completes to Huabei",
    "Huabei.fe + TAB completes to Huabei.fee",
    "finance.pm + TAB completes to finance.pmt",
    ":lo + TAB completes to :load",
    ":load Exa + TAB completes a directory without a trailing space",
    "double TAB lists several members",
])
def completion(tmp):
    r = start(["repl", "Examples/huabei.suan", "--history", os.path.join(tmp, "h")])
    try:
        # Each completed line is then finished and entered: the answer shows what the line held.
        r.send("Huab\t")
        r.enter(".fee(1200.00 CNY, 12)")
        check("Huab + TAB completes to Huabei",
              r.wait_any(["105.60 CNY : money<CNY>", "error"]) == 0 and r.wait(PROMPT), r.recent())

        r.send("Huabei.fe\t")
        r.enter("(1200.00 CNY, 3)")
        check("Huabei.fe + TAB completes to Huabei.fee",
              r.wait_any(["30.00 CNY : money<CNY>", "error"]) == 0, r.recent())
        r.wait(PROMPT)

        r.send("finance.pm\t")
        r.enter("(1.2%, 12, 10000)")
        check("finance.pm + TAB completes to finance.pmt",
              r.wait_any(["-899.75", "error"]) == 0, r.recent())
        r.wait(PROMPT)

        r.send(":lo\t")
        r.enter(" Examples/huabei.suan")
        check(":lo + TAB completes to :load",
              r.wait_any(["loaded Examples/huabei.suan", "unknown command", "error"]) == 0 and r.wait(PROMPT),
              r.recent())

        r.send(":load Exa\t")
        r.enter("yuebao.suan")
        check(":load Exa + TAB completes a directory without a trailing space",
              r.wait_any(["loaded Examples/yuebao.suan", "error"]) == 0, r.recent())
        r.wait(PROMPT)

        r.settle(0.2)
        r.seen = ""
        r.send("Huabei.m\t\t")
        listed = r.wait("merchant_rate", 3) and r.wait("minimum_share", 3)
        r.settle(0.3)
        r.enter("erchant_fee(1000 CNY)")
        ok = listed and r.wait_any(["6.00 CNY : money<CNY>", "error"]) == 0
        check("double TAB lists several members", ok, r.recent())
    finally:
        r.close()


@scenario("last value, prefixes and :set at a terminal", [
    "_ is the last value",
    ":ex, a unique prefix, runs :explain",
    ":set Huabei.o + TAB completes to the parameter overdue_rate",
    ":set echoes the value as displayed",
    ":set alone lists the overrides",
])
def last_value_and_set(tmp):
    r = start(["repl", "Examples/huabei.suan", "--history", os.path.join(tmp, "h")])
    try:
        r.answer("Huabei.fee(1200.00 CNY, 12)", "105.60 CNY : money<CNY>")
        check("_ is the last value", r.answer("_ * 2", "211.20 CNY : money<CNY>"), r.recent())
        check(":ex, a unique prefix, runs :explain",
              r.answer(":ex Huabei.installment_fee(3)", "= 2.5% : percent"), r.recent())
        r.send(":set Huabei.o\t")
        r.enter(" = 0.03%/day * 2")
        ok = r.wait_any(["Huabei.overdue_rate = 0.06%/day", "error", "usage"]) == 0 and r.wait(PROMPT)
        check(":set Huabei.o + TAB completes to the parameter overdue_rate", ok, r.recent())
        # The line typed holds the source text; the answer is the value as displayed.
        echoed = "Huabei.overdue_rate = 0.03%/day * 2" in strip(r.seen).split("\n")
        check(":set echoes the value as displayed", ok and not echoed, r.recent())
        check(":set alone lists the overrides", r.answer(":set", "Huabei.overdue_rate = 0.06%/day"), r.recent())
        r.enter(":quit")
        r.exit_status()
    finally:
        r.close()


@scenario("history", [
    "up-arrow recalls the previous entry",
    "Ctrl-D on an empty line exits with status 0",
    "the history file has the entries, multi-line ones on one line",
    "after a restart up-arrow recalls a multi-line entry",
])
def history(tmp):
    path = os.path.join(tmp, "history")
    r = start(["repl", "Examples/huabei.suan", "--history", path])
    try:
        r.answer("Huabei.fee(1200.00 CNY, 3)", "30.00 CNY : money<CNY>")
        r.seen = ""
        r.send("\x1b[A")
        r.send("\r")
        check("up-arrow recalls the previous entry",
              r.wait("30.00 CNY : money<CNY>") and r.wait(PROMPT), r.recent())
        r.enter("product Q {")
        r.wait(CONTINUATION)
        r.enter("  rule z -> int = 4")
        r.wait(CONTINUATION)
        r.enter("}")
        r.wait("defined Q")
        r.wait(PROMPT)
        r.answer("Q.z + 1", "5 : int")
        r.send("\x04")
        status = r.exit_status()
        check("Ctrl-D on an empty line exits with status 0", status == (0, None), f"exit {status}")
    finally:
        r.close()

    try:
        with open(path, encoding="utf-8") as f:
            stored = f.read().splitlines()
    except OSError as e:
        stored = [str(e)]
    expected = ["Huabei.fee(1200.00 CNY, 3)", "Huabei.fee(1200.00 CNY, 3)",
                "product Q {\\n  rule z -> int = 4\\n}", "Q.z + 1"]
    check("the history file has the entries, multi-line ones on one line", stored == expected, repr(stored))

    r = start(["repl", "--history", path])
    try:
        r.send("\x1b[A\x1b[A")
        r.send("\r")
        ok = r.wait("defined Q") and r.wait(PROMPT) and r.answer("Q.z + 1", "5 : int")
        check("after a restart up-arrow recalls a multi-line entry", ok, r.recent())
    finally:
        r.close()


@scenario("Ctrl-C at the prompt", [
    "Ctrl-C on a half-typed line gives a fresh prompt",
    "after Ctrl-C the fresh prompt starts on a new line",
    "after Ctrl-C the next entry is answered",
    "Ctrl-C in a multi-line entry cancels it",
])
def interrupt_prompt(tmp):
    r = start(["repl", "--history", os.path.join(tmp, "h")])
    try:
        r.send("1 + 2")
        r.settle(0.3)
        r.seen = ""
        r.send("\x03")
        fresh = r.wait(PROMPT, 2)
        check("Ctrl-C on a half-typed line gives a fresh prompt", fresh, r.recent())
        check("after Ctrl-C the fresh prompt starts on a new line",
              fresh and "\n" in strip(r.child.before), repr(r.child.before if fresh else r.seen))
        r.settle(0.2)
        r.seen = ""
        r.enter("7")
        check("after Ctrl-C the next entry is answered", r.wait("7 : int", 2), r.recent())
    finally:
        r.close()

    r = start(["repl", "--history", os.path.join(tmp, "h")])
    try:
        r.enter("product R {")
        r.wait(CONTINUATION)
        r.send("\x03")
        ok = r.wait("(input cancelled)", 2) and r.wait(PROMPT, 2)
        check("Ctrl-C in a multi-line entry cancels it", ok, r.recent())
    finally:
        r.close()


@scenario("Ctrl-C during an evaluation", [
    "Ctrl-C stops a long evaluation with an 'interrupted' error",
    "the REPL still works after an interrupted evaluation",
    "Ctrl-C stops a nested comprehension",
])
def interrupt_evaluation(tmp):
    r = start(["repl", "--history", os.path.join(tmp, "h")])
    try:
        r.enter("count([x * 2 for x in range(1, 9999999)])")
        time.sleep(1.0)
        r.seen = ""
        started = time.time()
        r.send("\x03")
        which = r.wait_any(["error: interrupted", "9999999 : int"], timeout=25)
        took = time.time() - started
        check("Ctrl-C stops a long evaluation with an 'interrupted' error", which == 0 and r.wait(PROMPT),
              f"after {took:.1f}s: {r.recent()}")
        check("the REPL still works after an interrupted evaluation", r.answer("1 + 1", "2 : int"), r.recent())

        # Inner loops of fewer than 4096 elements: 4 million elements in all, a few seconds uninterrupted.
        r.enter("sum([count([y for y in range(1, 1000)]) for x in range(1, 4000)])")
        time.sleep(0.5)
        r.seen = ""
        r.send("\x03")
        which = r.wait_any(["error: interrupted", "4000000 : int"], timeout=25)
        r.wait(PROMPT)
        check("Ctrl-C stops a nested comprehension", which == 0, r.recent())
    finally:
        r.close()


@scenario("plain suanpan", [
    "plain suanpan on a terminal prints the REPL banner",
    "plain suanpan on a terminal answers an expression",
    "plain suanpan keeps history under $XDG_STATE_HOME",
])
def plain(tmp):
    home = os.path.join(tmp, "home")
    state = os.path.join(tmp, "state")
    os.makedirs(home)
    r = start([], env={"HOME": home, "XDG_STATE_HOME": state}, banner=True)
    try:
        check("plain suanpan on a terminal answers an expression", r.answer("1 + 1", "2 : int"), r.recent())
        r.send("\x04")
        r.exit_status()
    finally:
        r.close()
    path = os.path.join(state, "suanpan", "history")
    stored = open(path, encoding="utf-8").read() if os.path.exists(path) else None
    check("plain suanpan keeps history under $XDG_STATE_HOME", stored == "1 + 1\n", repr(stored))


@scenario("keyword docs and saving a shadowed session", [
    ":doc fold shows the form and an example",
    "a definition shadowing the loaded file's is noted",
    ":save after shadowing writes a file",
    "the saved file loads back with suanpan test, every test passing",
    "the saved file gives the same answer",
])
def doc_and_save(tmp):
    r = start(["repl", "Examples/huabei.suan", "--history", os.path.join(tmp, "h")])
    saved = os.path.join(tmp, "saved.suan")
    try:
        r.enter(":doc fold")
        ok = r.wait("fold STATE[: TYPE] = START for NAME in LIST [where COND] => STEP") and r.wait("example:")
        check(":doc fold shows the form and an example", ok and r.wait(PROMPT), r.recent())
        r.enter("let cart = Purchase { amount: 600.00 CNY, date: 2020-07-31 }")
        check("a definition shadowing the loaded file's is noted",
              r.wait("cart shadows the one in Examples/huabei.suan") and r.wait(PROMPT), r.recent())
        # The bill of 2020-08-01 is due on the 10th: 10 days after 2020-07-31.
        r.answer("Huabei.interest_free_days(cart)", "10 days : days")
        r.enter(f":save {saved}")
        check(":save after shadowing writes a file", r.wait("saved 1 definition") and os.path.exists(saved), r.recent())
        r.enter(":quit")
        r.exit_status()
    finally:
        r.close()
    import subprocess
    test = subprocess.run([BINARY, "test", saved], capture_output=True, text=True, cwd=ROOT, timeout=60)
    check("the saved file loads back with suanpan test, every test passing",
          test.returncode == 0 and test.stdout.strip().endswith("5 passed, 0 failed, 0 skipped"), test.stdout + test.stderr)
    answer = subprocess.run([BINARY, "eval", "--load", saved, "Huabei.interest_free_days(cart)"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    check("the saved file gives the same answer", answer.stdout == "10 days : days\n", answer.stdout + answer.stderr)


def main():
    if not os.access(BINARY, os.X_OK):
        print(f"FAIL no binary at {BINARY}: run swift build", flush=True)
        print("0 passed, 1 failed")
        return 1
    began = time.time()
    for title, names, run in SCENARIOS:
        tmp = tempfile.mkdtemp(prefix="suanpan-pty-")
        reason = None
        t0 = time.time()
        try:
            run(tmp)
        except Abort as e:
            reason = str(e)
        except Exception as e:  # a broken scenario is a failure, never a hang
            check(f"{title}: runs to the end", False, f"{type(e).__name__}: {e}")
            reason = "scenario error"
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            if os.environ.get("PTY_TIMING"):
                print(f"  ({title}: {time.time() - t0:.1f}s)", flush=True)
        if reason:
            global skipped
            for name in names:
                if name not in checked:
                    skipped += 1
                    line("SKIP", name, reason)
    if xfailed or skipped:
        print(f"({xfailed} known bugs not counted, {skipped} checks skipped; "
              f"--strict counts known bugs; {time.time() - began:.0f}s)", flush=True)
    print(f"{passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
