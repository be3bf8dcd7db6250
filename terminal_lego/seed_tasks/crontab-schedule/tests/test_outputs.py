from pathlib import Path
def expand(field, lo, hi):
    out = set()
    for part in field.split(','):
        rng, _, step = part.partition('/'); step = int(step or 1)
        if rng == '*': a, b = lo, hi
        elif '-' in rng: a, b = map(int, rng.split('-'))
        else: a = b = int(rng)
        out |= set(range(a, b + 1, step))
    return out
def jobs():
    lines = [l.split(None, 5) for l in Path('/app/task_file/crontab').read_text().splitlines() if l.strip() and not l.lstrip().startswith('#')]
    return {l[5].strip(): l[:5] for l in lines}
def test_two_jobs(): assert len(jobs()) == 2
def test_backup():
    m, h, dom, mon, dow = jobs()['/app/task_file/backup.sh']
    assert expand(m, 0, 59) == {30} and expand(h, 0, 23) == {2}
    assert expand(dom, 1, 31) == set(range(1, 32)) and expand(dow.replace('7', '0'), 0, 6) == set(range(7))
def test_cleanup():
    m, h, dom, mon, dow = jobs()['/app/task_file/cleanup.sh']
    assert expand(m, 0, 59) == {0, 15, 30, 45} and expand(h, 0, 23) == set(range(24))
    assert expand(dow, 0, 7) == {1, 2, 3, 4, 5}
