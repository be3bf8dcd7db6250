"Hostile keystrokes never crash the EGS analysis: any text gives classified commands with absolute targets"
import json
from hypothesis import given, settings, strategies as st
from terminal_lego.commands import trajectory_commands, parse_line, logical_lines, TorConfig
from terminal_lego.egs import analyze
from terminal_lego.trajectory import from_openai

shellish = st.lists(st.sampled_from(list("abc/. -_'\"$`\\|&;<>(){}[]*?~!#=\n\t") + ['cat ', 'ls ', 'sed -i ', 'cd ', '<<EOF\n',
                      'EOF\n', 'python3 -c ', 'bash -c ', '> ', '$(', 'find . -exec rm {} ;', 'C-c', 'é', '\x00']), max_size=30).map(''.join)

def traj(keys):
    msgs = [{'role': 'user', 'content': 'task'}]
    for ks in keys:
        msgs += [{'role': 'assistant', 'content': json.dumps({'analysis': '', 'plan': '', 'commands': [{'keystrokes': k} for k in ks]})},
                 {'role': 'user', 'content': 'out'}]
    return from_openai(msgs)

@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(shellish, max_size=3), max_size=4), st.booleans())
def test_any_keystrokes(keys, same_turn):
    cfg = TorConfig(same_turn=same_turn, use_extra_observations=same_turn)
    t = traj(keys)
    for c in trajectory_commands(t, cfg):
        assert c.klass in ('observation', 'action', 'verification', 'other')
        assert all(p.startswith('/') for p in c.targets), c
    row, rows = analyze(t, cfg)
    assert row['commands'] == len(rows)
    assert row['tor'] != row['tor'] or 0 <= row['tor'] <= 1

@settings(deadline=None)
@given(shellish)
def test_parse_line_is_deterministic(line):
    assert parse_line(line) == parse_line.__wrapped__(line)
    for l, body in logical_lines(line + '\n'): assert '\n' not in l or "'" in l or '"' in l or '\\' in line
