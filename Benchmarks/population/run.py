#!/usr/bin/env python3
"""Populations and scenarios at scale, measured as whole commands: rows per second and
peak RSS of the 1,000,000-account, 12-step credit example (Examples/credit.suan), and of
reading 1,000,000 and 10,000,000 rows through the lightest scenario
(Benchmarks/population/balances.suan). Builds in release mode and generates the
populations first (reproducibly, with suanpan generate).

Usage: python3 Benchmarks/population/run.py [--rows N] [--large]
"""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUANPAN = ROOT / ".build/release/suanpan"


def timed(command):
    """(wall seconds, user+sys seconds, peak RSS in MB) of a command, from /usr/bin/time -v."""
    start = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    wall = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    def field(name):
        m = re.search(rf"{name}: ([0-9.:]+)", done.stderr)
        return m.group(1) if m else "0"
    cpu = float(field("User time \\(seconds\\)")) + float(field("System time \\(seconds\\)"))
    rss = int(field("Maximum resident set size \\(kbytes\\)")) / 1024
    return wall, cpu, rss


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="accounts for the credit example")
    parser.add_argument("--large", action="store_true", help="also stream 10,000,000 rows")
    args = parser.parse_args(argv)
    subprocess.run(["swift", "build", "-c", "release", "--product", "suanpan"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    spec = ROOT / "Examples/data/accounts.spec.json"
    rows = [("credit", args.rows)] + [("read", args.rows)] + ([("read", 10_000_000)] if args.large else [])
    print(f"{'job':<44} {'rows':>12} {'wall s':>8} {'cpu s':>8} {'rows/s':>12} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as folder:
        made = {}
        for job, n in rows:
            if n not in made:
                made[n] = Path(folder) / f"accounts-{n}.csv"
                subprocess.run([str(SUANPAN), "generate", str(spec), "--rows", str(n), "--out", str(made[n])],
                               check=True, stderr=subprocess.DEVNULL)
            if job == "credit":
                name = "Examples/credit.suan Credit, 12 monthly steps"
                command = [str(SUANPAN), "run", str(ROOT / "Examples/credit.suan"), "--scenario", "Credit"]
            else:
                name = "balances.suan: read, one step, one line"
                command = [str(SUANPAN), "run", str(ROOT / "Benchmarks/population/balances.suan"), "--scenario", "Balances"]
            wall, cpu, rss = timed(command + ["--population", f"accounts={made[n]}"])
            print(f"{name:<44} {n:>12,} {wall:>8.2f} {cpu:>8.2f} {n / wall:>12,.0f} {rss:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
