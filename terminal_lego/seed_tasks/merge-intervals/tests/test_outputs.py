from pathlib import Path
def test_merged():
    got = [l.strip() for l in Path('/app/task_file/merged.txt').read_text().splitlines() if l.strip()]
    assert got == ['1-6', '8-10', '15-20', '22-22']
