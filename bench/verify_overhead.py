"""Verification overhead on the seed tasks, same run:
(a) our verify() wall time (workers=2, k=2, images already built) vs the sum of the tasks' own commands
    (nop test.sh, then k × (solve.sh + test.sh)) timed as execs in one warm container per task — goal ≤ 1.5×;
(b) ours per oracle+nop pair (verify_task, k=1, one at a time) vs Harbor's `harbor run -a oracle` + `-a nop` on the same
    tasks (one at a time) — goal ≤ 0.25×. Needs .venv-harbor (scripts/harbor_venv.sh); (b) is skipped without it.
Usage: python bench/verify_overhead.py [--harbor-tasks 3]"""
import argparse, json, os, shutil, subprocess, tempfile, time
from pathlib import Path
from terminal_lego.envs import ensure_engine, ensure_base_images
from terminal_lego.tasks import Task, seed_tasks
from terminal_lego.verify import task_image, start_env, run_solution, run_tests, verify, verify_task, for_harbor

ROOT = Path(__file__).resolve().parent.parent

def direct_seconds(task, k):
    "The task's own commands, in one warm container: tests before, then k × (solution, tests)"
    with start_env(task, network=False) as env:
        env.put(task.tests_dir, '/tests'); env.put(task.solution_path.parent, '/solution')
        cmds = ['bash /tests/test.sh'] + ['bash /solution/solve.sh', 'bash /tests/test.sh'] * k
        total = 0.
        for c in cmds:
            t0 = time.monotonic(); r = env.exec(c, timeout=300); total += time.monotonic() - t0
    return total

def harbor_seconds(tasks, jobs):
    harbor = ROOT/'.venv-harbor'/'bin'/'harbor'
    ds = Path(jobs)/'ds'
    for t in tasks: for_harbor(t, ds/t.name)
    t0 = time.monotonic()
    for agent in ('oracle', 'nop'):
        subprocess.run([str(harbor), 'run', '-p', str(ds), '-a', agent, '-e', 'docker', '-o', str(Path(jobs)/agent), '-n', '1', '-y'],
                       check=True, capture_output=True, env={**os.environ, 'HARBOR_TELEMETRY': '0'})
    wall = time.monotonic() - t0
    rewards = {}
    for f in Path(jobs).glob('*/*/*/result.json'):
        d = json.loads(f.read_text()); rewards[(f.parts[-4], d['task_name'])] = ((d.get('verifier_result') or {}).get('rewards') or {}).get('reward')
    return wall, rewards

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--harbor-tasks', type=int, default=3); ap.add_argument('-k', type=int, default=2)
    a = ap.parse_args()
    ensure_engine(verbose=False); ensure_base_images(verbose=False)
    tasks = [Task.read(p) for p in seed_tasks()]
    for t in tasks: task_image(t)                                        # both sides start from built images
    direct = sum(direct_seconds(t, a.k) for t in tasks)
    with tempfile.TemporaryDirectory() as out:
        t0 = time.monotonic(); rows = verify(tasks, out, workers=2, k=a.k, network=False, progress=False); ours = time.monotonic() - t0
    assert all(r['reason'] == 'ok' for r in rows), [(r['task'], r['reason']) for r in rows if r['reason'] != 'ok']
    print(f"(a) {len(tasks)} seed tasks, k={a.k}: tasks' own commands in warm containers {direct:6.1f} s; "
          f"verify(workers=2) wall {ours:6.1f} s")
    line_b = None
    if (ROOT/'.venv-harbor'/'bin'/'harbor').exists():
        sub = tasks[:a.harbor_tasks]
        t0 = time.monotonic()
        pairs = [verify_task(t, k=1, network=False) for t in sub]
        ours_pair = (time.monotonic() - t0) / len(sub)
        assert all(p['reason'] == 'ok' for p in pairs)
        with tempfile.TemporaryDirectory() as jobs:
            hw, rewards = harbor_seconds(sub, jobs)
        harbor_pair = hw / len(sub)
        assert sorted(rewards.values()) == [0.0]*len(sub) + [1.0]*len(sub), rewards
        print(f"(b) {len(sub)} tasks, one at a time: ours {ours_pair:5.2f} s per oracle+nop pair; Harbor {harbor_pair:5.2f} s")
        line_b = f"ratio (b) ours / Harbor per oracle+nop pair: {ours_pair/harbor_pair:.2f}x (goal <= 0.25x)"
    else: print("(b) skipped: no .venv-harbor (run scripts/harbor_venv.sh)")
    print(f"ratio (a) verify wall / tasks' own command time: {ours/direct:.2f}x (goal <= 1.5x)")
    if line_b: print(line_b)
