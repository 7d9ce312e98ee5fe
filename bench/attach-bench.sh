#!/usr/bin/env bash
# The attach-mechanism benchmark (docs/attach-mechanism.md): runs bench/workload while
# ior's kernel work is attached one way or another, then prints the workload's own
# figures ("rate <syscalls/s>", ...) and the consumer's ("events", "lost", "links",
# "attach_ms", "detach_ms", "cpu"). Run as root; repeat and alternate modes to compare.
#
#   bench/attach-bench.sh MODE MIX SECONDS
#   MODE  none       nothing attached
#         raw        ior's raw tracepoint pair (tp_btf sys_enter + sys_exit), full table
#         raw-enter  ior's entry program alone
#         raw-stub   ior's entry program and an exit program that returns at once
#         pertp      the same work on per-syscall tracepoints, one enter and one exit
#                    link per syscall of the table (bench/variants/pertp.bpf.c)
#   MIX   the workload's mix: sched_yield (a syscall ior does not trace) or pread1
#
# Builds into bench/target/ with clang, gcc and libbpf-dev.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mode=${1:?usage: attach-bench.sh MODE MIX SECONDS}
mix=${2:?usage: attach-bench.sh MODE MIX SECONDS}
seconds=${3:?usage: attach-bench.sh MODE MIX SECONDS}
. "$here/common.sh"
out=$bench_out
bench_build >/dev/null
mapfile -t table < <(bench_confs)
case "$mode" in
  none) exec "$out/workload" "$mix" "$seconds" ;;
  raw) consumer=(--only ior_sys_enter --only ior_sys_exit "$out/ior.bpf.o") ;;
  raw-enter) consumer=(--only ior_sys_enter "$out/ior.bpf.o") ;;
  raw-stub) consumer=(--only ior_sys_enter --also "$out/exit-stub.bpf.o" "$out/ior.bpf.o") ;;
  pertp) consumer=(--pertp "$out/pertp.bpf.o") ;;
  *) echo "attach-bench.sh: unknown mode $mode" >&2; exit 2 ;;
esac
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$out/ref-consumer" "${consumer[@]}" 3600 "${table[@]}" 2>"$log" &
consumer_pid=$!
until grep -q '^ready' "$log"; do
  kill -0 "$consumer_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.05
done
"$out/workload" "$mix" "$seconds"
kill -INT "$consumer_pid"
wait "$consumer_pid"
