"SIGKILL a 10-trial rollout job midway; the rerun finishes every trial exactly once and leaves no container behind"
import os, json, textwrap
import pytest

JOB = textwrap.dedent('''
    import sys
    from terminal_lego.rollout import rollout
    from terminal_lego.tasks import seed_tasks
    rollout(seed_tasks()[:5], ['scripted-grounded'], sys.argv[1], k=2, workers=2, progress=False)
''')

@pytest.mark.docker
def test_kill_and_resume(tmp_path, docker_client, base_images, kill_midway, containers_of):
    out = tmp_path/'job'
    pid = kill_midway(JOB, [out], out, 'trials/*/result.json', 3, settle=1.0)
    first = {r.parent.name: json.loads(r.read_text()) for r in out.glob('trials/*/result.json')}
    assert 3 <= len(first) < 10, f"{len(first)} trials finished before the kill: it was not midway"
    orphans = containers_of(pid)                         # containers of the trials that were running
    from terminal_lego.rollout import rollout
    from terminal_lego.tasks import seed_tasks
    df = rollout(seed_tasks()[:5], ['scripted-grounded'], out, k=2, workers=2, progress=False)
    results = sorted(out.glob('trials/*/result.json'))
    assert len(results) == 10 and len(df) == 10
    assert sorted(df.reward) == [1.0]*10, df[['task', 'status', 'reason']].to_string()
    for name, r in first.items():                        # finished trials were kept, not rerun
        assert json.loads((out/'trials'/name/'result.json').read_text())['started_at'] == r['started_at']
    assert not list(out.glob('trials/*/result.attempt*.json'))   # no trial ran twice to a result
    assert containers_of(pid) == [], f"orphans left: {[c['Id'][:12] for c in orphans]}"
    assert containers_of(os.getpid()) == []              # and the rerun removed its own containers

@pytest.mark.docker
def test_resume_notices_a_changed_task(tmp_path, docker_client, base_images):
    "solve.sh breaks between two runs of one job: the trial reruns, the old result is kept aside, counted once"
    import shutil
    from terminal_lego.rollout import rollout, results
    from terminal_lego.tasks import seed_tasks
    from terminal_lego.formats import iter_trajectories
    task = shutil.copytree(seed_tasks()[0], tmp_path/'tasks'/seed_tasks()[0].name)
    job, name = tmp_path/'job', f"{task.name}__oracle__0"
    assert rollout([task], ['oracle'], job, workers=1, progress=False).reward.tolist() == [1.0]
    first = json.loads((job/'trials'/name/'result.json').read_text())
    (task/'solution'/'solve.sh').write_text('#!/bin/bash\nexit 3\n')
    df = rollout([task], ['oracle'], job, workers=1, progress=False)
    assert df.reward.tolist() == [0.0] and len(results(job)) == 1
    (kept,) = (job/'attempts'/name).iterdir()
    assert kept.name == first['trial_key'] and json.loads((kept/'result.json').read_text())['reward'] == 1.0
    assert (kept/'trajectory.json').exists()
    assert json.loads((job/'job.json').read_text())['changed'] == [name]
    assert len(list(iter_trajectories(job/'trials'))) == 1             # what analysis and SFT read: one trial
    # a job folder from before keys: its result has none and counts as unchanged (kept, not rerun)
    r = json.loads((job/'trials'/name/'result.json').read_text()); r.pop('trial_key')
    (job/'trials'/name/'result.json').write_text(json.dumps(r))
    (task/'solution'/'solve.sh').write_text('#!/bin/bash\nexit 4\n')
    rollout([task], ['oracle'], job, workers=1, progress=False)
    assert json.loads((job/'trials'/name/'result.json').read_text())['finished_at'] == r['finished_at']
    assert len(list((job/'attempts'/name).iterdir())) == 1
