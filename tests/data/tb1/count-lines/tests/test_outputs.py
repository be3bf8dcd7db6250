from pathlib import Path

def test_counts():
    lines = Path('/app/counts.txt').read_text().split('\n')
    assert [l.split() for l in lines if l.strip()] == [['a.txt', '3'], ['b.txt', '1']]
