"""The pipeline's resume rules (skip when up to date, rerun a changed stage and what follows), a kill -9 mid-run then a
rerun that completes, and a 4-combination papermill sweep with one failing combination recorded, not fatal"""
import json, textwrap
from pathlib import Path
import pytest, yaml
from terminal_lego.pipeline import pipeline, PipelineConfig, STAGES, split_tasks, task_sets, TasksConfig, FamilyTasks
from terminal_lego.sweep import sweep
from terminal_lego.core import load_config

ROOT = Path(__file__).parents[1]

def _light(tmp_path, **over):
    "Only collect and report do work; the other stages are switched off (they still chain their keys)"
    off = {n: {'enabled': False} for n in STAGES if n not in ('collect', 'report')}
    return load_config(PipelineConfig, {'name': 'light', 'runs_dir': str(tmp_path), 'collect': {'limit': 4}, **off, **over})

def _ran(recs): return [n for n, r in recs.items() if r['ran']]

def test_demo_config_is_the_default():
    assert load_config(PipelineConfig, ROOT/'configs'/'demo.yaml') == PipelineConfig()

@pytest.mark.parametrize('name', ['api-teachers', 'qwen3-8b-gpu', 'ray'])
def test_real_scale_configs_load(name):
    from terminal_lego.sft_train import TrainConfig
    from terminal_lego.sft_data import SftDataConfig
    cfg = load_config(PipelineConfig, ROOT/'configs'/f'{name}.yaml')
    load_config(TrainConfig, cfg.sft.train); load_config(SftDataConfig, cfg.sft.data)   # nested settings are valid too

def test_split_is_stable_and_disjoint(tmp_path):
    seeds = lambda **kw: TasksConfig(seed=True, families=FamilyTasks(enabled=False), **kw)
    train, held = split_tasks(seeds(train_limit=None), tmp_path)
    assert len(held) == 2 and len(train) == 16 and not {d.name for d in train} & {d.name for d in held}
    assert split_tasks(seeds(train_limit=None), tmp_path) == (train, held)
    assert split_tasks(seeds(train_limit=3), tmp_path)[1] == held        # the limit never moves a task into evaluation

def test_family_sets_are_written_into_the_run_and_named(tmp_path):
    sets = task_sets(TasksConfig(), tmp_path)
    assert list(sets) == ['train', 'held-out instances', 'held-out families']
    assert all(p.parent == tmp_path/'families' for v in sets.values() for p in v)
    assert not {p.name for p in sets['train']} & {p.name for v in list(sets.values())[1:] for p in v}
    again = task_sets(TasksConfig(), tmp_path)
    assert again == sets and all((p/'solution'/'expert.json').exists() for p in again['train'])

def test_skip_when_up_to_date_and_rerun_descendants(tmp_path):
    cfg = _light(tmp_path)
    assert _ran(pipeline(cfg, progress=False)) == list(STAGES)
    done = {n: (tmp_path/'light'/f'{n}.done.json').stat().st_mtime_ns for n in STAGES}
    assert _ran(pipeline(cfg, progress=False)) == []
    assert done == {n: (tmp_path/'light'/f'{n}.done.json').stat().st_mtime_ns for n in STAGES}
    cfg.select.seed = 1                                  # a mid-pipeline setting: select and what follows rerun
    assert _ran(pipeline(cfg, progress=False)) == ['select', 'sft', 'evaluate', 'report']
    cfg.collect.limit = 2                                # the first stage: everything reruns, with the new value
    recs = pipeline(cfg, progress=False)
    assert _ran(recs) == list(STAGES) and recs['collect']['outputs']['questions'] == 2
    assert len((tmp_path/'light'/'sources'/'questions.jsonl').read_text().splitlines()) == 2
    cfg_yaml = yaml.safe_load((tmp_path/'light'/'config.yaml').read_text())
    assert cfg_yaml['collect']['limit'] == 2 and 'terminal_lego' in cfg_yaml['run_info']

def test_until_stops_and_the_rest_resumes(tmp_path):
    cfg = _light(tmp_path)
    assert list(pipeline(cfg, until='rollout', progress=False)) == ['collect', 'generate', 'verify', 'rollout']
    assert _ran(pipeline(cfg, progress=False)) == ['analyze', 'select', 'sft', 'evaluate', 'report']

RUN = textwrap.dedent('''
    import sys
    from terminal_lego.pipeline import pipeline
    pipeline(sys.argv[1], run_dir=sys.argv[2], progress=False)
''')

CRASH_CFG = {'name': 'crash', 'tasks': {'seed': True, 'train_limit': 3, 'families': {'enabled': False}}, 'collect': {'limit': 3},
             'generate': {'enabled': False}, 'verify': {'enabled': False}, 'sft': {'enabled': False},
             'evaluate': {'enabled': False}, 'rollout': {'teachers': ['scripted-terse', 'scripted-grounded']}}

@pytest.mark.docker
def test_kill_mid_rollout_then_rerun_completes(tmp_path, docker_client, base_images, kill_midway, containers_of):
    cfg, run = tmp_path/'crash.yaml', tmp_path/'run'
    cfg.write_text(yaml.safe_dump(CRASH_CFG))
    pid = kill_midway(RUN, [cfg, run], run, 'trials/*/result.json', 2)
    first = {r.parent.name: json.loads(r.read_text())['started_at'] for r in run.glob('trials/*/result.json')}
    assert 2 <= len(first) < 6 and (run/'rollout.started.json').exists() and not (run/'rollout.done.json').exists()
    collect_done = (run/'collect.done.json').stat().st_mtime_ns
    recs = pipeline(load_config(PipelineConfig, CRASH_CFG), run_dir=run, progress=False)
    assert _ran(recs) == ['rollout', 'analyze', 'select', 'sft', 'evaluate', 'report']
    assert (run/'collect.done.json').stat().st_mtime_ns == collect_done
    assert recs['rollout']['outputs']['trials'] == 6 and recs['rollout']['outputs']['statuses'] == {'ok': 6}
    for name, started in first.items():                  # trials finished before the kill were kept
        assert json.loads((run/'trials'/name/'result.json').read_text())['started_at'] == started
    page = (run/'report'/'index.html').read_text()
    assert 'data:image/png;base64,' in page and 'scripted-grounded' in page
    assert containers_of(pid) == []

@pytest.mark.slow
def test_sweep_four_combinations_one_failing(tmp_path):
    grid = tmp_path/'grid.yaml'
    grid.write_text(yaml.safe_dump({'strategy': ['high-tor', 'low-tor', 'shortest', 'no-such-strategy'], 'n': 3}))
    df = sweep(ROOT/'nbs'/'experiments'/'selection.ipynb', grid, tmp_path/'sweep', progress=False)
    assert list(df.status) == ['ok', 'ok', 'ok', 'failed']
    assert 'no-such-strategy' in df.error.iloc[3]
    assert list(df.selected[:3]) == [3, 3, 3] and df.turns[2] <= df.turns[0]   # shortest is no longer than high-TOR's
    assert (tmp_path/'sweep'/'results.csv').exists() and (tmp_path/'sweep'/'results.png').stat().st_size > 1000
    assert len(list((tmp_path/'sweep'/'runs').glob('*.ipynb'))) == 4
