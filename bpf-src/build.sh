#!/usr/bin/env bash
# Compiles ior's CO-RE BPF object: build.sh OUTPUT.o
# Needs clang (BPF target) and libbpf's BPF headers (Debian: clang, libbpf-dev). No
# kernel headers and no BTF of the build host: vmlinux_min.h declares what is used.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUTPUT.o}
arch=$(uname -m)
case "$arch" in
  x86_64) target_arch=x86 ;;
  *) echo "bpf-src/build.sh: unsupported architecture $arch (x86_64 only so far)" >&2; exit 1 ;;
esac
command -v clang >/dev/null || { echo "bpf-src/build.sh: clang is missing: apt-get install clang" >&2; exit 1; }
[ -f /usr/include/bpf/bpf_helpers.h ] || { echo "bpf-src/build.sh: libbpf headers are missing: apt-get install libbpf-dev" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
clang -O2 -g -target bpf "-D__TARGET_ARCH_$target_arch" -Wall -Werror \
  -I "$here" -c "$here/ior.bpf.c" -o "$out"
# Drop DWARF, keep BTF (.BTF, .BTF.ext): CO-RE needs only BTF.
if command -v llvm-strip >/dev/null; then
  llvm-strip -g "$out"
fi
