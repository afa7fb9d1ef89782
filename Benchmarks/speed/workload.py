#!/usr/bin/env python3
"""The speed benchmark's workload in Python's decimal (exact): the accounts are generated
first, then the loop is timed with time.process_time (median of 5 runs). 1,000,000 accounts
in decimal take a while (1-2 s a run here, five runs, after a few seconds generating them);
--n runs fewer, and the figure is per account either way. The checksum is only the reference one at the full 1,000,000.

Usage: python3 Benchmarks/speed/workload.py [--n ACCOUNTS] [--runs R]
"""

import argparse
import time
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
RATE = Decimal("0.0004")          # 0.04% a day
FEE = {1: Decimal(0), 3: Decimal("0.025"), 6: Decimal("0.045"), 9: Decimal("0.065"), 12: Decimal("0.088")}


def accounts(n):
    """The accounts in the order `suanpan generate` draws them (Park-Miller, seed 42)."""
    x, out = 42, []
    for _ in range(n):
        x = x * 48271 % 2147483647
        balance = Decimal(x % 10000000).scaleb(-2)
        x = x * 48271 % 2147483647
        days = x % 120
        x = x * 48271 % 2147483647
        out.append((balance, days, (1, 3, 6, 9, 12)[x % 5]))
    return out


def revenue(rows):
    total = Decimal(0)
    for balance, days, installments in rows:
        interest = (balance * RATE * max(0, days - 40)).quantize(CENT, ROUND_HALF_EVEN)
        fee = (balance * FEE[installments]).quantize(CENT, ROUND_HALF_EVEN)
        total += interest + fee
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = accounts(args.n)
    times = []
    for _ in range(args.runs):
        start = time.process_time()
        total = revenue(rows)
        times.append(time.process_time() - start)
    median = sorted(times)[len(times) // 2]
    name = "Python decimal" + ("" if args.n == 1_000_000 else f" ({args.n:,} accounts)")
    print(f"{name:<64} {median * 1e9 / args.n:9.1f} ns/account  checksum {total:,}")


if __name__ == "__main__":
    main()
