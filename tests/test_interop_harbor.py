"Interop with Harbor (the Terminal-Bench 2.0 client): its loader accepts our tasks, its oracle run scores them 1.0, and our TB1 import agrees with `harbor task migrate`"
import os, sys, json, subprocess, pytest
from pathlib import Path

pytestmark = [pytest.mark.interop, pytest.mark.docker]
ROOT = Path(__file__).parent.parent
TB1 = Path(__file__).parent/'data'/'tb1'
ORACLE_TASKS = ['ini-port-edit', 'git-commit-fix', 'health-http-service']   # edit + script, git, a background service

LOADER = '''
import sys, warnings
from pathlib import Path
from harbor.models.task.task import Task
from harbor.environments.definition import require_agent_environment_definition
bad = 0
for d in sys.argv[1:]:
    try:
        t = Task(Path(d))
        require_agent_environment_definition(t.paths.environment_dir, docker_image=t.config.environment.docker_image)
        print("OK", Path(d).name, t.config.agent.timeout_sec, t.config.metadata.get("category"))
    except Exception as e:
        bad += 1; print("FAIL", Path(d).name, type(e).__name__, e)
sys.exit(1 if bad else 0)
'''

@pytest.fixture(scope='module')
def harbor():
    "The Harbor venv (built by scripts/harbor_venv.sh; idempotent) and the environment its CLI needs"
    r = subprocess.run(['bash', str(ROOT/'scripts'/'harbor_venv.sh')], capture_output=True, text=True, timeout=900)
    if r.returncode: pytest.fail(f"scripts/harbor_venv.sh failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return ROOT/'.venv-harbor'

def _env(): return {**os.environ, 'HARBOR_TELEMETRY': '0'}

def harbor_load(harbor, dirs):
    return subprocess.run([str(harbor/'bin'/'python'), '-c', LOADER, *map(str, dirs)], capture_output=True, text=True, timeout=300)

def test_harbor_loads_every_seed_task(harbor):
    from terminal_lego.tasks import seed_tasks
    r = harbor_load(harbor, seed_tasks())
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count('OK ') == len(seed_tasks())
    assert 'OK csv-region-totals 600.0 File & text processing' in r.stdout   # Harbor reads our values, not its defaults

def test_harbor_rejects_what_it_should(harbor, tmp_path):
    "The loader check is not vacuous: a task.toml Harbor cannot parse fails"
    from terminal_lego.tasks import seed_tasks, Task
    t = Task.read(seed_tasks()[0]).write(tmp_path/'t').path
    (t/'task.toml').write_text('[environment]\ncpus = "many"\n')
    assert harbor_load(harbor, [t]).returncode == 1

def harbor_run(harbor, path, agent, jobs, n=1):
    r = subprocess.run([str(harbor/'bin'/'harbor'), 'run', '-p', str(path), '-a', agent, '-e', 'docker', '-o', str(jobs), '-n', str(n), '-y'],
                       capture_output=True, text=True, timeout=600, env=_env())
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    out = {}
    for f in Path(jobs).glob('*/*/result.json'):          # harbor run exits 0 even when trials fail: read result.json
        d = json.loads(f.read_text())
        out[d['task_name']] = ((d.get('verifier_result') or {}).get('rewards') or {}).get('reward'), (d.get('exception_info') or {}).get('exception_message')
    return out

def test_harbor_oracle_scores_seed_tasks(harbor, tmp_path, docker_client, base_images):
    from terminal_lego.tasks import Task, seed_tasks_dir
    from terminal_lego.verify import for_harbor
    for n in ORACLE_TASKS: for_harbor(Task.read(seed_tasks_dir()/n), tmp_path/'ds'/n)
    got = harbor_run(harbor, tmp_path/'ds', 'oracle', tmp_path/'jobs', n=3)
    assert got == {n: (1.0, None) for n in ORACLE_TASKS}

def test_tb1_import_matches_harbor_migrate(harbor, tmp_path, docker_client, base_images):
    "Both conversions load in Harbor and verify ok here; ours also passes Harbor's own oracle run"
    from terminal_lego.tasks import import_tb1, lint, Task
    from terminal_lego.verify import verify_task, for_harbor
    for src in sorted(TB1.iterdir()):
        ours = import_tb1(src, tmp_path/'ours'/src.name)
        r = subprocess.run([str(harbor/'bin'/'harbor'), 'task', 'migrate', '-i', str(src), '-o', str(tmp_path/'theirs')],
                           capture_output=True, text=True, timeout=120, env=_env())
        assert r.returncode == 0, r.stdout + r.stderr
        theirs = Task.read(tmp_path/'theirs'/src.name)
        assert ours.instruction.strip() == theirs.instruction.strip()
        c, h = ours.config, theirs.config
        assert (c.agent.timeout_sec, c.verifier.timeout_sec, c.metadata.tags) == (h.agent.timeout_sec, h.verifier.timeout_sec, h.metadata.tags)
        assert [i for i in lint(ours.path) if i.level == 'error'] == []
        assert 'TEST_DIR' in theirs.dockerfile and 'TEST_DIR' not in ours.dockerfile   # theirs leaks the test dir to the agent
        for t in (ours, theirs): assert verify_task(t, k=1, network=False)['reason'] == 'ok', t.path
    assert harbor_load(harbor, sorted((tmp_path/'ours').iterdir())).returncode == 0
    ds = tmp_path/'ds'
    for t in sorted((tmp_path/'ours').iterdir()): for_harbor(Task.read(t), ds/t.name)
    got = harbor_run(harbor, ds, 'oracle', tmp_path/'jobs', n=2)
    assert got == {t.name: (1.0, None) for t in sorted((tmp_path/'ours').iterdir())}
