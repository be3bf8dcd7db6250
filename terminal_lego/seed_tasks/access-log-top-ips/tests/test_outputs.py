from pathlib import Path
def test_top_ips():
    lines = [l.split() for l in Path('/app/task_file/top_ips.txt').read_text().split('\n') if l.strip()]
    assert lines == [['5', '10.0.0.7'], ['3', '192.168.1.2'], ['2', '172.16.0.9']]
