"""EGS analysis speed on a corpus shaped like the released Terminal-Lego data (bench/corpus.py: 4 teachers x 8,100
matched tasks, ~12 KB, ~6.8 turns and ~11.5 commands a trajectory, real-sized screens).
Times the default analysis, file -> records -> Trajectory -> commands -> TOR, flow, audit, error turns -> per-trajectory
table, on one core (CPU time of a child process; peak RSS of that process), streaming the JSONL file.
Baseline, in the same run on a sample: the same analysis with every line parsed by bashlex and no memo of parsing,
classification or arguments (the obvious implementation). Each measurement runs in a fresh process, caches empty.
Usage: python bench/tor_speed.py [--per-teacher 8100] [--baseline 1000] [--corpus PATH]"""
import argparse, json, os, resource, subprocess, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus

def measure_workers(path:str, workers:int)->dict:
    "The default analysis of the whole file over `workers` processes (egs_file): wall time is the figure"
    from terminal_lego import egs
    import pandas, pyarrow, bashlex; bashlex.parse('true')
    t0 = time.perf_counter()
    table, _ = egs.egs_file(path, workers=workers)
    return dict(n=len(table), commands=int(table.commands.sum()), wall=time.perf_counter() - t0)

def measure(path:str, limit:int|None, baseline:bool, per_command:bool)->dict:
    "Analyse the first `limit` records of `path` in this process; CPU s, wall s, peak RSS, counts"
    import itertools
    from terminal_lego import egs, commands, flow
    from terminal_lego.formats import iter_trajectories
    if baseline:
        def bashlex_only(line):
            for name, fn in (('bashlex', commands._bashlex), ('shlex', commands._group_shlex)):
                try: return name, tuple((tuple(w), tuple(r)) for w, r in fn(line))
                except Exception: continue
            return 'split', ()
        commands.parse_line, commands._classified = bashlex_only, commands._classified.__wrapped__
        flow._arguments = flow._arguments.__wrapped__
    import pandas, pyarrow, bashlex; bashlex.parse('true')   # imports and parser tables are not the analysis
    t0, c0 = time.perf_counter(), time.process_time()
    table, per_cmd = egs.egs_table(itertools.islice(iter_trajectories(path), limit), commands=per_command)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    return dict(n=len(table), commands=int(table.commands.sum()), cpu=cpu, wall=wall,
                rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                tor={k: round(v, 4) for k, v in egs.tor(table).items()})

def child(path, limit, baseline=False, per_command=False, workers=None)->dict:
    "`measure` in a fresh process (the analysis is single-threaded: its CPU time is the one-core figure)"
    call = f"measure_workers({str(path)!r}, {workers})" if workers else \
           f"measure({str(path)!r}, {limit!r}, {baseline!r}, {per_command!r})"
    code = (f"import sys, json; sys.path.insert(0, {str(Path(__file__).parent)!r}); from tor_speed import *; "
            f"print(json.dumps({call}))")
    pin = []
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                         env={**os.environ, 'OMP_NUM_THREADS': '1'})
    if out.returncode: sys.exit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])

def line(name, r):
    return (f"{name:34s} {r['n']/r['cpu']:7.0f} trajectories/s  {1e6*r['cpu']/r['commands']:6.1f} µs/command  "
            f"peak RSS {r['rss']/2**20:5.0f} MiB  ({r['cpu']:.1f} s CPU, {r['wall']:.1f} s wall, {r['n']} trajectories)")

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--per-teacher', type=int, default=8100); ap.add_argument('--baseline', type=int, default=1000)
    ap.add_argument('--workers', type=int, default=os.cpu_count(), help='processes for the egs_file line')
    ap.add_argument('--corpus', default=None, help='JSONL corpus, generated there if missing (default: in ~/.cache)')
    a = ap.parse_args()
    cache = Path(os.environ.get('XDG_CACHE_HOME', Path.home()/'.cache'))/'terminal_lego'/'bench'
    path = Path(a.corpus or cache/f'corpus-{a.per_teacher}.jsonl'); path.parent.mkdir(parents=True, exist_ok=True)
    path = write_corpus(path, a.per_teacher)
    size = path.stat().st_size
    print(f"corpus: {path.name}, {size/2**20:.0f} MiB, {os.cpu_count()} cores here, each measurement on one")
    base = child(path, a.baseline, baseline=True)
    print(line('baseline (bashlex, no memo)', base))
    full = child(path, None, per_command=True)
    print(line('ours + per-command table', full))
    ours = child(path, None)
    print(line('ours (default analysis)', ours))
    if a.workers > 1:
        par = child(path, None, workers=a.workers)
        print(f"{'egs_file, ' + str(a.workers) + ' processes':34s} {par['n']/par['wall']:7.0f} trajectories/s wall "
              f"({par['wall']:.1f} s; {os.cpu_count()} cores here, shared with whatever else runs)")
    print(f"TOR per teacher (pooled): " + ', '.join(f'{k} {v:.3f}' for k, v in ours['tor'].items()))
    print(f"speed-up ours / baseline: {ours['n']/ours['cpu'] / (base['n']/base['cpu']):.1f}x; "
          f"peak RSS {ours['rss']/size:.2f}x the input file")
    print(f"ours: {ours['n']/ours['cpu']:.0f} trajectories/s on one core (goal: >= 3,200), "
          f"peak RSS {ours['rss']/2**20:.0f} MiB for a {size/2**20:.0f} MiB file (goal: <= file size)")
