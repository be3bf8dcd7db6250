#!/usr/bin/env bash
# System packages the tests use: chromium (docs render check), debootstrap (local base images), tmux.
# Installed with apt-get when running as root on Debian and missing; otherwise says what is missing and goes on.
set -uo pipefail
# Usage: system_deps.sh [PROGRAM...]   (default: all three; `make demo` asks only for debootstrap and tmux)
need=()
for p in ${*:-chromium debootstrap tmux}; do command -v "$p" >/dev/null 2>&1 || need+=("$p"); done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || echo "warning: apt-get install ${need[*]} failed; the tests that need them will fail or skip"
else
  echo "note: missing ${need[*]} (not root/apt): the docs render test skips without chromium"
fi
