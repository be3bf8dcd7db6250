#!/usr/bin/env bash
# Build the docs site: nbdev_docs where Quarto exists, else nbdev_proc_nbs + smalldocs (pure Python) into _docs/.
# Also regenerates README.md from nbs/index.ipynb.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
export PATH="$PWD/$VENV/bin:$PATH"
# The sidebar: the index, then the numbered notebooks, then any pages and experiments.
python - <<'PY'
from pathlib import Path
nbs = Path('nbs')
main = ['index.ipynb'] + sorted(p.name for p in nbs.glob('[0-9][0-9]*_*.ipynb'))
pages = sorted(p.name for p in nbs.glob('*.md'))
exps = sorted(f"experiments/{p.name}" for p in (nbs/'experiments').glob('*.ipynb'))
lines = ['website:', '  sidebar:', '    contents:'] + [f'      - {n}' for n in main + pages]
if exps: lines += ['      - section: Experiments (papermill)', '        contents:'] + [f'          - {n}' for n in exps]
(nbs/'sidebar.yml').write_text('\n'.join(lines) + '\n')
PY
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
