"""Rollouts on a real two-node Ray cluster on this machine (a head and a second node, `ray.cluster_utils.Cluster`):
trials run on both nodes, each in scratch space on its node, and every trial folder comes home to the driver's job
folder; the second node removed mid-job loses nothing, and the rerun completes without running a finished trial twice."""
import json, os, shutil, subprocess, sys, tempfile, threading, time
from contextlib import contextmanager
from pathlib import Path
import pytest

pytestmark = [pytest.mark.docker, pytest.mark.slow]
FILES = ['conversation.json', 'result.json', 'terminal.log', 'trajectory.json']

@pytest.fixture(scope='module')
def cluster():     # one cluster for the module; the last test removes its second node
    pytest.importorskip('ray', reason='the ray executor needs Ray (a dev requirement)')
    from ray.cluster_utils import Cluster
    roots = [Path(tempfile.mkdtemp(prefix=f'tl-node{i}-')) for i in (1, 2)]   # each node's own temp root
    with _env(TMPDIR=str(roots[0])):
        c = Cluster(initialize_head=True, head_node_args=dict(num_cpus=2, resources={'docker': 2}))
    with _env(TMPDIR=str(roots[1])): second = c.add_node(num_cpus=2, resources={'docker': 2})
    c.wait_for_nodes()
    try: yield c, second, roots
    finally:
        c.shutdown()              # ends the raylets and workers this test started
        for r in roots: shutil.rmtree(r, ignore_errors=True)

@contextmanager
def _env(**kv):
    "Environment variables for the processes started inside (a node's raylet and its workers inherit them)"
    old = {k: os.environ.get(k) for k in kv}
    os.environ.update(kv)
    try: yield
    finally:
        for k, v in old.items():
            if v is None: os.environ.pop(k, None)
            else: os.environ[k] = v

def _results(job:Path)->dict:
    return {d.name: json.loads((d/'result.json').read_text()) for d in (job/'trials').iterdir()
            if (d/'result.json').exists()}

def test_trials_across_two_nodes_come_home(cluster, tmp_path, docker_client, base_images):
    from terminal_lego.catalog import make_tasks
    from terminal_lego.rollout import rollout
    c, second, roots = cluster
    tasks = make_tasks('log-errors', 3, tmp_path/'tasks')
    ray_cfg = dict(address=c.address, resources={'docker': 1})
    seen, done = set(), threading.Event()   # scratch folders of running trials, under either node's root
    def look():
        while not done.is_set(): seen.update(p for r in roots for p in r.glob('tl-trial-*')); time.sleep(0.1)
    watch = threading.Thread(target=look); watch.start()
    df = rollout(tasks, ['oracle', 'nop'], tmp_path/'job', k=2, workers=4, executor='ray', ray=ray_cfg,
                 progress=False)
    res = _results(tmp_path/'job')
    assert len(df) == len(res) == 12
    assert sorted(set(zip(df.agent, df.reward))) == [('nop', 0.), ('oracle', 1.)]
    assert {r['ray_node'] for r in res.values()} == {c.head_node.node_id, second.node_id}
    for d in (tmp_path/'job'/'trials').iterdir():
        assert sorted(p.name for p in d.iterdir()) == FILES, d.name
    done.set(); watch.join()
    assert {p.parent for p in seen} == set(roots), 'trials did not run in both nodes\' own temp roots'
    assert not any(p for r in roots for p in r.glob('tl-trial-*')), 'scratch folders left on a node'
    assert not (tmp_path/'job').is_relative_to(roots[0]) and not (tmp_path/'job').is_relative_to(roots[1])

def test_cli_joins_a_running_cluster_from_ray_address(cluster, tmp_path, docker_client, base_images):
    from terminal_lego.catalog import make_tasks
    c, _, roots = cluster
    tasks = make_tasks('log-errors', 2, tmp_path/'tasks')
    cli = Path(sys.executable).parent/'terminal-lego'
    r = subprocess.run([str(cli), 'rollout', '--tasks', *map(str, tasks), '--agent', 'oracle', '--executor', 'ray',
                        '--workers', '2', '--out', str(tmp_path/'job')], capture_output=True, text=True, timeout=600,
                       env={**os.environ, 'RAY_ADDRESS': c.address})
    assert r.returncode == 0, r.stderr[-3000:]
    res = _results(tmp_path/'job')
    assert len(res) == 2 and {x['reward'] for x in res.values()} == {1.}
    assert {x['ray_node'] for x in res.values()} <= {c.head_node.node_id, c.list_all_nodes()[1].node_id}

def test_a_node_without_docker_fails_its_trials_clearly_and_the_job_goes_on(cluster, tmp_path, docker_client,
                                                                          base_images):
    from terminal_lego.catalog import make_tasks
    from terminal_lego.rollout import rollout
    from terminal_lego.cluster import ClusterWarning
    c, _, roots = cluster
    with _env(DOCKER_HOST='unix:///nonexistent/docker.sock'): broken = c.add_node(num_cpus=2, resources={'docker': 2})
    c.wait_for_nodes()
    try:
        tasks = make_tasks('log-errors', 3, tmp_path/'tasks')
        with pytest.warns(ClusterWarning, match='could not reap'):
            rollout(tasks, ['oracle'], tmp_path/'job', k=2, workers=6, executor='ray', progress=False,
                    ray=dict(address=c.address, resources={'docker': 1}))
        res = _results(tmp_path/'job')
        assert len(res) == 6
        bad = [r for r in res.values() if r['ray_node'] == broken.node_id]
        assert bad and all(r['status'] == 'env_error' and 'No Docker engine answers' in r['reason'] for r in bad)
        assert all(r['status'] == 'ok' and r['reward'] == 1. for r in res.values() if r['ray_node'] != broken.node_id)
    finally: c.remove_node(broken)

DRIVER = """
import sys
from pathlib import Path
from terminal_lego.rollout import rollout
tasks = sorted(Path(sys.argv[2]).iterdir())
rollout(tasks, ['oracle', 'nop'], sys.argv[3], k=2, workers=4, executor='ray', progress=False,
        ray=dict(address=sys.argv[1], resources={'docker': 1}))
"""

def test_driver_killed_rerun_resumes_without_duplicates_or_orphans(cluster, tmp_path, docker_client, base_images,
                                                                     kill_midway):
    from terminal_lego.catalog import make_tasks
    from terminal_lego.rollout import rollout
    c, _, roots = cluster
    tasks, job = make_tasks('log-errors', 3, tmp_path/'tasks'), tmp_path/'job'
    kill_midway(DRIVER, [c.address, tmp_path/'tasks', job], job, 'trials/*/result.json', 3, settle=1.0)
    first = _results(job)
    assert 3 <= len(first) < 12, f"{len(first)} trials finished before the kill: it was not midway"
    left = {x['Id'] for x in docker_client.api.containers(all=True, filters={'label': 'terminal_lego.owner'})}
    df = rollout(tasks, ['oracle', 'nop'], job, k=2, workers=4, executor='ray', progress=False,
                 ray=dict(address=c.address, resources={'docker': 1}))
    again = _results(job)
    assert len(df) == len(again) == 12 and {r['status'] for r in again.values()} == {'ok'}
    assert all(again[n]['finished_at'] == r['finished_at'] for n, r in first.items())    # kept, not rerun
    assert not list(job.glob('trials/*/result.attempt*.json'))                           # none ran twice
    now = {x['Id'] for x in docker_client.api.containers(all=True, filters={'label': 'terminal_lego.owner'})}
    assert not (left & now), 'containers of the killed job outlived the rerun'

def test_node_removed_mid_job_loses_nothing(cluster, tmp_path, docker_client, base_images):
    from terminal_lego.catalog import make_tasks
    from terminal_lego.rollout import rollout
    c, second, roots = cluster
    tasks = make_tasks('log-errors', 3, tmp_path/'tasks')
    job, ray_cfg = tmp_path/'job', dict(address=c.address, resources={'docker': 1}, max_retries=0)
    run = threading.Thread(target=rollout, args=(tasks, ['oracle', 'nop'], job),
                           kwargs=dict(k=2, workers=4, executor='ray', ray=ray_cfg, progress=False))
    run.start()
    deadline = time.monotonic() + 300
    while not (job/'trials').exists() or len(_results(job)) < 3:
        assert time.monotonic() < deadline and run.is_alive(), 'the job ended or stalled before the node could go'
        time.sleep(0.2)
    c.remove_node(second, allow_graceful=False)      # its running trials die with it
    run.join(600)
    first = _results(job)
    assert len(first) == 12, sorted(first)            # every trial has a result: finished, or env_error
    assert {r['status'] for r in first.values()} <= {'ok', 'env_error'}
    print('statuses after the node went:', sorted(r['status'] for r in first.values()))
    df = rollout(tasks, ['oracle', 'nop'], job, k=2, workers=4, executor='ray', ray=ray_cfg, progress=False)
    again = _results(job)
    assert len(df) == 12 and {r['status'] for r in again.values()} == {'ok'}
    kept = [n for n, r in first.items() if r['status'] == 'ok']
    assert kept and all(again[n]['finished_at'] == first[n]['finished_at'] for n in kept)  # not run twice
    assert {again[n]['ray_node'] for n in again if n not in kept} <= {c.head_node.node_id}
