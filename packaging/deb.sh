#!/usr/bin/env bash
# Builds ior's .deb from the bundle that bundle.sh left; run by ior-cli's `bundle`
# Maven profile after it:
#   deb.sh VERSION TARGET_DIR
# leaves TARGET_DIR/ior_VERSION_DEBARCH.deb. The package depends on Debian's libbpf1
# instead of bundling libbpf; it keeps the bundle's trimmed Java runtime (Debian 12's
# apt has no JDK 22+). It installs:
#   /usr/lib/ior/{bin/ior,lib/ior.jar,runtime/}   and /usr/bin/ior -> ../lib/ior/bin/ior
#   /usr/share/man/man1/ior*.1.gz
#   /usr/share/bash-completion/completions/ior
#   /usr/share/doc/ior/{README.md,CHANGELOG.md}
set -euo pipefail
version=$1
target=$2
bundle="$target/ior-$version-linux-$(uname -m)"
arch=$(dpkg --print-architecture)
deb="$target/ior_${version}_$arch.deb"
root="$target/deb-root"
[ -x "$bundle/bin/ior" ] || { echo "deb: no bundle at $bundle (bundle.sh runs first)" >&2; exit 1; }

rm -rf "$root" "$deb"
mkdir -p "$root/DEBIAN" "$root/usr/lib/ior/lib" "$root/usr/bin" "$root/usr/share/doc/ior" "$root/usr/share/man"
cp -a "$bundle/bin" "$bundle/runtime" "$root/usr/lib/ior/"
cp -a "$bundle/lib/ior.jar" "$root/usr/lib/ior/lib/"
ln -s ../lib/ior/bin/ior "$root/usr/bin/ior"
cp -a "$bundle/share/man/man1" "$root/usr/share/man/"
cp -a "$bundle/share/bash-completion" "$root/usr/share/"
cp -a "$bundle/share/doc/ior/README.md" "$bundle/share/doc/ior/CHANGELOG.md" "$root/usr/share/doc/ior/"

# The newest glibc symbol version the Java runtime links against.
glibc=$(find "$root/usr/lib/ior/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V -u | tail -n 1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: ior
Version: $version
Architecture: $arch
Maintainer: ior developers <ior@localhost>
Depends: libbpf1 (>= 1:1.0), libc6 (>= $glibc)
Section: admin
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Description: trace the file I/O of a Linux host with eBPF
 ior shows which process reads and writes which file with which syscall, how
 slow each call is and why, from eBPF programs on the kernel's syscall
 tracepoints. Needs a kernel with BTF (CONFIG_DEBUG_INFO_BTF) and root.
 Bundles its own trimmed Java runtime.
CONTROL
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
rm -rf "$root"
echo "deb: $deb: $(du -h "$deb" | cut -f1)" >&2
