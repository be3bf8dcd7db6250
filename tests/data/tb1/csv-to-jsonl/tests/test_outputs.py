import json
from pathlib import Path

def test_rows():
    rows = [json.loads(l) for l in Path('/app/data.jsonl').read_text().splitlines() if l.strip()]
    assert [r['name'] for r in rows] == ['ada', 'linus', 'grace']
    assert rows[2] == {'name': 'grace', 'city': 'New York, NY', 'score': '8'}
