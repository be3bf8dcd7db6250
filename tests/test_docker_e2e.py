"Docker end to end: the demo runs the whole embedded default; a kill -9 leaves nothing behind after the next run"
import os, signal, subprocess, sys, time, pytest

pytestmark = pytest.mark.docker

@pytest.mark.slow
def test_demo_runs_the_embedded_default_end_to_end(base_images, docker_client, tmp_path):
    "The README's main command minus set-up: the whole pipeline of configs/demo.yaml on the CPU, with its report"
    p = subprocess.Popen([sys.executable, "-m", "terminal_lego.cli", 'demo', '--run-dir', str(tmp_path/'demo')],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = p.communicate(timeout=1800)
    r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    for stage in ('collect', 'generate', 'verify', 'rollout', 'analyze', 'select', 'sft', 'evaluate', 'report'):
        assert (tmp_path/'demo'/f'{stage}.done.json').exists(), stage
    assert 'report:' in r.stdout and 'demo took' in r.stdout
    rows = {l.split()[0]: l for l in r.stdout.splitlines() if l.strip().startswith(('expert-', '(base')) and '[' in l}
    assert {'expert-grounded', 'expert-terse'} <= set(rows), r.stdout[-3000:]   # each student: pass@1 [lo, hi]
    html = (tmp_path/'demo'/'report'/'index.html').read_text()
    assert 'data:image/png;base64,' in html and 'expert-terse' in html
    mine = [c for c in docker_client.api.containers(all=True, filters={'label': 'terminal_lego.owner'})
            if f":{p.pid}:" in c['Labels'].get('terminal_lego.owner', '')]
    assert mine == [], f"the demo left containers behind: {[c['Names'] for c in mine]}"
    print(r.stdout[-2500:])

def test_kill_9_mid_command_leaves_no_container_after_next_run(docker_client, base_images):
    code = ("from terminal_lego.envs import DockerEnv\n"
            f"e = DockerEnv({base_images['bookworm']!r}, labels={{'terminal_lego.test': 'kill9'}})\n"
            "print('started', flush=True)\n"
            "e.exec('sleep 600', timeout=900)\n")
    p = subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == 'started'
    time.sleep(1)
    os.kill(p.pid, signal.SIGKILL); p.wait()
    left = lambda: docker_client.containers.list(all=True, filters={'label': 'terminal_lego.test=kill9'})
    assert len(left()) == 1                      # the killed process could not clean up
    r = subprocess.run([sys.executable, "-m", "terminal_lego.cli", 'engine'], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert 'removed 1 container(s) left by killed runs' in r.stdout
    assert left() == []

def test_unreachable_engine_is_one_clear_message():
    env = {**os.environ, 'DOCKER_HOST': 'tcp://127.0.0.1:1'}
    code = "from terminal_lego.envs import DockerEnv; DockerEnv('terminal-lego/bookworm')"
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1 and 'EngineError: No Docker engine answers at tcp://127.0.0.1:1' in r.stderr
    r = subprocess.run([sys.executable, "-m", "terminal_lego.cli", 'demo'], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 2 and 'Traceback' not in r.stderr and 'DOCKER_HOST' in r.stderr
