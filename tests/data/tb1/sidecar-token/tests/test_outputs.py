from pathlib import Path

def test_token():
    assert Path('/app/token.txt').read_text().strip() == 'tl-7f3a9c'
