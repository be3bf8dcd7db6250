import stat
from pathlib import Path
D = Path('/app/task_file')
def mode(p): return stat.S_IMODE((D/p).stat().st_mode)
def test_scripts(): assert [mode(p) for p in ('bin/start.sh', 'bin/stop.sh')] == [0o755, 0o755]
def test_secrets(): assert mode('secrets.env') == 0o600
def test_readme(): assert mode('README.txt') == 0o644
