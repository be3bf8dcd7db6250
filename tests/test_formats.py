"Trajectory formats people bring: each reader on its fixture, round trips (hypothesis), bad files, and foreign trajectories through EGS, selection and SFT rows"
import json, tempfile, warnings
from collections import Counter
from pathlib import Path
import pytest
from hypothesis import given, settings, strategies as st, HealthCheck
from terminal_lego.trajectory import Trajectory, from_openai, from_atif, to_atif, terminus_reply
from terminal_lego.formats import (FormatError, WRITES, parse_reply, from_harbor_traces, to_harbor_traces,
                                   from_openai_messages, to_openai_doc, from_nemo_gym, read_atif_trial, detect_format,
                                   iter_trajectories, write_trajectories, convert, to_atif_doc)

FIX = Path(__file__).parent/'data'/'formats'
text = st.text(st.characters(blacklist_categories=('Cs',)), max_size=40)
keys = st.one_of(text, st.sampled_from(['ls -la\n', 'cat /app/x.py\n', "cat > f <<'EOF'\n{\"a\": 1}\nEOF\n", 'C-c']))
command = st.fixed_dictionaries({'keystrokes': keys, 'duration': st.floats(0, 60, allow_nan=False)})

@st.composite
def reply(draw):
    "A Terminus-2 reply, sometimes after a reasoning model's <think>, sometimes not JSON at all"
    body = terminus_reply(draw(st.lists(command, max_size=3)), draw(text), draw(text), draw(st.booleans()))
    kind = draw(st.sampled_from(['json', 'think', 'garbage']))
    if kind == 'garbage': return draw(text)
    return f"<think>{draw(text).replace('</think>', '')}</think>\n{body}" if kind == 'think' else body

@st.composite
def trajectory(draw, end_on_reply=False):
    "One of our trajectories: a prompt, then replies, each usually answered; Harbor's meta fields"
    msgs = ([{'role': 'system', 'content': draw(text)}] if draw(st.booleans()) else []) + [{'role': 'user', 'content': draw(text)}]
    for _ in range(draw(st.integers(1, 5))):
        msgs.append({'role': 'assistant', 'content': draw(reply())})
        msgs.append({'role': 'user', 'content': draw(text)})
    if end_on_reply or draw(st.booleans()): msgs.pop()
    meta = dict(task_name=draw(text), trial=draw(text.filter(bool)), agent=draw(text), model=draw(text),
                model_provider=draw(text), date=draw(text), run_id=draw(text), reward=draw(st.sampled_from([0.0, 1.0, 0.5])))
    return from_openai(msgs, {**meta, 'result': str(meta['reward'])}, parse=parse_reply)

def through(to:str, t:Trajectory, suffix='.jsonl')->list[Trajectory]:
    "Write with write_trajectories, read back with iter_trajectories (the file layer included)"
    with tempfile.TemporaryDirectory() as d:
        p = write_trajectories(Path(d)/f'out{suffix}', t, to)
        back = list(iter_trajectories(p))
    for b in back: assert b.meta.pop('format') == to
    return back

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trajectory())
def test_ours_through_atif_and_sharegpt_is_unchanged(t):
    assert through('atif', t, '.json') == [t]
    assert through('sharegpt', t) == [t]

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trajectory())
def test_ours_through_openai_keeps_the_messages_and_turns(t):
    "A bare message list carries no metadata: messages and turns come back, meta does not"
    assert through('openai', t, '.json') == [Trajectory(t.messages, t.turns, {})]

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trajectory(end_on_reply=True))
def test_ours_through_harbor_traces_is_unchanged(t):
    "Rows end on a reply, so a trajectory that does is carried whole, Harbor's fields included"
    rows = to_harbor_traces(t)
    assert len(rows) == len(t.turns) and set(rows[0]) == {'conversations', 'agent', 'model', 'model_provider', 'date',
                                                          'task', 'episode', 'run_id', 'trial_name', 'result'}
    assert through('harbor-traces', t, '.json') == [t]

@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(text, text, st.lists(keys, max_size=3), st.booleans()), min_size=1, max_size=4), st.sampled_from(['ATIF-v1.7', 'ATIF-v1.8']))
def test_harbor_atif_read_and_written_back_keeps_mark_task_complete(steps, version):
    "A Harbor Terminus-2 (non-raw) ATIF document: its calls come back as calls, mark_task_complete included"
    doc = {'schema_version': 'ATIF-v1.6', 'session_id': 's', 'agent': {'name': 'terminus-2', 'version': '2'},
           'steps': [{'step_id': 1, 'source': 'user', 'message': 'task'}]}
    for a, p, ks, done in steps:
        calls = [{'tool_call_id': f'c{j}', 'function_name': 'bash_command', 'arguments': {'keystrokes': k, 'duration': 1.0}}
                 for j, k in enumerate(ks)] + ([{'tool_call_id': 'd', 'function_name': 'mark_task_complete', 'arguments': {}}] if done else [])
        doc['steps'].append({'step_id': len(doc['steps']) + 1, 'source': 'agent', 'message': f"Analysis: {a}\nPlan: {p}",
                             **({'tool_calls': calls} if calls else {}), 'observation': {'results': [{'content': 'out'}]}})
    t = from_atif(doc)
    assert [(x.commands, x.task_complete, x.parse_error) for x in t.turns] == \
           [([{'keystrokes': k, 'duration': 1.0} for k in ks], done, None) for _, _, ks, done in steps]
    back = json.loads(json.dumps(to_atif_doc(t, version)))
    assert from_atif(back) == t and back['schema_version'] == version
    names = lambda d: [[c['function_name'] for c in s.get('tool_calls', [])] for s in d['steps'] if s['source'] == 'agent']
    assert names(back) == names(doc)

@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(text, keys.filter(lambda k: '```' not in k and k.strip())), min_size=1, max_size=4))
def test_mini_swe_agent_read_written_read(steps):
    "mini-swe-agent's dict keeps info and trajectory_format; its bash blocks are the commands"
    msgs = [{'role': 'system', 'content': 'sys'}, {'role': 'user', 'content': 'task'}]
    for thought, k in steps:
        msgs += [{'role': 'assistant', 'content': f"THOUGHT: {thought}\n\n```bash\n{k.rstrip(chr(10))}\n```"},
                 {'role': 'user', 'content': '<returncode>0</returncode>\n<output>\n</output>'}]
    doc = {'info': {'exit_status': 'Submitted', 'config': {'model': {'model_name': 'm'}}}, 'messages': msgs,
           'trajectory_format': 'mini-swe-agent-1'}
    t = from_openai_messages(doc)
    assert [c['keystrokes'] for x in t.turns for c in x.commands] == [k.rstrip('\n') + '\n' for _, k in steps]
    assert to_openai_doc(t) == doc and from_openai_messages(json.loads(json.dumps(to_openai_doc(t)))) == t

# foreign fixtures: read -> written in their own format -> read again loses nothing the format carries
OWN = {'harbor_traces.json': 'harbor-traces', 'count-lines.traj.json': 'openai', 'openai_messages.json': 'openai',
       'openhands_trajectory.json': 'atif', 'sharegpt.jsonl': 'sharegpt'}

@pytest.mark.parametrize('name', sorted(OWN))
def test_foreign_fixture_written_in_its_own_format_reads_the_same(name, tmp_path):
    first = list(iter_trajectories(FIX/name))
    p = write_trajectories(tmp_path/name, first, OWN[name])
    assert list(iter_trajectories(p)) == first

def test_harbor_trial_folder_written_back_as_atif(tmp_path):
    main, summary = read_atif_trial(FIX/'harbor_trial'/'agent'/'trajectory.json')
    for t, name in ((main, 'main'), (summary, 'summary')):
        p = write_trajectories(tmp_path/f'{name}.json', t, 'atif')
        assert read_atif_trial(p) == [t]

def test_each_reader_on_its_fixture():
    done, summarised = from_harbor_traces(json.loads((FIX/'harbor_traces.json').read_text()))
    assert (done.meta['trial'], done.meta['reward'], len(done.turns)) == ('count-lines__a1B2c3D', 1.0, 3)
    assert all('<think>' not in c['keystrokes'] for t in done.turns for c in t.commands)
    assert [t.is_copied_context for t in summarised.turns] == [False, False, True, False, False]
    mini = from_openai_messages(json.loads((FIX/'count-lines.traj.json').read_text()))
    assert mini.turns[0].commands == [{'keystrokes': 'wc -l /app/data.txt\n', 'duration': 1.0}] and mini.turns[-1].task_complete
    t2, t1 = [from_nemo_gym(json.loads(l)) for l in (FIX/'nemo_gym_rollouts.jsonl').read_text().splitlines()]
    assert t2.turns[0].analysis == 'Empty prompt.' and t1.turns[0].commands[0]['keystrokes'] == 'wc -l < /app/data.txt > /app/count.txt\n'
    main, summary = read_atif_trial(FIX/'harbor_trial'/'agent'/'trajectory.json')
    assert [t.is_copied_context for t in main.turns] == [False, True, False] and main.turns[-1].task_complete
    assert main.meta['reward'] == 1.0 and summary.meta['subagent_of'] == '6f1c-trial'

def test_mixed_folder_count_and_formats():
    got = list(iter_trajectories(FIX))
    assert Counter(t.meta['format'] for t in got) == {'harbor-traces': 2, 'atif': 3, 'openai': 2, 'nemo-gym': 2, 'sharegpt': 1}
    assert detect_format(FIX/'count-lines.traj.json') == 'openai'

def test_bad_files_say_where_and_what(tmp_path):
    with pytest.raises(FormatError, match=r'cut\.json:\d+: not valid JSON .* truncated'):
        (tmp_path/'cut.json').write_text((FIX/'openai_messages.json').read_text()[:300]); list(iter_trajectories(tmp_path/'cut.json'))
    (tmp_path/'bytes.json').write_bytes(b'[{"role": "user", "content": "\xff"}]')
    with pytest.raises(FormatError, match=r'bytes\.json:1: byte .* is not UTF-8'): list(iter_trajectories(tmp_path/'bytes.json'))
    rows = (FIX/'nemo_gym_rollouts.jsonl').read_text().splitlines()
    (tmp_path/'mid.jsonl').write_text('\n'.join([rows[0], '{"conversations": [{"from": "human", "value": "x"}]}', rows[1]]) + '\n')
    with pytest.raises(FormatError, match=r'mid\.jsonl:2: sharegpt .* in a nemo-gym file'): list(iter_trajectories(tmp_path/'mid.jsonl'))
    (tmp_path/'mid.jsonl').write_text('\n'.join([rows[0], '{"responses_create', rows[1]]) + '\n')
    with pytest.raises(FormatError, match=r'mid\.jsonl:2: not a JSON line'): list(iter_trajectories(tmp_path/'mid.jsonl'))
    (tmp_path/'torn.jsonl').write_text(rows[0] + '\n' + rows[1][:100])
    with pytest.warns(UserWarning, match=r'torn\.jsonl:2: the last line is cut off'):
        assert len(list(iter_trajectories(tmp_path/'torn.jsonl'))) == 1
    (tmp_path/'x.json').write_text('{"episodes": [1]}')
    with pytest.raises(FormatError, match=r"x\.json: not a trajectory format we read \(atif, sharegpt, harbor-traces, openai, "
                                          r"nemo-gym\): found a dict with keys episodes"): detect_format(tmp_path/'x.json')

def test_a_failing_writer_leaves_nothing_half_written(tmp_path):
    t = from_openai_messages(json.loads((FIX/'openai_messages.json').read_text()))
    p = write_trajectories(tmp_path/'t.jsonl', [t, t], 'sharegpt')
    before = p.read_bytes()
    bad = Trajectory([{'role': 'assistant', 'content': 'x'}], [], {'reward': object()})   # a reward that is no number
    with pytest.raises(TypeError): write_trajectories(p, [t, bad], 'harbor-traces')
    assert p.read_bytes() == before and [f.name for f in tmp_path.iterdir()] == ['t.jsonl']

def test_convert_command(tmp_path):
    from terminal_lego.cli import main
    main(['convert', str(FIX), str(tmp_path/'all.jsonl'), '--to', 'sharegpt'])
    assert len((tmp_path/'all.jsonl').read_text().splitlines()) == 10
    with pytest.raises(SystemExit) as e: main(['convert', str(tmp_path/'nope.json'), str(tmp_path/'o.json'), '--to', 'atif'])
    assert e.value.code == 2

def test_foreign_trajectories_through_egs_select_and_sft():
    "One trajectory of each format, analysed, selected and made into SFT rows like ours; copied context is never trained"
    from terminal_lego.egs import egs_table
    from terminal_lego.select import select_successful, pick
    from terminal_lego.sft_data import SftDataConfig, build_rows, segments, smollm2_tokenizer
    got = list(iter_trajectories(FIX))
    one = {}
    for t in got:   # one of each format; where a format has one with copied context, that one
        f, copied = t.meta['format'], any(x.is_copied_context for x in t.turns)
        if f not in one or (copied and not any(x.is_copied_context for x in one[f].turns)): one[f] = t
    assert sorted(one) == ['atif', 'harbor-traces', 'nemo-gym', 'openai', 'sharegpt']
    trajs = list(one.values())
    table, _ = egs_table(trajs, commands=False)
    assert (table.commands > 0).all() and table.turns.tolist() == [len(t.turns) for t in trajs]
    for t in trajs: t.meta.setdefault('reward', 1.0)     # OpenAI messages carry no reward
    assert len(pick(trajs, select_successful(egs_table(trajs, commands=False)[0]))) == sum(t.reward >= 1 for t in trajs)
    tok, cfg = smollm2_tokenizer(), SftDataConfig(include_failed=True)
    rows, n = build_rows(trajs, tok, cfg)
    assert n['kept'] == len(trajs)
    for t, row in zip(trajs, rows):
        segs = segments(t, tok, cfg)
        assert [trained for _, trained in segs[1::2]] == [not x.is_copied_context for x in t.turns]
        trained = sum(len(tok(s, add_special_tokens=False)['input_ids']) for s, tr in segs if tr)
        assert sum(l != -100 for l in row['labels']) == trained
    copied = [t for t in trajs if any(x.is_copied_context for x in t.turns)]
    assert {t.meta['format'] for t in copied} == {'atif', 'harbor-traces'}

def test_big_json_arrays_and_jsonl_stream_with_the_same_result(tmp_path, monkeypatch):
    "A .json array past formats._STREAM is read item by item (ijson), a .jsonl line by line: same trajectories"
    import terminal_lego.formats as F
    from terminal_lego.trajectory import to_sharegpt
    rows = [to_sharegpt(t) for t in iter_trajectories(FIX) if t.meta['format'] == 'openai']
    (tmp_path/'rows.json').write_text(json.dumps(rows))
    whole = [t.turns for t in iter_trajectories(tmp_path/'rows.json')]
    monkeypatch.setattr(F, '_STREAM', 0)
    assert [t.turns for t in iter_trajectories(tmp_path/'rows.json')] == whole and len(whole) == len(rows)
    (tmp_path/'cut.json').write_text(json.dumps(rows)[:-40])
    with pytest.raises(FormatError, match='truncated'): list(iter_trajectories(tmp_path/'cut.json'))
    (tmp_path/'bad.jsonl').write_bytes(b''.join(json.dumps(r).encode() + b'\n' for r in rows) + b'{"x": "\xff"}\n')
    with pytest.raises(FormatError, match=rf'bad.jsonl:{len(rows) + 1}: .* is not UTF-8'): list(iter_trajectories(tmp_path/'bad.jsonl'))
