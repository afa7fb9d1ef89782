#!/usr/bin/env python3
"""The example scenarios' totals, worked out again in Python's decimal from the same
sample files and compared with what `suanpan run --partial` writes: every line of
the whole, of each period and of each segment, to the cent.

Usage: python3 Tests/scenarios/check_examples.py [--suanpan PATH]
"""

import argparse
import calendar
import csv
import json
import subprocess
import sys
import tempfile
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CENT = Decimal("0.01")


def r2(x, mode=ROUND_HALF_UP):
    return x.quantize(CENT, rounding=mode)


def daily(yearly):
    """A yearly rate per day on a 365-day year, to 18 places as Suanpan keeps it."""
    return (yearly / 365).quantize(Decimal("1e-18"), rounding=ROUND_HALF_EVEN)


def month_days(year):
    return [calendar.monthrange(year, m)[1] for m in range(1, 13)]


class Totals:
    """Sums by line: the whole, each period, each segment of each breakdown."""

    def __init__(self, lines, periods):
        self.lines = lines
        self.whole = [Decimal(0)] * len(lines)
        self.periods = [[Decimal(0)] * len(lines) for _ in range(periods)]
        self.segments = {}

    def add(self, period, amounts):
        for i, a in enumerate(amounts):
            self.whole[i] += a
            self.periods[period][i] += a

    def add_segment(self, breakdown, key, amounts):
        seg = self.segments.setdefault(breakdown, {}).setdefault(key, [Decimal(0)] * len(self.lines))
        for i, a in enumerate(amounts):
            seg[i] += a


def mix():
    """Examples/revenue_mix.suan's Mix, over Examples/data/users-sample.csv."""
    lines = ["payments", "credit_tech", "investment_tech", "insure_tech"]
    days = month_days(2020)
    t = Totals(lines, 12)
    credit, distribution = daily(Decimal("0.0274")), daily(Decimal("0.0025"))
    with open(ROOT / "Examples/data/users-sample.csv", newline="", encoding="utf-8") as f:
        for u in csv.DictReader(f):
            earned = [Decimal(0)] * 4
            for m, d in enumerate(days):
                amounts = [
                    r2(Decimal(u["payments"]) * Decimal("0.006")),
                    r2(Decimal(u["huabei_spend"]) * Decimal("0.008")) + r2(Decimal(u["credit_balance"]) * credit * d),
                    r2(Decimal(u["wealth"]) * distribution * d),
                    r2(Decimal(u["premiums"]) * Decimal("0.10")),
                ]
                t.add(m, amounts)
                earned = [a + b for a, b in zip(earned, amounts)]
            t.add_segment(0, u["city_tier"], earned)
    return t


HUABEI_FEE = {3: Decimal("0.025"), 6: Decimal("0.045"), 9: Decimal("0.065"), 12: Decimal("0.088")}
BAND_FLOOR = {"350-549": 350, "550-599": 550, "600-649": 600, "650-699": 650, "700-950": 700}


def credit():
    """Examples/credit.suan's Credit, over Examples/data/accounts-sample.csv."""
    lines = ["merchant_fee", "installment_fee", "overdue_interest", "loan_interest"]
    days = month_days(2021)
    t = Totals(lines, 12)
    with open(ROOT / "Examples/data/accounts-sample.csv", newline="", encoding="utf-8") as f:
        for a in csv.DictReader(f):
            bill, limit = Decimal(a["huabei_balance"]), Decimal(a["huabei_limit"])
            n, late = int(a["installments"]), int(a["overdue_days"])
            carries = late >= 30
            paid_late = late if 0 < late < 30 else 0
            eligible = BAND_FLOOR[a["zhima_band"]] >= 600
            loan = Decimal(a["jiebei_principal"])
            principal = loan if eligible else Decimal(0)
            rate = int(a["jiebei_daily_rate_bp"]) * Decimal("0.0001")
            repay = r2(loan / int(a["jiebei_term_months"]))
            unpaid = Decimal(0)
            earned = [Decimal(0)] * 4
            for m, d in enumerate(days):
                amounts = [
                    r2(bill * Decimal("0.006")),
                    r2(bill * HUABEI_FEE[n], ROUND_HALF_EVEN) if n > 1 else Decimal(0),
                    r2(unpaid * Decimal("0.0005") * d) + r2(bill * Decimal("0.0005") * paid_late),
                    r2(principal * rate * d),
                ]
                t.add(m, amounts)
                earned = [x + y for x, y in zip(earned, amounts)]
                minimum = r2(bill * Decimal("0.10"))
                unpaid = min(unpaid + bill - minimum, limit) if carries else Decimal(0)
                principal = max(Decimal(0), principal - repay)
            t.add_segment(0, a["zhima_band"], earned)
            t.add_segment(1, a["city_tier"], earned)
    return t


def suanpan_partial(suanpan, example, scenario):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "part.json"
        subprocess.run([str(suanpan), "run", str(ROOT / example), "--scenario", scenario,
                        "--shard", "1/1", "--partial", str(out), "--format", "json"],
                       check=True, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text(encoding="utf-8"))


def key_text(key):
    (kind, value), = key.items()
    return str(value)


def compare(name, expected, partial):
    problems = []
    if partial["lines"] != expected.lines:
        return [f"{name}: lines {partial['lines']} != {expected.lines}"]
    got = [Decimal(x) for x in partial["whole"]["lines"]]
    if got != expected.whole:
        problems.append(f"{name}: whole {got} != {expected.whole}")
    for i, p in enumerate(partial["periods"]):
        got = [Decimal(x) for x in p["lines"]]
        if got != expected.periods[i]:
            problems.append(f"{name}: period {partial['period_keys'][i]}: {got} != {expected.periods[i]}")
    for b, segments in enumerate(partial["segments"]):
        for s in segments:
            key = key_text(s["key"])
            got = [Decimal(x) for x in s["sums"]["lines"]]
            want = expected.segments.get(b, {}).get(key)
            if got != want:
                problems.append(f"{name}: {partial['breakdowns'][b]} {key}: {got} != {want}")
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suanpan", type=Path, default=ROOT / ".build/debug/suanpan")
    args = parser.parse_args(argv)
    cases = [("Examples/revenue_mix.suan", "Mix", mix), ("Examples/credit.suan", "Credit", credit)]
    failed = 0
    for example, scenario, worked in cases:
        problems = compare(f"{example} {scenario}", worked(), suanpan_partial(args.suanpan, example, scenario))
        for p in problems[:10]:
            print("FAIL", p)
        failed += bool(problems)
        if not problems:
            print(f"ok   {example} {scenario}: every line of the whole, each period and each segment to the cent")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
