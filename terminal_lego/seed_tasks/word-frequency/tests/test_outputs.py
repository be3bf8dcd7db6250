from pathlib import Path
def test_top():
    got = [l.split() for l in Path('/app/task_file/top_words.txt').read_text().splitlines() if l.strip()]
    assert got == [['the', '6'], ['and', '3'], ['sea', '3'], ['a', '2'], ['wind', '2']]
