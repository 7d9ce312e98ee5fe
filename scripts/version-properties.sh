#!/usr/bin/env bash
# Writes ior's build identity for dev.ior.core.IorVersion: the POM's semantic version
# and the git commit the build came from ("-dirty" when tracked files had changes,
# "unknown" outside a git checkout). Run by ior-core's build:
#   version-properties.sh OUT.properties VERSION
set -euo pipefail
out=$1
version=$2
root=$(cd "$(dirname "$0")/.." && pwd)
# safe.directory: `sudo ./run-tests` builds a checkout owned by another user.
git_() { git -c safe.directory="$root" -C "$root" "$@" 2>/dev/null; }
commit=unknown
if command -v git >/dev/null 2>&1 && head=$(git_ rev-parse --short=12 HEAD); then
  commit=$head
  [ -z "$(git_ status --porcelain --untracked-files=no)" ] || commit="$commit-dirty"
fi
mkdir -p "$(dirname "$out")"
printf 'version=%s\ncommit=%s\n' "$version" "$commit" > "$out"
