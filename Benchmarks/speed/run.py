#!/usr/bin/env python3
"""The speed benchmark of issue 11 in one go: the reference workload (1,000,000 accounts,
revenue exactly 2,753,163,484.08 CNY) through Suanpan and its peers, then the whole job
from the 1,000,000-row CSV, then `suanpan check` of a 10,000-line file.

Builds SpeedBench and suanpan in release mode and generates the CSV with suanpan generate.
A peer that is not installed is shown as such; --install installs the missing ones
(apt-get install -y lua5.4 luajit; pip install duckdb). --large also streams 10,000,000 rows.

Usage: python3 Benchmarks/speed/run.py [--install] [--large]
"""

import argparse
import importlib.util
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEED = ROOT / "Benchmarks/speed"
SUANPAN = ROOT / ".build/release/suanpan"
EXPECTED = "2,753,163,484.08"
EXPECTED_10M = "27,542,880,872.32"       # worked in Python's integers, as the 1M figure was
MISSING = "not installed (run with --install)"


def has_duckdb():
    return importlib.util.find_spec("duckdb") is not None


def install():
    """Only what is missing: the Lua interpreters from apt, DuckDB from pip."""
    packages = [p for p in ("lua5.4", "luajit") if shutil.which(p) is None]
    if packages:
        if subprocess.run(["apt-get", "install", "-y"] + packages).returncode != 0:
            subprocess.run(["apt-get", "update"], check=True)
            subprocess.run(["apt-get", "install", "-y"] + packages, check=True)
    if not has_duckdb():
        subprocess.run([sys.executable, "-m", "pip", "install", "duckdb"], check=True)
        importlib.invalidate_caches()


def build(product):
    subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def checksum_of(text):
    """The last `checksum X` in a program's output, with thousands separators."""
    found = re.findall(r"checksum (-?[0-9,]+(?:\.[0-9]+)?)", text)
    return f"{Decimal(found[-1].replace(',', '')):,.2f}" if found else None


def evaluation_rows():
    """(implementation, ns/account or None, checksum or status) for every implementation."""
    rows = []
    done = subprocess.run([str(ROOT / ".build/release/SpeedBench")], capture_output=True, text=True)
    print(done.stdout, end="", file=sys.stderr)
    for line in done.stdout.splitlines():
        m = re.match(r"(\([a-d]\) .*?)\s+([0-9.]+) ns/account", line)
        if m:
            rows.append((m.group(1), float(m.group(2)), checksum_of(line)))
        elif line.startswith("(d)"):
            rows.append((line[:64].strip(), None, line[64:].strip()))
    if done.returncode != 0:
        rows.append(("SpeedBench", None, "FAILED: " + ((done.stdout + done.stderr).strip() or "no output")[-200:]))
    for lua, name in (("lua5.4", "Lua 5.4 (doubles)"), ("luajit", "LuaJIT (doubles)")):
        rows.append(peer(name, [lua, str(SPEED / "workload.lua")] if shutil.which(lua) else None))
    rows.append(peer("Python decimal", [sys.executable, str(SPEED / "workload.py")]))
    return rows


def peer(name, command):
    if command is None:
        return (name, None, MISSING)
    done = subprocess.run(command, capture_output=True, text=True)
    m = re.search(r"([0-9.]+) ns/account", done.stdout)
    if done.returncode != 0 or not m:
        return (name, None, "FAILED: " + (done.stdout + done.stderr).strip()[-200:])
    return (name, float(m.group(1)), checksum_of(done.stdout))


def timed(command, runs=3):
    """The run of median wall time of `runs` runs: (wall s, user+sys s, peak RSS MB, stdout)."""
    results = [timed_once(command) for _ in range(runs)]
    if any(r is None for r in results):
        return None
    return sorted(results, key=lambda r: r[0])[len(results) // 2]


def timed_once(command):
    """(wall s, user+sys s, peak RSS MB, stdout) of a command, from /usr/bin/time -v."""
    start = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    wall = time.monotonic() - start
    if done.returncode != 0:
        return None
    def field(name):
        m = re.search(rf"{name}: ([0-9.]+)", done.stderr)
        return float(m.group(1)) if m else 0.0
    cpu = field(r"User time \(seconds\)") + field(r"System time \(seconds\)")
    return wall, cpu, field(r"Maximum resident set size \(kbytes\)") / 1024, done.stdout


def suanpan_job(csv, *options):
    command = [str(SUANPAN), "run", str(SPEED / "workload.suan"), "--scenario", "Revenue",
               "--population", f"accounts={csv}", "--format", "json", *options]
    result = timed(command)
    if result is None:
        return None
    wall, cpu, rss, out = result
    return wall, cpu, rss, f"{Decimal(json.loads(out)['total']['total']):,.2f}"


def job_rows(csv, large):
    rows = [("suanpan run workload.suan (1M rows, columns, 2 jobs)", suanpan_job(csv)),
            ("suanpan run … --jobs 1 (columns, one thread)", suanpan_job(csv, "--jobs", "1")),
            ("suanpan run … --executor scalar (2 jobs)", suanpan_job(csv, "--executor", "scalar"))]
    if has_duckdb():
        result = timed([sys.executable, str(SPEED / "duckdb_job.py"), str(csv)])
        rows.append(("DuckDB (1M rows)", result and result[:3] + (checksum_of(result[3]),)))
    else:
        rows.append(("DuckDB (1M rows)", MISSING))
    result = timed([sys.executable, str(SPEED / "python_job.py"), str(csv)])
    rows.append(("Python csv + decimal (1M rows)", result and result[:3] + (checksum_of(result[3]),)))
    if large:
        big = csv.parent / "benchmark-10M.csv"
        generate(big, 10_000_000)
        rows.append(("suanpan run workload.suan (10M rows, streamed)", suanpan_job(big)))
        big.unlink()
    return rows


def generate(path, rows):
    subprocess.run([str(SUANPAN), "generate", str(ROOT / "Examples/data/benchmark.spec.json"),
                    "--rows", str(rows), "--out", str(path)], check=True, stderr=subprocess.DEVNULL)


def check_time(folder):
    """Median wall milliseconds of 5 `suanpan check` runs of the generated 10,000-line file."""
    big = folder / "big_product.suan"
    subprocess.run([sys.executable, str(SPEED / "big_product.py"), "--out", str(big)], check=True)
    times = []
    for _ in range(5):
        start = time.monotonic()
        done = subprocess.run([str(SUANPAN), "check", str(big)], capture_output=True, text=True)
        times.append((time.monotonic() - start) * 1000)
        if done.returncode != 0:
            sys.exit("suanpan check of big_product.suan failed:\n" + (done.stdout + done.stderr)[-2000:])
    return statistics.median(times)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="install the missing peers first")
    parser.add_argument("--large", action="store_true", help="also stream 10,000,000 rows through suanpan run")
    args = parser.parse_args(argv)
    if args.install:
        install()
    build("SpeedBench")
    build("suanpan")

    rows = evaluation_rows()
    limit = next((ns for name, ns, _ in rows if name.startswith("(a)") and ns), None)
    luajit = next((ns for name, ns, _ in rows if name.startswith("LuaJIT") and ns), None)
    print(f"\nEvaluation, 1,000,000 accounts (CPU time, median of 5), checksum {EXPECTED} CNY")
    print(f"{'implementation':<64} {'ns/account':>10}  {'checksum':<18} {'exact?':<6} {'× Int64':>8} {'× LuaJIT':>9}")
    for name, ns, check in rows:
        if ns is None:
            print(f"{name:<64} {'':>10}  {check}")
            continue
        exact = "yes" if check == EXPECTED else "NO"
        ratio = lambda base: f"{ns / base:.2f}" if base else "-"
        print(f"{name:<64} {ns:>10.1f}  {check:<18} {exact:<6} {ratio(limit):>8} {ratio(luajit):>9}")

    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "benchmark.csv"
        generate(csv, 1_000_000)
        print(f"\nWhole job from the CSV (wall and CPU seconds, peak RSS from /usr/bin/time -v; the run of median wall time of 3)")
        print(f"{'job':<52} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}  {'checksum':<18} exact?")
        for name, result in job_rows(csv, args.large):
            if result is None or isinstance(result, str):
                print(f"{name:<52} {result or 'FAILED'}")
            else:
                wall, cpu, rss, check = result
                exact = "yes" if check == (EXPECTED_10M if "10M" in name else EXPECTED) else "NO"
                print(f"{name:<52} {wall:>8.2f} {cpu:>8.2f} {rss:>12.1f}  {check:<18} {exact}")
        print(f"\nsuanpan check of a 10,000-line file (big_product.py): {check_time(Path(folder)):.0f} ms (median of 5, wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
