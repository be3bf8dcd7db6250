from pathlib import Path
def test_names():
    lines = [l.strip() for l in Path('/app/task_file/big_customers.txt').read_text().splitlines() if l.strip()]
    assert lines == ['Carol', 'Alice', 'Dave']
