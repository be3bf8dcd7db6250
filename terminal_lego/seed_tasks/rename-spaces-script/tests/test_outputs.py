import subprocess, shutil
from pathlib import Path
D = Path('/app/task_file')
def test_renamed():
    names = sorted(p.name for p in (D/'photos').iterdir())
    assert names == ['beach day.jpg', 'cat.jpg', 'family dinner 2024.jpg', 'notes.txt']
def test_script_handles_spaces(tmp_path):
    shutil.copy(D/'rename.sh', tmp_path/'rename.sh'); (tmp_path/'photos').mkdir()
    (tmp_path/'photos'/'a b.JPG').write_text('x')
    subprocess.run(['bash', str(tmp_path/'rename.sh')], check=True, cwd=tmp_path)
    assert (tmp_path/'photos'/'a b.jpg').exists()
