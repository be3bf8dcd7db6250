import json, urllib.request, urllib.error, pytest
def test_health():
    with urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=5) as r:
        assert r.status == 200; assert 'application/json' in r.headers['Content-Type']
        assert json.loads(r.read()) == {'status': 'ok'}
def test_404():
    with pytest.raises(urllib.error.HTTPError) as e: urllib.request.urlopen('http://127.0.0.1:8000/nope', timeout=5)
    assert e.value.code == 404
