import tarfile
from pathlib import Path
A = Path('/app/task_file/docs_backup.tar.gz')
def members():
    with tarfile.open(A, 'r:gz') as t: return sorted(m.name.lstrip('./') for m in t.getmembers() if m.isfile())
def test_is_gzip(): assert A.read_bytes()[:2] == b'\x1f\x8b', 'not gzip-compressed'
def test_only_markdown(): assert members() == ['docs/README.md', 'docs/api/reference.md', 'docs/guide/intro.md']
def test_content_intact():
    with tarfile.open(A, 'r:gz') as t:
        m = next(x for x in t.getmembers() if x.name.endswith('intro.md'))
        assert b'Welcome' in t.extractfile(m).read()
