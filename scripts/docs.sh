#!/usr/bin/env bash
# Build the docs site: nbdev_docs where Quarto exists, else nbdev_proc_nbs + smalldocs (pure Python) into _docs/.
# Also regenerates README.md from nbs/index.ipynb.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
export PATH="$PWD/$VENV/bin:$PATH"
if command -v quarto >/dev/null 2>&1; then
  nbdev_docs
else
  echo "Quarto not found: building with nbdev_proc_nbs + smalldocs"
  nbdev_proc_nbs
  cp nbs/styles.css _proc/ 2>/dev/null || true
  smalldocs render -q _proc
  rm -rf _docs && mv _proc/_docs _docs 2>/dev/null || { rm -rf _docs; cp -r _proc/_site _docs; }
fi
bash scripts/readme.sh
echo "docs: $(find _docs -name '*.html' | wc -l) pages in _docs/ (open _docs/index.html)"
