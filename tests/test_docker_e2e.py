"Docker end to end: the demo runs the whole embedded default; a kill -9 leaves nothing behind after the next run"
import os, json, signal, subprocess, sys, time, pytest

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

def _seed_copy(tmp_path, name='word-frequency'):
    import shutil
    from terminal_lego.tasks import seed_tasks
    src = next(p for p in seed_tasks() if p.name == name)
    return shutil.copytree(src, tmp_path/name)

def test_seed_task_agent_reaches_nothing_unless_the_job_turns_the_network_on(docker_client, base_images, tmp_path):
    "As a seed task's rollout starts it: no interface but loopback, no connection; `on` gets the engine's network"
    from terminal_lego.tasks import Task
    from terminal_lego.verify import start_env, network_allowed
    task = Task.read(_seed_copy(tmp_path))
    assert network_allowed(task, 'task') is False
    probe = ("python3 -c \"import socket; socket.create_connection(('deb.debian.org', 80), 5)\" >/dev/null 2>&1; "
             "echo rc=$?; ls /sys/class/net")
    with start_env(task, network=network_allowed(task, 'task')) as env:
        out = env.exec(probe, timeout=60).output.split()
        mode = docker_client.api.inspect_container(env.container.id)['HostConfig']['NetworkMode']
        assert (env.network, mode) == ('none', 'none')
        assert out[0] != 'rc=0' and out[1:] == ['lo'], out
    with start_env(task, network=network_allowed(task, 'on')) as env:
        out = env.exec('ls /sys/class/net', timeout=60).output.split()
        mode = docker_client.api.inspect_container(env.container.id)['HostConfig']['NetworkMode']
        assert env.network in ('bridge', 'host') and mode == env.network
        assert set(out) - {'lo'}, out             # an interface beyond loopback (eth0 on the bridge)

def test_trial_records_its_network_and_the_audit_flags_use_without_one(docker_client, base_images, tmp_path):
    "A terminus agent that curls in a no-network seed task: the trial says network none, the analysis flags it"
    from terminal_lego.rollout import rollout, results
    from terminal_lego.models import ScriptedModel
    from terminal_lego.formats import iter_trajectories
    from terminal_lego.egs import egs_table
    task = _seed_copy(tmp_path)
    reply = json.dumps({'analysis': 'look it up', 'plan': 'fetch the answer',
                        'commands': [{'keystrokes': 'curl -sS -m 5 http://deb.debian.org/\n', 'duration': 6}],
                        'task_complete': True})
    for net, job in (('task', tmp_path/'off'), ('on', tmp_path/'on')):
        rollout([task], ['terminus'], job, model=ScriptedModel([reply]*3, name='curl'), workers=1, progress=False,
                harness={'max_turns': 1}, network=net)
    off, on = results(tmp_path/'off')[0], results(tmp_path/'on')[0]
    assert (off['network'], off['network_allowed']) == ('none', False)
    assert on['network'] in ('bridge', 'host') and on['network_allowed'] is True
    audit = lambda job: egs_table(iter_trajectories(job/'trials'), commands=False)[0].audit.tolist()
    assert audit(tmp_path/'off') == ['network'] and audit(tmp_path/'on') == ['']

def test_allowlist_is_refused_before_anything_runs(docker_client, tmp_path):
    from terminal_lego.rollout import rollout
    from terminal_lego.verify import NetworkError
    task = _seed_copy(tmp_path)
    toml = (task/'task.toml').read_text().replace('[agent]\nnetwork_mode = "no-network"',
                                                 '[agent]\nnetwork_mode = "allowlist"\nallowed_hosts = ["pypi.org"]')
    (task/'task.toml').write_text(toml)
    with pytest.raises(NetworkError, match="'allowlist' for the agent is not supported"):
        rollout([task], ['oracle'], tmp_path/'job', workers=1, progress=False)
    from terminal_lego.core import ConfigError
    with pytest.raises(ConfigError, match='use one of task, off, on'):       # a typo: no trial records it
        rollout([task], ['oracle'], tmp_path/'job', workers=1, progress=False, network='of')
    assert not list((tmp_path/'job').glob('trials/*'))
    rollout([task], ['oracle'], tmp_path/'job', workers=1, progress=False, network='off')   # the job decides: runs
    assert len(list((tmp_path/'job').glob('trials/*/result.json'))) == 1

def test_trials_starting_at_once_build_a_task_image_once(docker_client, base_images, tmp_path):
    "Threads (or Ray workers on one node) that need the same missing image: one builds it, the others wait and reuse"
    import shutil, threading, uuid
    from terminal_lego.tasks import Task, seed_tasks
    from terminal_lego.verify import build_task_image
    src = seed_tasks()[0]
    shutil.copytree(src, tmp_path/src.name)
    df = tmp_path/src.name/'environment'/'Dockerfile'
    df.write_text(df.read_text() + f"\nRUN echo {uuid.uuid4().hex} > /etc/tl-build-id\n")   # an image no cache has
    task, builds = Task.read(tmp_path/src.name), []
    ts = [threading.Thread(target=lambda: builds.append(build_task_image(task, docker_client))) for _ in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
    try:
        assert len({b.tag for b in builds}) == 1 and sorted(b.cached for b in builds) == [False, True, True]
    finally: docker_client.images.remove(builds[0].tag, force=True)
