"Trajectories round-trip ShareGPT <-> internal <-> ATIF without loss, and our ATIF passes Harbor's own validator"
import json, subprocess, sys
from pathlib import Path
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from terminal_lego.trajectory import (Turn, Trajectory, from_sharegpt, to_sharegpt, from_atif, to_atif, from_openai,
                                      to_openai, write_atif, parse_terminus_reply)

ROOT = Path(__file__).parents[1]
text = st.text(st.characters(blacklist_categories=('Cs',)), max_size=60)   # any unicode but lone surrogates
keys = st.one_of(text, st.sampled_from(['ls -la\n', 'cat /app/x.py\n', "cat > f <<'EOF'\n{\"a\": 1}\nEOF\n", 'C-c', '']))
command = st.fixed_dictionaries({'keystrokes': keys, 'duration': st.floats(0, 60, allow_nan=False)})

@st.composite
def reply(draw):
    "A Terminus-2 reply: usually valid JSON (sometimes wrapped in prose), sometimes garbage"
    kind = draw(st.sampled_from(['json', 'json', 'wrapped', 'garbage']))
    if kind == 'garbage': return draw(text)
    body = json.dumps(dict(analysis=draw(text), plan=draw(text), commands=draw(st.lists(command, max_size=4)),
                           task_complete=draw(st.booleans())), ensure_ascii=draw(st.booleans()))
    return f"Here:\n```json\n{body}\n```" if kind == 'wrapped' else body

@st.composite
def sharegpt_row(draw):
    "A record in the released ShareGPT-Terminus shape, with metadata"
    conv = ([{'from': 'system', 'value': draw(text)}] if draw(st.booleans()) else []) + [{'from': 'human', 'value': draw(text)}]
    for _ in range(draw(st.integers(0, 6))):
        conv.append({'from': 'gpt', 'value': draw(reply())})
        if draw(st.integers(0, 9)): conv.append({'from': 'human', 'value': draw(text)})   # the last reply may get no answer
    meta = draw(st.fixed_dictionaries({}, optional={'reward': st.sampled_from([0, 1, 0.5]), 'task_name': text,
        'task_path': text, 'difficulty': st.sampled_from(['easy', 'medium', 'hard']), 'source': text,
        'oracle_passed_task': st.booleans()}))
    return {'conversations': conv, **meta}

usage = st.fixed_dictionaries({}, optional={'prompt_tokens': st.integers(0, 10**6), 'completion_tokens': st.integers(0, 10**5),
                                            'cached_tokens': st.integers(0, 10**6), 'cost_usd': st.floats(0, 10, allow_nan=False),
                                            'reasoning_tokens': st.integers(0, 100)})

def through_json(obj): return json.loads(json.dumps(obj))

@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sharegpt_row())
def test_sharegpt_internal_atif_roundtrip(row):
    t = from_sharegpt(through_json(row))
    back = from_atif(through_json(to_atif(t)))
    assert back == t                                   # internal -> ATIF -> internal is the identity
    assert to_sharegpt(back) == row                    # and so is ShareGPT -> internal -> ATIF -> internal -> ShareGPT
    assert from_openai(to_openai(t), t.meta) == t      # OpenAI messages carry everything ShareGPT does

@settings(max_examples=150, deadline=None)
@given(sharegpt_row(), st.data())
def test_rich_turns_survive_atif(row, data):
    "Usage, timings, timestamps and copied-context flags (which ShareGPT cannot hold) survive ATIF"
    t = from_sharegpt(row)
    for turn in t.turns:
        turn.usage = data.draw(usage)
        turn.timings = data.draw(st.fixed_dictionaries({}, optional={'model_s': st.floats(0, 100), 'env_s': st.floats(0, 100)}))
        turn.timestamp = data.draw(st.one_of(st.none(), st.just('2026-06-01T10:00:00+00:00')))
        turn.is_copied_context = data.draw(st.booleans())
        if data.draw(st.integers(0, 5)) == 0: turn.observation = turn.parse_error = None   # next user message is not its reply
    doc = through_json(to_atif(t))
    assert from_atif(doc) == t
    assert to_sharegpt(from_atif(doc)) == row
    assert doc['final_metrics']['total_prompt_tokens'] == sum(x.usage.get('prompt_tokens', 0) for x in t.turns)
    agent = [s for s in doc['steps'] if s['source'] == 'agent']
    assert [s['llm_call_count'] for s in agent] == [0 if x.is_copied_context else 1 for x in t.turns]
    assert [s.get('is_copied_context', False) for s in agent] == [x.is_copied_context for x in t.turns]

@given(st.text(max_size=200))
def test_parser_never_raises(s):
    r = parse_terminus_reply(s)
    assert (r['error'] is None) or r['commands'] == []

def _harbor_python()->Path:
    "The Harbor venv's python, built with scripts/harbor_venv.sh when missing"
    py = ROOT/'.venv-harbor'/'bin'/'python'
    if py.exists(): return py
    script = ROOT/'scripts'/'harbor_venv.sh'
    if not script.exists(): pytest.skip('scripts/harbor_venv.sh does not exist yet (the Harbor venv is built by the tasks issue)')
    r = subprocess.run(['bash', str(script)], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0 and py.exists(), f"scripts/harbor_venv.sh failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    return py

def _sample_trajectory()->Trajectory:
    msgs = [{'role': 'system', 'content': 'You are an AI assistant solving command-line tasks.'},
            {'role': 'user', 'content': 'Task Description:\nFix /app/x.py\n\nCurrent terminal state:\nroot@c:/app# '},
            {'role': 'assistant', 'content': json.dumps({'analysis': 'look first', 'plan': 'read it',
                'commands': [{'keystrokes': 'cat /app/x.py\n', 'duration': 0.1}], 'task_complete': False})},
            {'role': 'user', 'content': 'print(1\nroot@c:/app# '},
            {'role': 'assistant', 'content': 'not json'},
            {'role': 'user', 'content': 'Previous response had parsing errors:\nERROR: No valid JSON found in response'},
            {'role': 'assistant', 'content': json.dumps({'analysis': 'fix', 'plan': 'edit', 'task_complete': True,
                'commands': [{'keystrokes': "sed -i 's/(1$/(1)/' /app/x.py\n", 'duration': 0.1}]})}]
    t = from_openai(msgs, {'task_name': 'fix-x', 'teacher': 'hand', 'model': 'hand-written', 'reward': 1})
    t.turns[0].usage = {'prompt_tokens': 100, 'completion_tokens': 20, 'cached_tokens': 0, 'cost_usd': 0.0}
    t.turns[0].timestamp = '2026-06-01T10:00:00+00:00'
    t.turns[2].is_copied_context = True
    return t

def _validate(py, f):
    return subprocess.run([str(py), '-m', 'harbor.utils.trajectory_validator', str(f)], capture_output=True, text=True, timeout=300)

@pytest.mark.interop
def test_atif_passes_harbor_validator(tmp_path):
    "Our ATIF (usage, timestamps, copied context, parse errors, and the hand-labelled set) passes; a broken file does not"
    from terminal_lego.egs import labelled_set
    py = _harbor_python()
    trajs = [_sample_trajectory()] + [from_sharegpt(r) for r, _, _ in labelled_set()]
    for i, t in enumerate(trajs):
        r = _validate(py, write_atif(tmp_path/f'{i}'/'trajectory.json', t))
        assert r.returncode == 0, f"Harbor rejected our ATIF ({t.meta.get('task_name')}):\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    doc = to_atif(trajs[0]); doc['steps'][0]['not_in_schema'] = 1
    (tmp_path/'bad.json').write_text(json.dumps(doc))
    assert _validate(py, tmp_path/'bad.json').returncode != 0     # the validator is really checking
