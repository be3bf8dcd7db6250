import json
from pathlib import Path
def merged(): return json.loads(Path('/app/task_file/merged.json').read_text())
def test_overrides_win(): m = merged(); assert m['log']['level'] == 'warning'; assert m['workers'] == 8
def test_nested_kept(): m = merged(); assert m['log']['file'] == '/var/log/app.log'; assert m['db']['pool'] == 5
def test_lists_replaced(): assert merged()['hosts'] == ['b.example']
def test_new_keys(): assert merged()['feature_flags'] == {'beta': True}
