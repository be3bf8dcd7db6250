"The analysis works from a plain `pip install <repo>` (no extras): no torch, no Docker engine, a TOR table from trajectories"
import json, os, subprocess, sys, textwrap, venv
from pathlib import Path
import pytest

ROOT = Path(__file__).parents[1]

SCRIPT = textwrap.dedent('''
    import json, sys
    from terminal_lego.trajectory import from_sharegpt
    from terminal_lego.egs import egs_table, tor, labelled_set
    from terminal_lego.select import observation_masks, apply_observation_mask
    trajs = [from_sharegpt(r) for r, _, _ in labelled_set()]
    table, commands = egs_table(trajs)
    masked = egs_table([apply_observation_mask(t) for t in trajs])[0]
    heavy = [m for m in ('torch', 'transformers', 'docker', 'vllm') if m in sys.modules]
    print(json.dumps(dict(rows=len(table), commands=len(commands), tor=float(tor(table, by=None)),
                          masked_tor=float(tor(masked, by=None)), heavy=heavy)))
''')

def _installed(pkg:str, py:Path)->bool:
    return subprocess.run([str(py), '-c', f'import {pkg}'], capture_output=True).returncode == 0

@pytest.mark.slow
def test_base_install_analyses_trajectories(tmp_path):
    env_dir = tmp_path/'venv'
    venv.create(env_dir, with_pip=True)
    py = env_dir/'bin'/'python'
    r = subprocess.run([str(py), '-m', 'pip', 'install', '-q', str(ROOT)], capture_output=True, text=True, timeout=1500,
                       env={**os.environ, 'PIP_DISABLE_PIP_VERSION_CHECK': '1'})
    assert r.returncode == 0, f"pip install of the base package failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    assert not _installed('torch', py), "the base install pulled in torch"
    out = subprocess.run([str(py), '-c', SCRIPT], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                         env={k: v for k, v in os.environ.items() if k not in ('DOCKER_HOST', 'PYTHONPATH')} | {'DOCKER_HOST': 'unix:///nonexistent.sock'})
    assert out.returncode == 0, out.stderr[-3000:]
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res['rows'] == 12 and res['commands'] > 40 and res['heavy'] == []
    assert 0 < res['masked_tor'] < res['tor']
