# Sourced by ./ior and ./run-tests: finds a JDK 22+ and the Debian packages ior
# needs, installing packages when run as root, or saying exactly what to run.

ior_say() { echo "ior: $*" >&2; }

# Sets JAVA_HOME to the first JDK 22 or later among: $JAVA_HOME, /usr/lib/jvm/*,
# the java on PATH.
ior_require_jdk() {
  local candidate version
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/*; do candidates+=("$candidate"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 22 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  ior_say "needs a JDK 22 or later and found none (Debian 12's apt has only 17)."
  ior_say "install one, e.g. Temurin 25 (https://adoptium.net) under /usr/lib/jvm, or set JAVA_HOME to it."
  exit 1
}

# Installs the named Debian packages that are missing (as root), or prints the
# command that would (otherwise) and exits.
ior_require_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    ior_say "missing Debian packages: ${missing[*]}"
    ior_say "install them with: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  ior_say "installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1 || true
    apt-get install -y -q "${missing[@]}" >/dev/null || {
      ior_say "apt-get install ${missing[*]} failed"; exit 1; }
  fi
}

# Packages to build ior (the BPF object needs clang and libbpf's headers) and run it.
IOR_BUILD_PACKAGES=(clang llvm libbpf-dev libbpf1)
# Packages the test suite needs on top: gcc for the workload helpers, bpftool to check
# that nothing stays attached, liburing for io_uring tests, tmux for the dashboard.
IOR_TEST_PACKAGES=(gcc bpftool liburing-dev tmux)
# Packages to build the self-contained bundle and the .deb (./mvnw -Pbundle package,
# which ./run-tests does): patchelf points the bundled libbpf at its own libelf/libz,
# asciidoctor turns the generated man pages into roff, binutils' objdump reads the
# glibc the Java runtime needs.
IOR_BUNDLE_PACKAGES=(patchelf asciidoctor binutils)
# Packages the end-to-end benchmark (bench/run.sh, never ./run-tests) needs: the tracers
# ior is compared with, gcc for the workload and the C reference, python3 for the driver.
IOR_BENCH_PACKAGES=(gcc bpftrace strace linux-perf python3)
