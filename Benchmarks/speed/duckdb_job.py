#!/usr/bin/env python3
"""The whole job in DuckDB: read the accounts CSV (balance as DECIMAL(18,2)) and compute the
revenue in SQL with DECIMAL arithmetic, rounding half-even to the cent. Prints wall seconds
and the checksum. (pip install duckdb)

DuckDB's ROUND on a DECIMAL rounds half away from zero (round(0.005, 2) = 0.01), which is
not what the rules say; the amounts here are never negative, so half-even differs from it
only on a tie whose cent below is even, and the CASE in HALF_EVEN takes that one down.

Usage: python3 Benchmarks/speed/duckdb_job.py ACCOUNTS.csv
"""

import sys
import time

import duckdb

# x rounded half-even to the cent, for x >= 0. `* 0.01`, not `/ 100`: DuckDB divides a
# DECIMAL into a DOUBLE, which would lose the exactness this job is measured on.
HALF_EVEN = "CASE WHEN {x} * 100 - floor({x} * 100) = 0.5 AND floor({x} * 100) % 2 = 0 " \
            "THEN floor({x} * 100) * 0.01 ELSE round({x}, 2) END"

QUERY = """
WITH a AS (
  SELECT balance * 0.0004 * greatest(0, overdue_days - 40) AS interest,
         balance * CASE installments WHEN 3 THEN 0.025 WHEN 6 THEN 0.045
                                     WHEN 9 THEN 0.065 WHEN 12 THEN 0.088 ELSE 0.000 END AS fee
  FROM read_csv(?, header = true,
                columns = {'balance': 'DECIMAL(18,2)', 'overdue_days': 'INTEGER', 'installments': 'INTEGER'})
)
SELECT sum(""" + HALF_EVEN.format(x="interest") + " + " + HALF_EVEN.format(x="fee") + ") FROM a"


def main():
    start = time.monotonic()
    db = duckdb.connect()
    # The premise of the CASE above, checked on this DuckDB: a tie goes away from zero.
    ties = db.execute("SELECT round(0.005::DECIMAL(4,3), 2), round(0.025::DECIMAL(4,3), 2)").fetchone()
    if [str(t) for t in ties] != ["0.01", "0.03"]:
        sys.exit(f"DuckDB's ROUND no longer rounds ties away from zero ({ties}): revisit HALF_EVEN")
    (total,) = db.execute(QUERY, [sys.argv[1]]).fetchone()
    print(f"DuckDB {duckdb.__version__}: {time.monotonic() - start:.2f} s wall  checksum {total:,}")


if __name__ == "__main__":
    main()
