"""The `terminal-lego` command as a user runs it: every subcommand explains itself, expected failures are one line
(exit 2, no traceback), and `analyze` / `select` work on a trajectories file"""
import subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).parents[1]
TRAJS = ROOT/'nbs'/'data'/'scripted_seed_trajectories.jsonl'

def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, '-m', 'terminal_lego.cli', *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)

OPTIONS = {  # the options each issue promised for its subcommand
    'collect': ['--out', '--sample', '--dump'], 'generate': ['--generator', '--limit', '--workers'],
    'verify': ['tasks', '-k'], 'rollout': ['--tasks', '--agent', '--model', '-k', '--workers', '--executor'],
    'analyze': ['sources', '--out', '--views'], 'select': ['--strategy', '--n', '--tokens'], 'sft': ['--config'],
    'evaluate': ['--model', '--tasks', '-k'], 'pipeline': ['--config', '--until'], 'sweep': ['notebook', '--grid'],
    'report': ['run'], 'convert': ['src', 'out', '--to', '--atif-version'], 'engine': ['--verbose'], 'demo': ['--run-dir'], 'families': ['make']}

def test_every_subcommand_is_tested_here():
    from terminal_lego.cli import parser
    assert sorted(parser()._subparsers._group_actions[0].choices) == sorted(OPTIONS)

@pytest.mark.parametrize('sub', sorted(OPTIONS))
def test_help_names_the_options(sub):
    r = cli(sub, '--help')
    assert r.returncode == 0 and r.stdout.startswith(f'usage: terminal-lego {sub}'), r.stderr
    for opt in OPTIONS[sub]: assert opt in r.stdout, f"`terminal-lego {sub} --help` does not mention {opt}"

def test_expected_failures_are_one_line(tmp_path):
    r = cli('pipeline', '--config', tmp_path/'missing.yaml')
    assert r.returncode == 2 and 'Traceback' not in r.stderr
    assert r.stderr.strip() == f"ConfigError: config file {tmp_path/'missing.yaml'} does not exist"
    bad = tmp_path/'bad.yaml'; bad.write_text('rollout: {teacher: [x]}\n')
    r = cli('pipeline', '--config', bad)
    assert r.returncode == 2 and 'unknown key' in r.stderr and "valid keys" in r.stderr and 'Traceback' not in r.stderr
    r = cli('analyze', tmp_path, '--out', tmp_path/'a')
    assert r.returncode == 2 and 'no trajectories found' in r.stderr and 'Traceback' not in r.stderr
    from terminal_lego.tasks import seed_tasks
    h = tmp_path/'h.yaml'; h.write_text('max_turn: 3\n')          # the typo is caught before any trial runs
    r = cli('rollout', '--tasks', seed_tasks()[0], '--agent', 'scripted-terse', '--harness', h, '--out', tmp_path/'j')
    assert r.returncode == 2 and 'unknown key(s) max_turn; valid keys:' in r.stderr and 'Traceback' not in r.stderr
    assert not (tmp_path/'j'/'job.json').exists()
    bad.write_text('rollout: {harness: {max_turn: 3}}\n')
    r = cli('pipeline', '--config', bad, '--run-dir', tmp_path/'run')
    assert r.returncode == 2 and 'max_turn' in r.stderr and 'Traceback' not in r.stderr

def test_analyze_a_trajectories_file(tmp_path):
    r = cli('analyze', TRAJS, '--out', tmp_path/'a')
    assert r.returncode == 0, r.stderr
    import pandas as pd
    t = pd.read_csv(tmp_path/'a'/'tables'/'teachers.csv')
    assert sorted(t.teacher) == ['scripted-grounded', 'scripted-terse']
    assert t.set_index('teacher').tor['scripted-grounded'] > t.set_index('teacher').tor['scripted-terse']
    assert (tmp_path/'a'/'figures'/'figure1.png').stat().st_size > 1000 and (tmp_path/'a'/'egs.parquet').exists()

def test_select_writes_sharegpt_that_analyze_reads(tmp_path):
    r = cli('select', TRAJS, '--strategy', 'shortest', '--n', 4, '--out', tmp_path/'short.jsonl')
    assert r.returncode == 0, r.stderr
    assert len((tmp_path/'short.jsonl').read_text().splitlines()) == 4
    assert cli('analyze', tmp_path/'short.jsonl', '--out', tmp_path/'a').returncode == 0

def test_select_token_matched_gives_teachers_the_same_target_tokens(tmp_path):
    "Each teacher's target tokens, recounted from the written file, are within one trajectory of the others'"
    from terminal_lego.formats import iter_trajectories
    from terminal_lego.sft_data import target_tokens, smollm2_tokenizer
    tok = smollm2_tokenizer()
    for budget in (None, 2000):
        out = tmp_path/f'tm-{budget}.jsonl'
        r = cli('select', TRAJS, '--strategy', 'token-matched', '--out', out, *(['--tokens', budget] if budget else []))
        assert r.returncode == 0, r.stderr
        picked = list(iter_trajectories(out))
        per = {}
        for t, n in zip(picked, target_tokens(picked, tok)): per.setdefault(t.meta['teacher'], []).append(n)
        assert sorted(per) == ['scripted-grounded', 'scripted-terse']
        totals = {k: sum(v) for k, v in per.items()}
        assert abs(totals['scripted-grounded'] - totals['scripted-terse']) <= max(map(max, per.values())), totals
        assert len(per['scripted-grounded']) < len(per['scripted-terse'])      # the inspecting teacher writes more a task
        for teacher, total in totals.items():                                   # and the printed table says so
            assert any(l.split() == [teacher, str(len(per[teacher])), str(total)] for l in r.stdout.splitlines()), r.stdout
        if budget: assert all(abs(total - budget) <= max(per[k]) for k, total in totals.items()), totals
    r = cli('select', TRAJS, '--strategy', 'token-matched', '--tokens', -1, '--out', tmp_path/'bad.jsonl')
    assert r.returncode == 2 and r.stderr.startswith('ConfigError: tokens=-1') and 'Traceback' not in r.stderr

def test_families_list_and_make(tmp_path):
    "One line a family; `make` writes task folders a reader accepts; an unknown family is one ConfigError line"
    from terminal_lego.tasks import Task, lint
    r = cli('families')
    assert r.returncode == 0 and len(r.stdout.splitlines()) >= 10 and 'config-port' in r.stdout, r.stderr
    assert '--split' in cli('families', 'make', '--help').stdout
    r = cli('families', 'make', 'log-errors', '--n', 2, '--seed', 5, '--out', tmp_path/'t')
    assert r.returncode == 0, r.stderr
    made = sorted(p.name for p in (tmp_path/'t').iterdir())
    assert len(made) == 2 and all(Task.read(tmp_path/"t"/n).instruction for n in made), made
    assert not [i for n in made for i in lint(tmp_path/"t"/n) if i.level == "error"]
    r = cli('families', 'make', 'nope', '--out', tmp_path/'u')
    assert r.returncode == 2 and r.stderr.strip().startswith("ConfigError: unknown task family 'nope'")
    assert 'config-port' in r.stderr and 'Traceback' not in r.stderr and not (tmp_path/'u').exists()
