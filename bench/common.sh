# Shared by ior's benchmark scripts (run.sh, attach-bench.sh): builds the workload,
# the C reference consumer and ior's BPF object into bench/target/, and lists the
# syscall settings ior writes, for the reference to write the same.
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench_out=$bench_dir/target

# bench/target/{workload,ref-consumer,ior.bpf.o}, and the attach study's variants.
bench_build() {
  mkdir -p "$bench_out"
  [ "$bench_out/workload" -nt "$bench_dir/workload.c" ] ||
    gcc -O2 -Wall -pthread -o "$bench_out/workload" "$bench_dir/workload.c"
  [ "$bench_out/ref-consumer" -nt "$bench_dir/ref-consumer.c" ] ||
    gcc -O2 -Wall -o "$bench_out/ref-consumer" "$bench_dir/ref-consumer.c" -lbpf
  "$bench_dir/../bpf-src/build.sh" "$bench_out/ior.bpf.o"
  for variant in pertp exit-stub; do
    clang -O2 -g -target bpf -D__TARGET_ARCH_x86 -Wall -Werror -I "$bench_dir/../bpf-src" \
      -c "$bench_dir/variants/$variant.bpf.c" -o "$bench_out/$variant.bpf.o"
  done
}

# name:nr:path_arg:path2_arg:deref_arg:track:fd_ident:inode_fd of every syscall ior traces
# by default (the table's rows not in syscalls-ignored.tsv) that this kernel has: the
# ior_syscall_conf that ior's KernelMaps writes for it.
bench_confs() {
  local events=/sys/kernel/tracing/events/syscalls
  awk -F'\t' 'FNR == NR { if (!/^#/) off[$1] = 1; next }
    !/^#/ && $1 != "name" && $1 !~ /:/ && !($1 in off) {
      path = 0; target = 0; path2 = 0; deref = 0; fd = 0; n = split($5, roles, ",")
      for (i = 1; i <= n; i++) {
        if (roles[i] == "path") path = i
        if (roles[i] == "target") target = i
        if (roles[i] == "path2") path2 = i
        if (roles[i] == "deref") deref = i
        if (roles[i] == "fd" && !fd) fd = i
      }
      track = $6 != "-"
      ident = 0
      if ($6 == "new_fd" || $6 == "new_fd_cloexec") ident = (path || $4 == "open") ? 0 : 1
      if ($6 == "pipe") ident = 2
      inode = fd
      if ($6 == "close" || $6 == "close_range" || $6 == "pipe") inode = 0
      if ($6 == "new_fd" || $6 == "new_fd_cloexec") inode = ($4 == "open" || path) ? 7 : 0
      if ($6 == "dup") inode = 7
      print $1 ":" $2 ":" (path ? path : target) ":" path2 ":" deref ":" track ":" ident ":" inode
    }' "$bench_dir/../bpf-src/syscalls-ignored.tsv" "$bench_dir/../bpf-src/syscalls.tsv" |
    while IFS=: read -r name rest; do
      if [ -d "$events/sys_enter_$name" ]; then echo "$name:$rest"; fi
    done
}
