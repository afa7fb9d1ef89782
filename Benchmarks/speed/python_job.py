#!/usr/bin/env python3
"""The whole job in plain Python: read the accounts CSV with csv, compute every account's
interest and fee in decimal (exact, half-even to the cent) and sum them. Prints wall
seconds and the checksum.

Usage: python3 Benchmarks/speed/python_job.py ACCOUNTS.csv
"""

import csv
import sys
import time
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
RATE = Decimal("0.0004")          # 0.04% a day
FEE = {"3": Decimal("0.025"), "6": Decimal("0.045"), "9": Decimal("0.065"), "12": Decimal("0.088")}
ZERO = Decimal(0)


def main():
    start = time.monotonic()
    total = Decimal(0)
    with open(sys.argv[1], newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        b, d, n = (header.index(c) for c in ("balance", "overdue_days", "installments"))
        for row in rows:
            balance = Decimal(row[b])
            interest = (balance * RATE * max(0, int(row[d]) - 40)).quantize(CENT, ROUND_HALF_EVEN)
            fee = (balance * FEE.get(row[n], ZERO)).quantize(CENT, ROUND_HALF_EVEN)
            total += interest + fee
    print(f"Python csv + decimal: {time.monotonic() - start:.2f} s wall  checksum {total:,}")


if __name__ == "__main__":
    main()
