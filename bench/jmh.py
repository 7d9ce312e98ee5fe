#!/usr/bin/env python3
"""Runs ior's JMH benchmarks (the Java hot path) and writes their table for BENCHMARKS.md.

    bench/jmh.py BENCHMARKS_JAR RESULTS_DIR [JMH_ARGUMENT...]

Called by `bench/run.sh --jmh`. Runs the jar on one thread with the iterations the
benchmarks declare, keeps JMH's JSON (RESULTS_DIR/jmh.json) and writes RESULTS_DIR/jmh.md:
one row per benchmark and parameter set, throughputs in events per second (every
benchmark counts one operation per event) and average times in milliseconds.
"""
import json
import os
import subprocess
import sys


def java():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else "java"


def row(result):
    name = result["benchmark"].rsplit(".", 2)
    params = ", ".join(f"{k}={v}" for k, v in sorted(result.get("params", {}).items()))
    metric = result["primaryMetric"]
    score, error, unit = metric["score"], metric["scoreError"], metric["scoreUnit"]
    if unit == "ops/s":
        shown = f"{score / 1e6:.2f} M events/s ± {error / 1e6:.2f}"
    elif unit == "ms/op":
        shown = f"{score:.2f} ms ± {error:.2f}"
    else:
        shown = f"{score:.3g} {unit} ± {error:.2g}"
    return f"| {name[-2]}.{name[-1]} | {params or '-'} | {shown} |"


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: jmh.py BENCHMARKS_JAR RESULTS_DIR [JMH_ARGUMENT...]")
    jar, results = sys.argv[1], sys.argv[2]
    os.makedirs(results, exist_ok=True)
    raw = os.path.join(results, "jmh.json")
    subprocess.run([java(), "-jar", jar, "-t", "1", "-rf", "json", "-rff", raw, *sys.argv[3:]], check=True)
    with open(raw) as f:
        rows = [row(r) for r in json.load(f)]
    table = ["| Benchmark | Parameters | Score (one thread) |", "|---|---|---|", *rows]
    with open(os.path.join(results, "jmh.md"), "w") as f:
        f.write("\n".join(table) + "\n")
    print("\n".join(table))


if __name__ == "__main__":
    main()
