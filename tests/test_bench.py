"The EGS speed benchmark runs end to end on a small corpus of the realistic shape (its figures are not checked here)"
import json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).parents[1]

def test_corpus_has_the_released_shape(tmp_path):
    sys.path.insert(0, str(ROOT/'bench'))
    from corpus import write_corpus
    from terminal_lego.formats import iter_trajectories
    from terminal_lego.egs import egs_table
    p = write_corpus(tmp_path/'c.jsonl', per_teacher=60)
    recs = [json.loads(l) for l in p.read_text().splitlines()]
    assert len(recs) == 240 and len({r['teacher'] for r in recs}) == 4
    assert 9_000 < p.stat().st_size / len(recs) < 16_000                       # ~12.7 KB a trajectory
    table, _ = egs_table(iter_trajectories(p), commands=False)
    assert 5.5 < table.turns.mean() < 8.5 and 9 < table.commands.mean() < 14     # ~6.8 turns, ~11.7 commands
    assert 0.001 < table.parse_errors.sum() / table.turns.sum() < 0.03          # ~1 % invalid replies
    screens = [c['value'] for r in recs[:20] for c in r['conversations'][2::2]]
    assert all(s.rstrip().endswith('#') and 'root@' in s for s in screens)     # the prompt echoes every command

def test_tor_speed_runs(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT/'bench'/'tor_speed.py'), '--per-teacher', '15', '--baseline', '20',
                        '--corpus', str(tmp_path/'c.jsonl')], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    last = r.stdout.strip().splitlines()[-1]
    assert last.startswith('ours: ') and 'trajectories/s on one core' in last and 'peak RSS' in last, r.stdout
