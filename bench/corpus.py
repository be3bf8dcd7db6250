"""A seeded corpus shaped like the released Terminal-Lego trajectories, for the EGS benchmarks.
ShareGPT-Terminus records, 4 teachers x N matched tasks; the first human turn is the Terminus prompt with a task
description; replies are Terminus JSON (1 % of them invalid); screens echo every command after `root@<12 hex>:<cwd># `,
heredoc bodies as `> ` lines, then 0-60 output lines. About 12.7 KB, 6.8 assistant turns and 11.7 commands a record.
Usage: python bench/corpus.py OUT.jsonl [--per-teacher 8100]   (or import `write_corpus`)"""
import argparse, json, random
from pathlib import Path

PROMPT = (Path(__file__).parents[1]/'terminal_lego'/'prompts'/'terminus'/'json.md').read_text()
WORDS = ('the app config file should parse each line and write the result to a report so that tests pass when run '
         'with python three the service reads settings from an ini file but the value is wrong after restart fix it '
         'without changing the tests keep the format of every other line intact log entries use an iso timestamp').split()
NAMES = ['app', 'main', 'utils', 'config', 'settings', 'report', 'server', 'parse', 'model', 'io', 'cli', 'db', 'jobs']
EXTS = ['py', 'txt', 'json', 'csv', 'ini', 'sh', 'yaml', 'log', 'conf']
TEACHERS = {'DeepSeek-V3.2': 0.55, 'GLM-4.7': 0.42, 'Qwen3.5': 0.38, 'Claude-Opus-4.6': 0.22}   # share of inspections
OUT_LINE = ('drwxr-xr-x 2 root root 4096 Nov 12 10:{m:02d} {f}', '-rw-r--r-- 1 root root {n} Nov 12 10:{m:02d} {f}',
            '{n}: {w} = {w2}', '    def {w}(self, {w2}):', 'INFO {w} {n} ok', '{f}:{n}:    return {w}({w2})',
            '[{w}]', '{w}={n}', 'Collecting {w}', 'Successfully installed {w}-{n}.0', '    {w} += {n}')
ERRORS = ('Traceback (most recent call last):\n  File "{f}", line {n}, in <module>\nKeyError: \'{w}\'',
          'bash: {w}: command not found', 'cat: {f}: No such file or directory', 'FAILED tests/test_{w}.py::test_{w2}')

def _task(r, k):
    "The files of task k: every teacher sees the same ones (matched tasks)"
    dirs = ['/app', '/app/src', '/app/data', '/app/tests', '/app/scripts', '/etc/app']
    return [f"{r.choice(dirs)}/{r.choice(NAMES)}_{k % 997}.{r.choice(EXTS)}" for _ in range(r.randint(4, 9))]

def _keys(r, files, inspect):
    "One command's keystrokes and whether it inspects"
    f = r.choice(files); d = f.rsplit('/', 1)[0]
    if r.random() < inspect:
        return r.choice([f'ls -la {d}\n', f'cat {f}\n', f'head -n 40 {f}\n', f'grep -n "{r.choice(WORDS)}" {f}\n',
                         f'find {d} -name "*.{f.rsplit(".", 1)[1]}"\n', f'wc -l {f}\n', f'tail -n 20 {f}\n',
                         f'cat {f} | grep -v "^#" | sort | uniq -c\n', f'ls {d}/*.log\n']), True
    body = '\n'.join(f"{r.choice(WORDS)} = {r.randrange(100)}" for _ in range(r.randint(2, 25)))
    return r.choice([f"sed -i 's/{r.choice(WORDS)}/{r.choice(WORDS)}/' {f}\n", f"cat > {f} << 'EOF'\n{body}\nEOF\n",
                     f'python3 {f}\n', f'cd {d} && python3 -m pytest -q tests\n', f'echo "x={r.randrange(9)}" >> {f}\n',
                     f'mkdir -p {d}/out && cp {f} {d}/out/\n', f'pip install {r.choice(NAMES)}\n', f'chmod +x {f}\n',
                     f'for f in {d}/*.log; do gzip "$f"; done\n', f'( cd {d} && make )\n',
                     f'python3 -c "import json; print(json.load(open(\'{f}\')))"\n']), False

def _screen(r, host, cwd, keys, files, error):
    "What the terminal shows after one command: the prompt and command echoed, heredoc lines, output"
    first, *rest = keys.rstrip('\n').split('\n')
    lines = [f"root@{host}:{cwd}# {first}"] + [f"> {l}" for l in rest]
    for _ in range(min(60, int(r.expovariate(1/17)))):
        lines.append(r.choice(OUT_LINE).format(f=r.choice(files).rsplit('/', 1)[1], n=r.randrange(4000), m=r.randrange(60),
                                               w=r.choice(WORDS), w2=r.choice(WORDS)))
    if error: lines.append(r.choice(ERRORS).format(f=r.choice(files), n=r.randrange(200), w=r.choice(WORDS), w2=r.choice(WORDS)))
    return '\n'.join(lines)

def _reply(r, cmds, done):
    text = json.dumps({'analysis': ' '.join(r.choices(WORDS, k=r.randint(20, 70))),
                       'plan': ' '.join(r.choices(WORDS, k=r.randint(10, 40))),
                       'commands': [{'keystrokes': k, 'duration': r.choice([0.1, 0.5, 1.0, 5.0])} for k in cmds],
                       'task_complete': done}, indent=2)
    return text[:len(text)//2] if r.random() < 0.01 else text   # 1 %: a reply cut short (invalid JSON)

def record(r, teacher, k, files):
    "One trajectory of `teacher` on task k"
    host, cwd = ''.join(r.choices('0123456789abcdef', k=12)), '/app'
    instruction = ' '.join(r.choices(WORDS, k=r.randint(120, 330))) + f"\nThe files: {', '.join(files[:3])}."
    conv = [{'from': 'human', 'value': PROMPT.replace('{instruction}', instruction).replace('{screen}', f'root@{host}:/app# ')}]
    turns = max(1, min(20, round(r.gauss(6.8, 2.6))))
    for t in range(turns):
        cmds = [_keys(r, files, TEACHERS[teacher])[0] for _ in range(max(1, min(6, round(r.gauss(1.15, 0.6)))))]
        conv.append({'from': 'gpt', 'value': _reply(r, cmds, t == turns - 1)})
        shown = []
        for keys in cmds:
            shown.append(_screen(r, host, cwd, keys, files, r.random() < 0.12))
            if keys.startswith('cd '): cwd = keys.split()[1]
        conv.append({'from': 'human', 'value': 'New Terminal Output:\n\n' + '\n'.join(shown) + f'\nroot@{host}:{cwd}# '})
    return {'conversations': conv, 'teacher': teacher, 'task_name': f'so-{k:05d}', 'reward': float(r.random() < 0.6)}

def write_corpus(path, per_teacher:int=8100, seed:int=0)->Path:
    "Write the corpus as JSONL (once per size and seed: an existing file is reused)"
    path = Path(path)
    if path.exists(): return path
    r, tmp = random.Random(seed), path.with_suffix('.tmp')
    with open(tmp, 'w') as f:
        for k in range(per_teacher):
            files = _task(r, k)
            for teacher in TEACHERS: f.write(json.dumps(record(r, teacher, k, files)) + '\n')
    tmp.rename(path)
    return path

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('out'); ap.add_argument('--per-teacher', type=int, default=8100)
    a = ap.parse_args(); p = write_corpus(a.out, a.per_teacher)
    n, size = sum(1 for _ in open(p)), p.stat().st_size
    print(f"{p}: {n} records, {size/2**20:.0f} MiB, {size/n/1000:.1f} KB a record")
