import re, subprocess
from pathlib import Path
D = Path('/app/task_file')
def values(text): return dict(re.findall(r'^(mean|max)\s*=\s*([-\d.]+)', text, re.M))
def test_report():
    v = values((D/'report.txt').read_text())
    assert abs(float(v['mean']) - 4.125) < 1e-6 and abs(float(v['max']) - 9.5) < 1e-6
def test_script_fixed(tmp_path):
    (tmp_path/'numbers.txt').write_text('1\n\n3\n')
    src = (D/'stats.py').read_text().replace('/app/task_file', str(tmp_path))
    (tmp_path/'stats.py').write_text(src)
    subprocess.run(['python3', str(tmp_path/'stats.py')], check=True, cwd=tmp_path)
    assert abs(float(values((tmp_path/'report.txt').read_text())['mean']) - 2.0) < 1e-6
