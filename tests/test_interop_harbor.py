"Interop with Harbor 0.25 (the Terminal-Bench 2.0 client): its loader accepts every task we write, its oracle run scores them 1.0, its validator accepts our ATIF, and our TB1 import agrees with `harbor task migrate`"
import os, sys, json, subprocess, pytest
from pathlib import Path

pytestmark = [pytest.mark.interop, pytest.mark.docker]
ROOT = Path(__file__).parent.parent
TB1 = Path(__file__).parent/'data'/'tb1'
ORACLE_TASKS = ['ini-port-edit', 'git-commit-fix', 'health-http-service']   # edit + script, git, a background service
HARBOR_VERSION = '0.25.0'

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
        bad += 1; print("FAIL", Path(d).name, type(e).__name__, str(e).replace(chr(10), " "))
sys.exit(1 if bad else 0)
'''

VALIDATOR = '''
import sys
from harbor.utils.trajectory_validator import TrajectoryValidator
bad = 0
for f in sys.argv[1:]:
    v = TrajectoryValidator()
    if not v.validate(f): bad += 1; print("INVALID", f, v.get_errors()[:3])
print("checked", len(sys.argv) - 1)
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

def test_harbor_is_the_version_we_test_against(harbor):
    r = subprocess.run([str(harbor/'bin'/'python'), '-c', 'import importlib.metadata as m; print(m.version("harbor"))'],
                       capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == HARBOR_VERSION, r.stdout + r.stderr

def test_harbor_loads_every_seed_task(harbor):
    from terminal_lego.tasks import seed_tasks
    r = harbor_load(harbor, seed_tasks())
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count('OK ') == len(seed_tasks())
    assert 'OK csv-region-totals 600.0 File & text processing' in r.stdout   # Harbor reads our values, not its defaults

def test_harbor_loads_a_task_of_every_family(harbor, tmp_path):
    from terminal_lego.catalog import FAMILIES, make_tasks
    from terminal_lego.tasks import lint
    dirs = [d for name in FAMILIES for split in ('train', 'held_out') for d in make_tasks(name, 1, tmp_path/split/name, split=split)]
    assert all([i for i in lint(d) if i.level == 'error'] == [] for d in dirs)
    r = harbor_load(harbor, dirs)
    assert r.returncode == 0 and r.stdout.count('OK ') == len(dirs) == 2*len(FAMILIES), r.stdout + r.stderr

def test_harbor_rejects_what_it_should(harbor, tmp_path):
    "The loader check is not vacuous: a task.toml Harbor cannot parse fails"
    from terminal_lego.tasks import seed_tasks, Task
    t = Task.read(seed_tasks()[0]).write(tmp_path/'t').path
    (t/'task.toml').write_text('[environment]\ncpus = "many"\n')
    assert harbor_load(harbor, [t]).returncode == 1

# task.toml additions (schema 1.4) -> does our lint call them an error? Harbor's loader must agree.
SCHEMA_14 = {
    'workdir': ('[environment]\nworkdir = "/srv"', False),
    'healthcheck': ('[environment.healthcheck]\ncommand = "test -d /app"\nretries = 2\nstart_period_sec = 0', False),
    'allowlist': ('[agent]\nnetwork_mode = "allowlist"\nallowed_hosts = ["pypi.org", "*.pythonhosted.org", "10.0.0.0/8"]', False),
    'phase-modes': ('[agent]\nnetwork_mode = "no-network"\n[verifier]\nnetwork_mode = "public"\nenvironment_mode = "shared"', False),
    'os-linux': ('[environment]\nos = "Linux"', False),
    'mode-typo': ('[agent]\nnetwork_mode = "offline"', True),
    'hosts-without-allowlist': ('[verifier]\nnetwork_mode = "no-network"\nallowed_hosts = ["pypi.org"]', True),
    'host-is-url': ('[agent]\nnetwork_mode = "allowlist"\nallowed_hosts = ["https://pypi.org/simple"]', True),
    'host-with-port': ('[agent]\nnetwork_mode = "allowlist"\nallowed_hosts = ["pypi.org:443"]', True),
    'healthcheck-no-command': ('[environment.healthcheck]\ninterval_sec = 2', True),
    'os-unknown': ('[environment]\nos = "solaris"', True),
    'env-mode-unknown': ('[verifier]\nenvironment_mode = "sometimes"', True),
    'shared-with-own-env': ('[verifier]\nenvironment_mode = "shared"\n[verifier.environment]\ncpus = 1', True),
}

def _with(toml:str, add:str)->str:
    "task.toml text with the tables of `add` merged in (a table that exists already gets the new keys)"
    import tomllib, tomli_w
    d, extra = tomllib.loads(toml), tomllib.loads(add)
    for sec, v in extra.items():
        for k, x in v.items(): d.setdefault(sec, {})[k] = x
    return tomli_w.dumps(d)

def test_lint_errors_on_schema_14_fields_agree_with_harbor(harbor, tmp_path):
    from terminal_lego.tasks import seed_tasks, Task, lint
    src = Task.read(seed_tasks()[0])
    dirs = {}
    for name, (add, _) in SCHEMA_14.items():
        t = src.write(tmp_path/name).path
        (t/'task.toml').write_text(_with((t/'task.toml').read_text(), add))
        dirs[name] = t
    ours = {n: any(i.level == 'error' and i.file == 'task.toml' for i in lint(d)) for n, d in dirs.items()}
    assert ours == {n: err for n, (_, err) in SCHEMA_14.items()}, [(n, [str(i) for i in lint(dirs[n])]) for n in dirs]
    r = harbor_load(harbor, dirs.values())
    harbor_fails = {line.split()[1] for line in r.stdout.splitlines() if line.startswith('FAIL ')}
    assert harbor_fails == {n for n, e in ours.items() if e}, r.stdout
    # Stricter than Harbor by design: a zero interval would run the healthcheck in a busy loop; Harbor accepts it
    t = src.write(tmp_path/'zero-interval').path
    (t/'task.toml').write_text(_with((t/'task.toml').read_text(), '[environment.healthcheck]\ncommand = "true"\ninterval_sec = 0'))
    assert any('interval_sec' in i.problem for i in lint(t)) and harbor_load(harbor, [t]).returncode == 0

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

def _toml(p): import tomllib; return tomllib.loads((Path(p)/'task.toml').read_text())
def _compose(t): import yaml; return yaml.safe_load((t.environment_dir/'docker-compose.yaml').read_text())

def test_tb1_import_matches_harbor_migrate(harbor, tmp_path, docker_client, base_images):
    "Both conversions load in Harbor; single-container ones verify ok here; ours passes Harbor's own oracle run, compose included"
    from terminal_lego.tasks import import_tb1, lint, Task, compose_services
    from terminal_lego.verify import verify_task, for_harbor
    srcs = sorted(d for d in TB1.iterdir() if d.is_dir())
    assert {'csv-to-jsonl', 'sidecar-token'} <= {s.name for s in srcs}
    for src in srcs:
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
        assert compose_services(ours.path) == compose_services(theirs.path)
        if compose_services(ours.path):
            # Harbor writes its whole main service into the task's compose file and keeps the sidecar's (TB1-prefixed)
            # image name; ours leaves main to Harbor's own compose file but for what it lacks (depends_on), and drops
            # the sidecar's TB1 image variable. The sidecar is built from the same folder in both.
            o, t = _compose(ours)['services'], _compose(theirs)['services']
            assert o['main'] == {'depends_on': ['api']} and {'build', 'image', 'command'} <= set(t['main'])
            assert o['api']['build'] == t['api']['build'] and 'image' not in o['api'] and t['api']['image'] == 'hb__api'
            for x in (ours, theirs):        # our engine runs one container: it refuses, it does not run main alone
                v = verify_task(x, k=1, network=False)
                assert (v['reason'], 'besides main (api)' in v['detail']) == ('build_failed', True), v
            continue
        if src.name == 'csv-to-jsonl':
            # Empty TB1 fields are left out by both; Harbor writes author_name "unknown", ours leaves it unset
            assert 'expert_time_estimate_min' not in _toml(theirs.path)['metadata'] and not any('time_estimate' in k for k in c.metadata.extra)
            assert (h.metadata.author_name, c.metadata.author_name) == ('unknown', None)
            # The Dockerfile has no WORKDIR (TB1's base images set /app). Ours says workdir = "/app" in task.toml; Harbor's
            # relies on the base image, and our lint insists on a working directory that the task itself states.
            assert c.environment.workdir == '/app' and h.environment.workdir is None
            v = verify_task(theirs, k=1, network=False)
            assert v['reason'] == 'lint_failed' and 'WORKDIR' in v['detail']
            assert verify_task(ours, k=1, network=False)['reason'] == 'ok'
            continue
        for t in (ours, theirs): assert verify_task(t, k=1, network=False)['reason'] == 'ok', t.path
    ours_dirs = sorted((tmp_path/'ours').iterdir())
    r = harbor_load(harbor, ours_dirs)
    assert r.returncode == 0, r.stdout
    ds = tmp_path/'ds'
    for t in ours_dirs: for_harbor(Task.read(t), ds/t.name)
    got = harbor_run(harbor, ds, 'oracle', tmp_path/'jobs', n=2)
    assert got == {t.name: (1.0, None) for t in ours_dirs}

def test_harbor_validates_every_atif_file_we_write(harbor, tmp_path, docker_client, base_images):
    "ATIF written from the shipped trajectory sets and from a real rollout's trial passes Harbor's validator; a broken one fails"
    from terminal_lego.trajectory import write_atif, read_atif
    from terminal_lego.formats import iter_trajectories
    from terminal_lego.rollout import rollout
    from terminal_lego.tasks import seed_tasks_dir
    files = [write_atif(tmp_path/'atif'/f'{src.stem}-{i}'/'trajectory.json', t)
             for src in sorted((ROOT/'nbs'/'data').glob('*.jsonl')) for i, t in enumerate(iter_trajectories(src))]
    assert len(files) >= 50
    rollout([seed_tasks_dir()/'ini-port-edit'], ['scripted-grounded'], tmp_path/'job', k=1, workers=1, progress=False)
    trial = next((tmp_path/'job').glob('trials/*/trajectory.json'))
    files += [trial, write_atif(tmp_path/'again'/'trajectory.json', read_atif(trial))]   # read back and written again
    from terminal_lego.formats import iter_trajectories as read_any, write_trajectories
    foreign = list(read_any(Path(__file__).parent/'data'/'formats'))   # every format we read, written as ATIF 1.7 and 1.8
    files += [write_trajectories(tmp_path/v/f'{i}.json', t, 'atif', v) for v in ('ATIF-v1.7', 'ATIF-v1.8') for i, t in enumerate(foreign)]
    assert len(foreign) == 10 and sum('"mark_task_complete"' in f.read_text() for f in files[-10:]) >= 5
    r = subprocess.run([str(harbor/'bin'/'python'), '-c', VALIDATOR, *map(str, files)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and f'checked {len(files)}' in r.stdout, r.stdout[-3000:] + r.stderr[-3000:]
    cli = [str(harbor/'bin'/'python'), '-m', 'harbor.utils.trajectory_validator']     # the CLI a user runs, once
    assert subprocess.run(cli + [str(trial)], capture_output=True, timeout=120).returncode == 0
    doc = json.loads(trial.read_text()); doc['steps'][0]['source'] = 'somebody'
    (tmp_path/'bad.json').write_text(json.dumps(doc))
    assert subprocess.run(cli + [str(tmp_path/'bad.json')], capture_output=True, timeout=120).returncode == 1

TRACES = '''
import sys, json
from pathlib import Path
from harbor.utils.traces_utils import collect_conversations_from_trial, load_run_metadata
d = Path(sys.argv[1])
print(json.dumps(collect_conversations_from_trial(d, load_run_metadata(d))))
'''

def test_harbor_traces_export_reads_like_the_trial_it_came_from(harbor):
    "Harbor's own `traces export` of a trial (summarised, continued) reads as the same commands and copied context as its ATIF files"
    from terminal_lego.formats import from_harbor_traces, read_atif_trial
    trial = Path(__file__).parent/'data'/'formats'/'harbor_trial'
    r = subprocess.run([str(harbor/'bin'/'python'), '-c', TRACES, str(trial)], capture_output=True, text=True, timeout=120, env=_env())
    assert r.returncode == 0, r.stderr[-3000:]
    rows = json.loads(r.stdout.splitlines()[-1])
    (ours,), (atif, _) = from_harbor_traces(rows), read_atif_trial(trial/'agent'/'trajectory.json')
    view = lambda t: [(x.commands, x.task_complete, x.is_copied_context) for x in t.turns]
    assert len(rows) == 2 and view(ours) == view(atif) and sum(x.is_copied_context for x in ours.turns) == 1
    assert (ours.meta['task_name'], ours.meta['trial'], ours.meta['reward']) == ('count-lines', 'count-lines__q5R4s3T', 1.0)
