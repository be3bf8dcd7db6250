"SIGKILL a 10-trial rollout job midway; the rerun finishes every trial exactly once and leaves no container behind"
import os, sys, json, time, signal, subprocess, textwrap
from pathlib import Path
import pytest

JOB = textwrap.dedent('''
    import sys
    from terminal_lego.rollout import rollout
    from terminal_lego.tasks import seed_tasks
    rollout(seed_tasks()[:5], ['scripted-grounded'], sys.argv[1], k=2, workers=2, progress=False)
''')

def _owned_by(client, pid:int)->list:
    return [c for c in client.containers.list(all=True, filters={'label': 'terminal_lego.owner'})
            if c.labels['terminal_lego.owner'].split(':')[1] == str(pid)]

@pytest.mark.docker
def test_kill_and_resume(tmp_path, docker_client, base_images):
    out = tmp_path/'job'
    p = subprocess.Popen([sys.executable, '-c', JOB, str(out)], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while len(list(out.glob('trials/*/result.json'))) < 3:
        assert p.poll() is None, f"the job ended before it could be killed: {p.stderr.read().decode()[-2000:]}"
        assert time.monotonic() < deadline, "no 3 finished trials within 300 s"
        time.sleep(0.2)
    time.sleep(1.0)                                       # let the next trials get their containers
    os.killpg(p.pid, signal.SIGKILL); p.wait()
    first = {r.parent.name: json.loads(r.read_text()) for r in out.glob('trials/*/result.json')}
    assert 3 <= len(first) < 10, f"{len(first)} trials finished before the kill: it was not midway"
    orphans = _owned_by(docker_client, p.pid)            # containers of the trials that were running
    from terminal_lego.rollout import rollout
    from terminal_lego.tasks import seed_tasks
    df = rollout(seed_tasks()[:5], ['scripted-grounded'], out, k=2, workers=2, progress=False)
    results = sorted(out.glob('trials/*/result.json'))
    assert len(results) == 10 and len(df) == 10
    assert sorted(df.reward) == [1.0]*10, df[['task', 'status', 'reason']].to_string()
    for name, r in first.items():                        # finished trials were kept, not rerun
        assert json.loads((out/'trials'/name/'result.json').read_text())['started_at'] == r['started_at']
    assert not list(out.glob('trials/*/result.attempt*.json'))   # no trial ran twice to a result
    assert _owned_by(docker_client, p.pid) == [], f"orphans left: {[c.short_id for c in orphans]}"
    assert _owned_by(docker_client, os.getpid()) == []   # and the rerun removed its own containers
