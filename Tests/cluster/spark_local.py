#!/usr/bin/env python3
"""The cluster recipe run for real: Apache Spark in local mode pipes shards of a
scenario through `scripts/shard` (RDD.pipe, one shard per partition), the driver
merges the partial results with `suanpan merge`, and the merged report must be
byte for byte the report of a single run.

Usage: python3 Tests/cluster/spark_local.py [--suanpan PATH] [--rows N] [--shards N]
Needs pyspark (pip install pyspark) and Java 17; says so and exits 2 without them.
"""

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suanpan", type=Path, default=ROOT / ".build/debug/suanpan")
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--shards", type=int, default=4)
    args = parser.parse_args(argv)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("spark_local.py needs pyspark: pip install pyspark (and Java 17)", file=sys.stderr)
        return 2
    suanpan = str(args.suanpan.resolve())
    example = str(ROOT / "Examples/credit.suan")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        population = folder / "accounts.csv"
        subprocess.run([suanpan, "generate", str(ROOT / "Examples/data/accounts.spec.json"),
                        "--rows", str(args.rows), "--out", str(population)], check=True)
        options = ["--population", f"accounts={population}"]
        single = subprocess.run([suanpan, "run", example, "--scenario", "Credit", "--format", "json"] + options,
                                check=True, capture_output=True).stdout

        spark = (SparkSession.builder.master("local[2]").appName("suanpan-shards")
                 .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        try:
            n = args.shards
            shards = spark.sparkContext.parallelize([f"{k}/{n}" for k in range(1, n + 1)], n)
            command = [str(ROOT / "scripts/shard"), suanpan, example, "Credit"] + options
            lines = shards.pipe(shlex.join(command)).collect()
        finally:
            spark.stop()

        parts = []
        for i, line in enumerate(lines):
            part = folder / f"part-{i}.json"
            part.write_text(line + "\n", encoding="utf-8")
            parts.append(str(part))
        if len(parts) != args.shards:
            print(f"FAIL expected {args.shards} partial results from Spark, got {len(parts)}")
            return 1
        merged = subprocess.run([suanpan, "merge", "--format", "json"] + parts, check=True, capture_output=True).stdout
        if merged != single:
            print("FAIL the merged report differs from the single run's")
            (folder / "single.json").write_bytes(single)
            (folder / "merged.json").write_bytes(merged)
            subprocess.run(["diff", str(folder / "single.json"), str(folder / "merged.json")])
            return 1
        # And merge refuses a set with a shard missing.
        refused = subprocess.run([suanpan, "merge"] + parts[1:], capture_output=True, text=True)
        if refused.returncode == 0 or "shards missing: 1/" not in refused.stderr:
            print(f"FAIL merge accepted partials with shard 1 missing: {refused.stderr}")
            return 1
    print(f"ok   Spark local[2]: {args.shards} shards of {args.rows} accounts piped through scripts/shard "
          "merge into the single run's report, byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
