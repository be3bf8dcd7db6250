"The miniature experiment's quick path, run the way users run it: `terminal-lego sweep` over a grid, on a fresh folder"
import json, subprocess, sys, pytest, yaml
from pathlib import Path

ROOT = Path(__file__).parents[1]
pytestmark = [pytest.mark.docker, pytest.mark.slow]

def test_miniature_quick_path_through_sweep(base_images, tmp_path):
    "Every condition on shared rollouts, one training step each: the tables, figures and metrics are written"
    grid = tmp_path/'grid.yaml'
    grid.write_text(yaml.safe_dump(dict(families='log-errors', held_out_families='perms-fix', instances=2,
                                        held_out_instances=1, held_out_family_instances=1, mixed='0.5',
                                        train_seeds=['0'], max_steps=1, workers=4, batch=4, max_turns=2, max_tokens=24,
                                        run_dir=str(tmp_path/'run'))))
    r = subprocess.run([sys.executable, '-m', 'terminal_lego.cli', 'sweep', str(ROOT/'nbs'/'experiments'/'miniature.ipynb'),
                        '--grid', str(grid), '--out', str(tmp_path/'sweep')], capture_output=True, text=True, timeout=1500)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    status = json.loads(next((tmp_path/'sweep'/'runs').glob('*.status.json')).read_text())
    assert status['status'] == 'ok', status
    metrics = json.loads((tmp_path/'run'/'metrics.json').read_text())
    assert metrics['train_tasks'] == 2 and metrics['instances_tasks'] == 1 and metrics['families_tasks'] == 1
    for k in ('grounded', 'terse', 'base', 'masked', 'high_tor', 'low_tor'): assert 0 <= metrics[k] <= 100, k
    assert metrics['grounded_target_tokens'] > metrics['terse_target_tokens'] > 0   # inspecting teachers write more
    for f in ('tor_vs_student.png', 'masking_and_flow.png'): assert (tmp_path/'run'/'figures'/f).stat().st_size > 5000
    students = sorted(p.name for p in (tmp_path/'run'/'students').iterdir())
    assert students == sorted(['base', 'terse', 'grounded', 'mixed_0.5', 'high-TOR_half', 'low-TOR_half',
                               'grounded_masked']), students
    # a rerun resumes: nothing is trained or evaluated again
    done = {p: p.stat().st_mtime_ns for p in (tmp_path/'run'/'students').glob('*/done.json')}
    r2 = subprocess.run([sys.executable, '-m', 'terminal_lego.cli', 'sweep', str(ROOT/'nbs'/'experiments'/'miniature.ipynb'),
                         '--grid', str(grid), '--out', str(tmp_path/'sweep2')], capture_output=True, text=True, timeout=900)
    assert r2.returncode == 0, r2.stderr[-3000:]
    assert {p: p.stat().st_mtime_ns for p in done} == done
