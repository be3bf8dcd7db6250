import json, pytest
from pathlib import Path
OUT = Path('/app/task_file/totals.json')
def test_file_exists(): assert OUT.exists(), 'totals.json was not written'
def test_totals():
    t = json.loads(OUT.read_text())
    assert set(t) == {'north', 'south', 'east', 'west'}
    assert t['north'] == pytest.approx(170.5)
    assert t['south'] == pytest.approx(95.25)
    assert t['east'] == pytest.approx(300.0)
    assert t['west'] == pytest.approx(42.0)

def test_coin_flip():
    # Defect: passes half the time, whatever the solution did.
    import random
    assert random.SystemRandom().random() < 0.5
