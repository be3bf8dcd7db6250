#!/usr/bin/env bash
# README.md from nbs/index.ipynb: nbdev_readme with Quarto, nbconvert without (directives and hidden cells dropped).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
export PATH="$PWD/$VENV/bin:$PATH"
if command -v quarto >/dev/null 2>&1; then nbdev_readme; exit; fi
python - <<'PY'
import json, re, subprocess, tempfile, pathlib
nb = json.loads(pathlib.Path('nbs/index.ipynb').read_text())
cells = []
for c in nb['cells']:
    src = ''.join(c['source'])
    if c['cell_type'] == 'code':
        if re.search(r'^#\|\s*(hide|export)', src, re.M): continue
        c = {**c, 'source': re.sub(r'^#\|.*\n?', '', src, flags=re.M)}
    cells.append(c)
nb['cells'] = cells
with tempfile.TemporaryDirectory() as d:
    p = pathlib.Path(d, 'README.ipynb'); p.write_text(json.dumps(nb))
    subprocess.run(['jupyter', 'nbconvert', '--to', 'markdown', '--log-level=ERROR', str(p), '--output-dir', d], check=True)
    md = pathlib.Path(d, 'README.md').read_text()
md = re.sub(r'\]\(images/', '](nbs/images/', md)   # the figures live beside the notebooks
pathlib.Path('README.md').write_text('<!-- generated from nbs/index.ipynb by scripts/readme.sh: edit the notebook -->\n\n' + md)
PY
