#!/usr/bin/env bash
# Compiles ior's CO-RE BPF object: build.sh OUTPUT.bpf.o. Also writes OUTPUT-inode.bpf.o,
# the same object identifying each fd by its inode, for kernels with the bpf_rdonly_cast
# kfunc (Linux 6.2+): ior loads it where the kernel allows, the plain one elsewhere.
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
compile() {
  local object=$1
  shift
  clang -O2 -g -target bpf "-D__TARGET_ARCH_$target_arch" -Wall -Werror "$@" \
    -I "$here" -c "$here/ior.bpf.c" -o "$object"
  # Drop DWARF, keep BTF (.BTF, .BTF.ext): CO-RE needs only BTF.
  if command -v llvm-strip >/dev/null; then
    llvm-strip -g "$object"
  fi
}
compile "$out"
compile "${out%.bpf.o}-inode.bpf.o" -DIOR_FD_INODE
