#!/usr/bin/env bash
# Regenerates ior-bpf's libbpf bindings with jextract. Run it where jextract is
# installed (JEXTRACT=/path/to/jextract, else `jextract` on PATH) after changing
# ior_libbpf.h, symbols.txt or bpf-src/ior_event.h; commit the output. The build
# itself never runs jextract.
#
# The generated code must compile with --release 22: use a jextract whose output
# does not call SymbolLookup.findOrThrow (JDK 23+), e.g. one built from its jdk22
# branch or from a 2024 master.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jextract=${JEXTRACT:-jextract}
package=dev.ior.bpf.ffi
out="$root/ior-bpf/src/main/java"

rm -rf "$out/${package//.//}"
"$jextract" \
  --output "$out" \
  --target-package "$package" \
  --header-class-name Libbpf \
  --library :libbpf.so.1 \
  @"$here/symbols.txt" \
  "$here/ior_libbpf.h"
echo "bindings written to $out/${package//.//}"
