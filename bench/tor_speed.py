"""Full EGS analysis speed on a synthetic corpus the size of the paper's (4 teachers x 8.1K trajectories, ~7 turns each).
Times ShareGPT record -> Trajectory -> per-trajectory + per-command tables on one core; goal: the whole corpus in <= 30 s.
Baseline in the same run: the same analysis with every line parsed by bashlex and no parse or classification memo
(the obvious implementation). Ours starts with every cache empty.
Rates are CPU-time based (the analysis is single-threaded), so they hold on a shared machine; wall time is printed too.
Usage: python bench/tor_speed.py [--per-teacher 8100] [--baseline 1000]"""
import argparse, json, os, random, time
from terminal_lego import egs, commands
from terminal_lego.trajectory import from_sharegpt

NAMES = ['app', 'main', 'utils', 'config', 'data', 'report', 'server', 'parse', 'model', 'test_io', 'cli', 'db']
EXTS = ['py', 'txt', 'json', 'csv', 'ini', 'sh', 'yaml', 'c']

def _path(r):
    return f"/app/{r.choice(['', 'src/', 'data/', 'scripts/', 'task_file/'])}{r.choice(NAMES)}{r.randrange(500)}.{r.choice(EXTS)}"

def _command(r, p):
    "One keystrokes line of a random kind, about the mix seen in teacher trajectories"
    d = os.path.dirname(p)
    return r.choice([f'ls -la {d}\n', f'cat {p}\n', f'head -n 20 {p}\n', f'grep -n "def " {p}\n', f'find {d} -name "*.py"\n',
                     f'wc -l {p}\n', f"sed -i 's/old{r.randrange(99)}/new/' {p}\n", f"cat > {p} <<'EOF'\nline {r.random()}\nEOF\n",
                     f'python3 {p}\n', f'cd {d} && ls\n', f'echo "v={r.randrange(9)}" >> {p}\n', f'mkdir -p {d}/out{r.randrange(50)}\n',
                     f'pip install pkg{r.randrange(40)}\n', f'python3 -c "import json; print(json.load(open(\'{p}\')))"\n',
                     f'pytest -q {d}\n', f'cat {p} | grep -v "#" | sort | uniq -c\n', f'chmod +x {p} && {p}\n'])

def corpus(per_teacher, seed=0):
    r = random.Random(seed)
    for teacher in ('claude', 'qwen', 'glm', 'deepseek'):
        for k in range(per_teacher):
            conv = [{'from': 'human', 'value': 'Task Description:\nsynthetic task\n\nCurrent terminal state:\nroot@x:/app# '}]
            for _ in range(max(1, int(r.gauss(7, 2)))):
                files = [_path(r) for _ in range(2)]
                cmds = [{'keystrokes': _command(r, r.choice(files)), 'duration': 0.1} for _ in range(r.randint(1, 3))]
                conv.append({'from': 'gpt', 'value': json.dumps({'analysis': 'x', 'plan': 'y', 'commands': cmds, 'task_complete': False})})
                conv.append({'from': 'human', 'value': r.choice(['ok\n', 'Traceback (most recent call last):\n', '', 'a b c\n'])})
            yield {'conversations': conv, 'teacher': teacher, 'task_name': f't{k}', 'reward': 1}

def run(records):
    "Full analysis; returns (wall s, CPU s of this process, tables) — CPU time is the one-core figure on a shared machine"
    t0, c0 = time.perf_counter(), time.process_time()
    table, per_command = egs.egs_table(from_sharegpt(r) for r in records)
    return time.perf_counter() - t0, time.process_time() - c0, table, per_command

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--per-teacher', type=int, default=8100); ap.add_argument('--baseline', type=int, default=1000)
    a = ap.parse_args()
    os.environ.setdefault('OMP_NUM_THREADS', '1')   # the analysis itself is single-threaded; keep libraries so too
    records = list(corpus(a.per_teacher))
    n = len(records)
    # baseline: bashlex for every line, no memo, on a sample
    fast = commands.parse_line
    def bashlex_only(line):
        for name, fn in (('bashlex', commands._bashlex), ('shlex', commands._group_shlex)):
            try: return name, tuple((tuple(w), tuple(r)) for w, r in fn(line))
            except Exception: continue
        return 'split', ()
    sample = records[::max(1, n // a.baseline)][:a.baseline]
    memo = commands._classified
    commands.parse_line, commands._classified = bashlex_only, memo.__wrapped__
    try: base_s, base_cpu, _, _ = run(sample)
    finally: commands.parse_line, commands._classified = fast, memo
    for cached in (commands.parse_line, commands._classified, commands.resolve): cached.cache_clear()   # ours starts cold
    ours_s, ours_cpu, table, per_command = run(records)
    base_rate, ours_rate = len(sample)/base_cpu, n/ours_cpu
    print(f"corpus: {n} trajectories, {int(table.turns.sum())} turns ({table.turns.mean():.1f}/trajectory), {len(per_command)} commands")
    print(f"TOR per teacher (pooled): " + ', '.join(f'{k} {v:.3f}' for k, v in egs.tor(table).items()))
    print(f"baseline (bashlex every line, no memo), {len(sample)} trajectories: {base_rate:8.0f} trajectories/s (CPU), {base_s:.1f} s wall")
    print(f"ours, full corpus: {ours_cpu:6.1f} s CPU on one core ({ours_s:.1f} s wall)  {ours_rate:8.0f} trajectories/s  (goal: <= 30 s)")
    print(f"speed-up ours / baseline: {ours_rate/base_rate:.1f}x")
