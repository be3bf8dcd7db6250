import subprocess
R = '/app/task_file/repo'
def git(*a): return subprocess.run(['git', '-C', R, *a], capture_output=True, text=True, check=True).stdout
def test_committed_content(): assert git('show', 'HEAD:greeting.txt').strip() == 'Hello, world!'
def test_message(): assert git('log', '-1', '--format=%s').strip() == 'Fix greeting typo'
def test_history_kept(): assert len(git('log', '--format=%H').split()) == 2
def test_clean(): assert git('status', '--porcelain').strip() == ''
