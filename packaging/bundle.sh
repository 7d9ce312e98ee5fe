#!/usr/bin/env bash
# Builds ior's self-contained bundle; run by ior-cli's `bundle` Maven profile
# (./mvnw -Pbundle -DskipTests package):
#   bundle.sh VERSION TARGET_DIR JAVA_HOME CLASSPATH
# leaves TARGET_DIR/ior-VERSION-linux-ARCH/ and its .tar.gz beside it:
#   bin/ior            the launcher (packaging/ior-launcher.sh)
#   lib/ior.jar        the fat jar, ior's CO-RE BPF object inside
#   lib/native/        this host's libbpf.so.1 and the libraries it needs (not glibc),
#                      RUNPATH=$ORIGIN so they find each other
#   runtime/           a Java runtime trimmed by jlink to the modules ior uses
#   share/man/man1/    man pages generated from the picocli model
#   share/bash-completion/completions/ior
#   share/doc/ior/     README, CHANGELOG, the bundled libraries' copyright files
# The bundle runs on any Linux with a BTF kernel and the glibc the bundled libraries
# need (glibc 2.33+ with Debian 12's), without Java or libbpf installed.
set -euo pipefail

# Java modules jdeps cannot see (reached only by reflection or ServiceLoader): add
# them here, e.g. jdk.charsets for non-UTF-8 terminals, jdk.crypto.ec for TLS.
EXTRA_MODULES=()

version=$1
target=$2
java_home=$3
classpath=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
arch=$(uname -m)
name="ior-$version-linux-$arch"
stage="$target/$name"
jar="$target/ior.jar"
work="$target/bundle-work"

say() { echo "bundle: $*" >&2; }
need() { command -v "$1" >/dev/null || { say "needs $1 ($2)"; exit 1; }; }
need patchelf "apt-get install patchelf"
need asciidoctor "apt-get install asciidoctor"

rm -rf "$stage" "$work" "$target/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/lib/native" "$stage/share/man/man1" \
  "$stage/share/bash-completion/completions" "$stage/share/doc/ior/licenses" "$work"

# --- the Java runtime: the modules the jar uses, as jdeps finds them, plus EXTRA_MODULES
release=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')
modules=$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$release" "$jar")
if [ ${#EXTRA_MODULES[@]} -gt 0 ]; then
  modules="$modules,$(IFS=,; echo "${EXTRA_MODULES[*]}")"
fi
say "jlink $modules"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress zip-6 --output "$stage/runtime"

# --- ior
cp "$jar" "$stage/lib/ior.jar"
install -m 755 "$here/ior-launcher.sh" "$stage/bin/ior"
cp "$root/README.md" "$root/CHANGELOG.md" "$stage/share/doc/ior/"

# --- libbpf and what it links, except glibc (every host has its own)
libbpf=$(ldconfig -p | sed -n 's/^[[:space:]]*libbpf\.so\.1 (.*) => //p' | head -n 1)
[ -n "$libbpf" ] || { say "libbpf.so.1 is not installed here (apt-get install libbpf1)"; exit 1; }
copy_library() { # SONAME PATH
  cp -L "$2" "$stage/lib/native/$1"
  chmod 644 "$stage/lib/native/$1"
  patchelf --set-rpath '$ORIGIN' "$stage/lib/native/$1"
  local file package
  file=$(readlink -f "$2")
  package=$(dpkg -S "$file" 2>/dev/null || dpkg -S "${file#/usr}" 2>/dev/null || true)
  package=${package%%:*}
  if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
    cp "/usr/share/doc/$package/copyright" "$stage/share/doc/ior/licenses/$package.copyright"
  fi
}
copy_library libbpf.so.1 "$libbpf"
while read -r soname path; do
  case "$soname" in
    libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|ld-linux*) ;;
    *) copy_library "$soname" "$path" ;;
  esac
done < <(ldd "$libbpf" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}')

# --- man pages and bash completion, from the picocli command model
java_docs() { "$java_home/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" "$@"; }
java_docs picocli.codegen.docgen.manpage.ManPageGenerator --exit -d "$work/adoc" dev.ior.cli.IorCommand
sed -i 's/^:manmanual: .*/:manmanual: ior manual/' "$work"/adoc/*.adoc
asciidoctor -b manpage -D "$stage/share/man/man1" "$work"/adoc/*.adoc
gzip -9n "$stage"/share/man/man1/*.1
java_docs -Dpicocli.autocomplete.systemExitOnError=true picocli.AutoComplete -f -n ior \
  -o "$stage/share/bash-completion/completions/ior" dev.ior.cli.IorCommand

# --- the archive, files owned by root
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$target" -czf "$target/$name.tar.gz" "$name"
rm -rf "$work"
say "$target/$name.tar.gz: $(du -h "$target/$name.tar.gz" | cut -f1) ($(du -sh "$stage" | cut -f1) unpacked)"
