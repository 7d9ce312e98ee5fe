#!/bin/sh
# ior's launcher: runs ior.jar on the Java runtime beside it. In the self-contained
# bundle it also points ior at the bundled libbpf (lib/native, which finds its own
# libelf and libz there); the .deb has no lib/native and uses the system's libbpf1.
# IOR_JAVA_OPTS adds JVM options, e.g. IOR_JAVA_OPTS=-Xmx2g.
set -e
home=$(dirname "$(dirname "$(readlink -f "$0")")")
libbpf="$home/lib/native/libbpf.so.1"
if [ -f "$libbpf" ]; then
  # shellcheck disable=SC2086 # IOR_JAVA_OPTS holds several words
  exec "$home/runtime/bin/java" "-Dior.libbpf=$libbpf" ${IOR_JAVA_OPTS:-} -jar "$home/lib/ior.jar" "$@"
fi
# shellcheck disable=SC2086
exec "$home/runtime/bin/java" ${IOR_JAVA_OPTS:-} -jar "$home/lib/ior.jar" "$@"
