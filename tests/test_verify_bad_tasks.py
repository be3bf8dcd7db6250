"Planted bad tasks are each rejected with the right reason; a killed verify run resumes without losing verdicts or leaving containers"
import os, sys, json, time, signal, shutil, subprocess, pytest
from pathlib import Path

BAD = Path(__file__).parent/'data'/'bad_tasks'
CASES = sorted(d.name for d in BAD.iterdir() if d.is_dir())

def expected(name): return name.split('__')[0]

def test_every_reason_is_planted():
    from terminal_lego.verify import REASONS
    assert {expected(c) for c in CASES} == set(REASONS) - {'ok', 'error'}

def test_lint_names_the_file():
    from terminal_lego.tasks import lint
    issues = lint(BAD/'lint_failed__no-reward-written')
    assert [i.file for i in issues if i.level == 'error'] == ['tests/test.sh'] and 'reward.txt' in issues[0].fix
    assert [i.file for i in lint(BAD/'lint_failed__missing-solution') if i.level == 'error'] == ['solution/solve.sh']
    assert any('not valid TOML' in i.problem for i in lint(BAD/'lint_failed__malformed-toml'))

def test_compose_task_is_refused_not_run_alone():
    "A task with a sidecar service is refused before anything is built (our engine runs one container), naming the service"
    from terminal_lego.tasks import Task, lint
    from terminal_lego.verify import build_task_image, ComposeUnsupported
    task = Task.read(BAD/'build_failed__compose-sidecar')
    assert [i.level for i in lint(task.path)] == ['warning']      # a valid Harbor task: lint only warns
    with pytest.raises(ComposeUnsupported, match=r'besides main \(db\)'): build_task_image(task)

@pytest.mark.docker
@pytest.mark.parametrize('case', [c for c in CASES if expected(c) != 'flaky'])
def test_bad_task_rejected(case, docker_client, base_images):
    from terminal_lego.verify import verify_task
    v = verify_task(BAD/case, k=2, network=False)
    assert v['reason'] == expected(case), v['detail']
    assert not v['ok'] and v['detail']

@pytest.mark.docker
def test_flaky_detected(docker_client, base_images):
    "The coin-flip test passes half the time: over 4 oracle runs it shows both outcomes with p = 7/8; 3 tries miss with p < 0.2 %"
    from terminal_lego.verify import verify_task
    seen = []
    for _ in range(3):
        v = verify_task(BAD/'flaky__coin-flip', k=4, network=False)
        seen.append(v['reason'])
        if v['reason'] == 'flaky': break
    assert seen[-1] == 'flaky', seen
    assert {'flaky', 'ok', 'oracle_failed'} >= set(seen)

@pytest.mark.docker
def test_hung_solution_is_killed_quickly(docker_client, base_images):
    from terminal_lego.verify import verify_task
    t0 = time.monotonic()
    v = verify_task(BAD/'timeout__hanging-solution', k=1, network=False)
    assert v['reason'] == 'timeout' and 'agent.timeout_sec = 3.0' in v['detail']
    assert time.monotonic() - t0 < 30

def _ours(client, pid):
    "Containers the process `pid` owns (low-level list: no per-container inspect that races with removals)"
    return [c for c in client.api.containers(all=True, filters={'label': 'terminal_lego.owner'}) if f":{pid}:" in c['Labels']['terminal_lego.owner']]

@pytest.mark.docker
def test_kill9_then_resume(tmp_path, docker_client, base_images):
    from terminal_lego.tasks import seed_tasks
    from terminal_lego.core import read_jsonl
    tasks = tmp_path/'tasks'
    for p in seed_tasks()[:5]: shutil.copytree(p, tasks/p.name)
    out = tmp_path/'out'; report = out/'report.jsonl'
    code = (f"from terminal_lego.verify import verify; verify({str(tasks)!r}, {str(out)!r}, workers=2, k=2, network=False, progress=False)")
    p = subprocess.Popen([sys.executable, '-c', code])
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and len(list(read_jsonl(report))) < 2: time.sleep(0.2)
    time.sleep(1.0)                      # let it get into the middle of the next tasks' containers
    os.kill(p.pid, signal.SIGKILL); p.wait()
    before = {r['task']: r for r in read_jsonl(report)}
    assert 2 <= len(before) < 5, f"the run should be killed mid-way, it decided {len(before)}"
    assert _ours(docker_client, p.pid), "the killed run should have left containers behind (else this test proves nothing)"
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    after = list(read_jsonl(report))
    assert sorted(x['task'] for x in after) == sorted(q.name for q in tasks.iterdir())   # each task decided exactly once
    assert all(x['reason'] == 'ok' for x in after), [(x['task'], x['reason']) for x in after]
    assert all(before[t] == next(x for x in after if x['task'] == t) for t in before)  # nothing decided was lost or redone
    assert not _ours(docker_client, p.pid), "the rerun must reap the killed run's containers"
