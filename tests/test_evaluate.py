"Evaluation: the held-out check on every input shape, pass@1 and its interval, and reading Harbor's job folders"
import json, shlex, shutil
import pytest
from pathlib import Path
from terminal_lego.core import TaskError, ConfigError, TerminalLegoError
from terminal_lego.tasks import Task, seed_tasks_dir
from terminal_lego.trajectory import write_sharegpt
from terminal_lego.formats import iter_trajectories
from terminal_lego.evaluate import (evaluate, check_held_out, training_tasks, instruction_hash, pass_at_1, by_category, student_table,
                                    read_harbor_results, harbor_tb2_command, serve_student_command, STATUSES, EVAL_COLUMNS)

ROOT = Path(__file__).parents[1]
JOB = Path(__file__).parent/'data'/'harbor_job'
TRAJS = ROOT/'nbs'/'data'/'scripted_seed_trajectories.jsonl'
HELD = ['merge-intervals', 'word-frequency']

@pytest.fixture(scope='module')
def train_trajs():
    return [t for t in iter_trajectories(TRAJS) if t.meta['task_name'] not in HELD]

def held(): return [seed_tasks_dir()/n for n in HELD]

# --- held-out check -------------------------------------------------------------------------------------------------

def test_held_out_passes_and_training_task_is_refused(train_trajs):
    assert check_held_out(held(), train_trajs)['trained_names'] == 16
    with pytest.raises(TaskError, match=r'1 of 3 .*fix-stats-script \(same name and instruction\)'):
        check_held_out(held() + [seed_tasks_dir()/'fix-stats-script'], train_trajs)

def test_renamed_copy_is_caught_by_instruction(train_trajs, tmp_path):
    t = Task.read(seed_tasks_dir()/'ini-port-edit')
    t.instruction = '  ' + t.instruction.replace('\n', '\n\n').upper()      # reformatted, same words
    copy = t.write(tmp_path/'port-config').path
    with pytest.raises(TaskError, match=r'port-config \(same instruction\)'): check_held_out([copy], train_trajs)

def test_a_changed_instruction_is_held_out(train_trajs, tmp_path):
    t = Task.read(seed_tasks_dir()/'ini-port-edit'); t.instruction += '\nAlso write the old port to /app/old.txt.\n'
    assert check_held_out([t.write(tmp_path/'port-config-2').path], train_trajs)['eval_tasks'] == 1

@pytest.mark.parametrize('shape', ['names', 'task_dirs', 'tasks_folder', 'sharegpt_file', 'rows'])
def test_every_input_shape(shape, train_trajs, tmp_path):
    names = sorted({t.meta['task_name'] for t in train_trajs})
    if shape == 'names': trained = names
    elif shape == 'task_dirs': trained = [seed_tasks_dir()/n for n in names]
    elif shape == 'tasks_folder':
        for n in names: shutil.copytree(seed_tasks_dir()/n, tmp_path/'tasks'/n)
        trained = tmp_path/'tasks'
    elif shape == 'sharegpt_file': trained = write_sharegpt(tmp_path/'t.jsonl', train_trajs)
    else: trained = [dict(task_name=t.meta['task_name'], messages=json.dumps(t.messages)) for t in train_trajs]
    seen = training_tasks(trained)
    assert seen['names'] == set(names)
    check_held_out(held(), trained)
    with pytest.raises(TaskError, match='checksum-audit'): check_held_out([seed_tasks_dir()/'checksum-audit'], trained)

def test_dataset_dir_from_sft_data(train_trajs, tmp_path):
    "The directory 12_sft_data writes: rows keep task_name and messages"
    from transformers import AutoTokenizer
    from terminal_lego.models import model_dir
    from terminal_lego.sft_data import build_dataset, SftDataConfig
    trajs = [t for t in train_trajs if t.meta['teacher'] == 'scripted-terse'][:4]
    build_dataset(trajs, AutoTokenizer.from_pretrained(model_dir('smollm2-135m')), SftDataConfig(max_length=4096), out_dir=tmp_path/'ds')
    seen = training_tasks(tmp_path/'ds')
    assert seen['names'] == {t.meta['task_name'] for t in trajs} and len(seen['hashes']) == 4
    with pytest.raises(TaskError, match=trajs[0].meta['task_name']): check_held_out([seed_tasks_dir()/trajs[0].meta['task_name']], tmp_path/'ds')

def test_evaluate_refuses_before_starting_anything(train_trajs, tmp_path):
    "A training task stops evaluate before any model is built or container started"
    with pytest.raises(TaskError, match='checksum-audit'):
        evaluate(held() + [seed_tasks_dir()/'checksum-audit'], 'vllm:smollm2-135m', tmp_path/'run', trained_on=train_trajs)
    assert not (tmp_path/'run').exists()
    with pytest.raises(ConfigError, match='at least one task'): evaluate([], 'hf:smollm2-135m', tmp_path/'run')

def test_nothing_to_check_against_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match='found no training tasks'): check_held_out(held(), [])
    with pytest.raises(TaskError, match='does not exist'): training_tasks(tmp_path/'missing'/'dataset')

def test_instruction_hash_ignores_case_and_whitespace():
    assert instruction_hash('Write  the\nfile') == instruction_hash('write the file') != instruction_hash('write a file')

# --- pass@1 ---------------------------------------------------------------------------------------------------------

def trials(rewards:dict):
    import pandas as pd
    return pd.DataFrame([dict(task=t, category=t[0], trial=i, reward=r, status='ok' if r is not None else 'agent_error')
                         for t, rs in rewards.items() for i, r in enumerate(rs)])

def test_pass_at_1_averages_trials_then_tasks():
    p = pass_at_1(trials({'a1': [1, 1, 0], 'a2': [0, 0, 0], 'b1': [1, None, 1]}))
    assert p['mean'] == pytest.approx((2/3 + 0 + 2/3)/3) and (p['n_tasks'], p['k']) == (3, 3)
    assert p['lo'] <= p['mean'] <= p['hi']

def test_interval_is_over_tasks_and_narrows_with_more_tasks():
    few = pass_at_1(trials({f't{i}': [i % 2] for i in range(10)}))
    many = pass_at_1(trials({f't{i}': [i % 2] for i in range(400)}))
    assert few['mean'] == many['mean'] == 0.5
    assert (many['hi'] - many['lo']) < (few['hi'] - few['lo']) / 3
    same = pass_at_1(trials({'a': [1, 1], 'b': [1, 1]}))
    assert (same['lo'], same['hi']) == (1.0, 1.0)

def test_fractional_rewards_do_not_pass():
    assert pass_at_1(trials({'a': [0.99], 'b': [1.0]}))['mean'] == 0.5

def test_by_category():
    bc = by_category(trials({'a1': [1], 'a2': [1], 'b1': [0]}))
    assert bc[['category', 'mean', 'n_tasks']].values.tolist() == [['a', 1.0, 2], ['b', 0.0, 1]]

def test_student_table_from_eval_tables():
    t = student_table([dict(teacher='x', tor=10., turns=5., eval=trials({'a': [1], 'b': [0]})),
                       dict(teacher='y', tor=2., turns=3., student=None)])
    assert t.loc[0, 'student'] == 50.0 and t.loc[0, 'student_lo'] <= 50.0 <= t.loc[0, 'student_hi']
    assert t.loc[1, 'student'] is None or t.loc[1, 'student'] != t.loc[1, 'student']   # no score: empty, not 0

# --- Harbor -----------------------------------------------------------------------------------------------------------

def test_read_recorded_harbor_job():
    df = read_harbor_results(JOB)
    assert list(df.columns[:len(EVAL_COLUMNS)]) == EVAL_COLUMNS
    assert len(df) == 4 and set(df.status) == {'ok'} and set(df.status) <= set(STATUSES)
    assert df.groupby('agent').reward.apply(list).to_dict() == {'nop': [0.0, 0.0], 'oracle': [1.0, 1.0]}
    assert sorted(df.trial.tolist()) == [0, 0, 1, 1] and (df.seconds > 0).all()
    assert pass_at_1(df)['mean'] == 0.5

def test_harbor_categories_from_local_tasks():
    df = read_harbor_results(JOB, tasks=seed_tasks_dir())
    cats = {n: Task.read(seed_tasks_dir()/n).config.metadata.category for n in df.task}
    assert df.category.tolist() == [cats[n] for n in df.task]

def test_harbor_exceptions_become_statuses(tmp_path):
    job = shutil.copytree(JOB, tmp_path/'job')
    files = sorted(job.rglob('result.json'))
    trial_files = [f for f in files if 'trial_name' in json.loads(f.read_text())]
    for f, exc in zip(trial_files, ['AgentTimeoutError', 'RuntimeError']):
        r = json.loads(f.read_text())
        r.update(verifier_result=None, exception_info=dict(exception_type=exc, exception_message='boom', exception_traceback='',
                                                          occurred_at=r['finished_at']))
        f.write_text(json.dumps(r))
    df = read_harbor_results(job)
    assert sorted(df.status) == ['agent_error', 'ok', 'ok', 'timeout']
    assert df[df.status != 'ok'].reward.isna().all() and df.reason.str.contains('boom').sum() == 2

def test_harbor_reader_refuses_an_empty_folder(tmp_path):
    with pytest.raises(TerminalLegoError, match='no Harbor trial results'): read_harbor_results(tmp_path)

def test_commands():
    c = shlex.split(harbor_tb2_command('http://10.0.0.2:8000/v1', 'student', k=5, path='/data/tasks'))
    assert c[c.index('-p') + 1] == '/data/tasks' and c[c.index('-k') + 1] == '5' and '-d' not in c
    assert c[c.index('-m') + 1] == 'openai/student' and c[c.index('--ak') + 1] == 'api_base=http://10.0.0.2:8000/v1'
    s = shlex.split(serve_student_command('Qwen/Qwen3-8B', '/runs/a/adapter'))
    assert s[:3] == ['vllm', 'serve', 'Qwen/Qwen3-8B'] and s[s.index('--lora-modules') + 1] == 'student=/runs/a/adapter'
    assert '--served-model-name' in serve_student_command('/runs/a/merged')
