from pathlib import Path
def test_corrupted():
    got = sorted(l.strip() for l in Path('/app/task_file/corrupted.txt').read_text().splitlines() if l.strip())
    assert [g.split('/')[-1] for g in got] == ['c.txt', 'e.txt']
