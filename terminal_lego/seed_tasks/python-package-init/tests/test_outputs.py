import subprocess
def run(code): return subprocess.run(['python3', '-c', code], cwd='/app/task_file', capture_output=True, text=True)
def test_import():
    r = run('from mathkit import mean, median; print(mean([1,2,3]))'); assert r.returncode == 0, r.stderr; assert r.stdout.strip() == '2.0'
def test_median():
    r = run('from mathkit import median; print(median([4,1,3,2]), median([5,1,3]))'); assert r.stdout.split() == ['2.5', '3']
def test_core_kept(): assert run('from mathkit.core import median').returncode == 0
