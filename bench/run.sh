#!/usr/bin/env bash
# ior's end-to-end benchmark, one command on a fresh machine: sudo bench/run.sh [OPTION...]
# Installs the tracers ior is compared with (bpftrace, strace, linux-perf) and what
# builds the workload and the C reference, builds ior when its sources changed, then
# runs every configuration side by side (bench/bench.py --help lists the options), prints
# one table per workload and writes BENCHMARKS.md and bench/results/.
#   --jmh   also run the JMH benchmarks of the Java hot path (about 15 more minutes)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(dirname "$here")
. "$root/scripts/env.sh"
if [ "$(id -u)" -ne 0 ]; then
  ior_say "the benchmark loads BPF programs and attaches tracers: run it with sudo"
  exit 1
fi
ior_require_jdk
ior_require_packages "${IOR_BUILD_PACKAGES[@]}" "${IOR_BENCH_PACKAGES[@]}"
"$root/ior" --version >/dev/null # builds ior (and the JMH jar) when the sources changed
mountpoint -q /sys/kernel/tracing || mount -t tracefs tracefs /sys/kernel/tracing
. "$here/common.sh"
bench_build >/dev/null
bench_confs >"$bench_out/confs.txt"
args=()
for arg in "$@"; do
  if [ "$arg" = --jmh ]; then
    python3 "$here/jmh.py" "$root/ior-bench/target/benchmarks.jar" "$here/results"
  else
    args+=("$arg")
  fi
done
exec python3 "$here/bench.py" --confs "$bench_out/confs.txt" --command "sudo bench/run.sh${*:+ $*}" "${args[@]}"
