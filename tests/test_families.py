"Task families: deterministic folders, held-out instances that share nothing memorisable, every family verified in Docker"
import json, pytest
from pathlib import Path
from terminal_lego.core import ConfigError, hash_inputs
from terminal_lego.catalog import FAMILIES, HELD_OUT_FAMILIES, TRAIN_FAMILIES, family, make_tasks, family_sets
from terminal_lego.families import SPLITS

@pytest.mark.parametrize('name', list(FAMILIES))
def test_same_family_and_seed_give_the_same_bytes(name, tmp_path):
    a, b = make_tasks(name, 2, tmp_path/'a', seed=5), make_tasks(name, 2, tmp_path/'b', seed=5)
    for x, y in zip(a, b):
        files = lambda d: sorted(str(p.relative_to(d)) for p in d.rglob('*') if p.is_file())
        assert files(x) == files(y)
        for rel in files(x): assert (x/rel).read_bytes() == (y/rel).read_bytes(), rel
        modes = lambda d: [(str(p.relative_to(d)), p.stat().st_mode) for p in sorted(d.rglob('*')) if p.is_file()]
        assert modes(x) == modes(y)
    assert hash_inputs(a[0]) != hash_inputs(make_tasks(name, 1, tmp_path/'c', seed=6)[0])

def _memorisable(inst)->set:
    "Every hidden value of an instance, and every component of the hidden paths"
    out = set()
    for v in inst.truth.values():
        out.add(str(v))
        if '/' in str(v): out |= {c for c in str(v).split('/') if c and c != 'app'}
    return out

@pytest.mark.parametrize('name', list(FAMILIES))
def test_held_out_instances_share_no_hidden_name_or_value(name):
    f = family(name)
    train = set().union(*(_memorisable(f.instance(s, 'train')) for s in range(60)))
    held = set().union(*(_memorisable(f.instance(s, 'held_out')) for s in range(60)))
    shared = train & held - {'etc', 'logs', 'data', 'bin', 'tool', 'repo', 'uploads', 'www', 'templates', 'settings',
                             'src', 'lib'}   # the folders an instruction names: structure, not answers
    assert not shared, f"{name}: training and held-out instances share {sorted(shared)}"

@pytest.mark.parametrize('name', list(FAMILIES))
def test_hidden_values_stay_out_of_the_instruction(name):
    import re
    f, said = family(name), lambda v, text: re.search(rf'(?<![\w.]){re.escape(str(v))}(?![\w])', text) is not None
    for s in range(40):
        inst = f.instance(s, 'train')
        assert not any(said(v, inst.instruction) for v in inst.truth.values()), inst.instruction
        assert all(said(v, inst.instruction) for v in inst.given.values())
    # instances differ in what the actions need, not only in wording
    assert len({json.dumps(f.instance(s).truth, sort_keys=True) for s in range(20)}) >= 15

def test_bad_parameters_are_config_errors_before_anything_is_written(tmp_path):
    for call, msg in ((lambda: make_tasks('config-prot', 1, tmp_path), 'the families are: config-port'),
                      (lambda: make_tasks('config-port', -2, tmp_path), 'n=-2'),
                      (lambda: make_tasks('config-port', 1, tmp_path, seed='x'), "seed='x'"),
                      (lambda: make_tasks('config-port', 1, tmp_path, split='test'), "split='test'"),
                      (lambda: family_sets(tmp_path, train=['perms-fix']), 'both trained on and held out')):
        with pytest.raises(ConfigError, match=msg): call()
    assert list(tmp_path.iterdir()) == []

def test_catalog_shape():
    assert len(TRAIN_FAMILIES) >= 8 and len(HELD_OUT_FAMILIES) >= 2
    assert len({f.topic for f in FAMILIES.values()}) >= 5
    assert set(SPLITS) == {'train', 'held_out'}

@pytest.mark.docker
def test_every_family_verifies_in_docker(base_images, tmp_path):
    "The project's own verification on one training and one held-out instance of every family: oracle 1, nop 0, k=2"
    from terminal_lego.verify import verify
    dirs = [p for name in FAMILIES for split in SPLITS for p in make_tasks(name, 1, tmp_path/'tasks', seed=11, split=split)]
    rows = verify(dirs, tmp_path/'verify', workers=2, k=2, progress=False)
    bad = [(r['task'], r['reason'], r['detail'][:300]) for r in rows if r['reason'] != 'ok']
    assert not bad, bad
    assert all(r['nop_reward'] == 0 and r['oracle_rewards'] == [1.0, 1.0] for r in rows)
    from terminal_lego.envs import engine
    tools = {next(h['Id'] for h in engine().images.get(r['image']).history() if 'command -v tmux' in h['CreatedBy'])
             for r in rows}
    assert len({r['image'] for r in rows}) == len(rows) and len(tools) == 1   # small images on one shared tools layer

@pytest.mark.docker
@pytest.mark.slow
def test_experts_through_the_harness(base_images, tmp_path):
    "Both experts solve an instance of every family in its container; only the terse one uses what it never saw"
    from terminal_lego.rollout import rollout
    from terminal_lego.formats import iter_trajectories
    from terminal_lego.egs import egs_table, ungrounded
    dirs = [p for name in FAMILIES for p in make_tasks(name, 1, tmp_path/'tasks', seed=3)]
    df = rollout(dirs, ['expert-grounded:compact', 'expert-terse:compact'], tmp_path/'job', workers=4, progress=False)
    assert (df.reward == 1).all(), df[df.reward != 1][['task', 'agent', 'status', 'reason']].to_string()
    table = egs_table(iter_trajectories(tmp_path/'job'/'trials'), commands=False)[0]
    assert dict(ungrounded(table)) == {'expert-grounded': 0.0, 'expert-terse': 1.0}
    grounded = table[table.teacher == 'expert-grounded']
    assert (grounded.turns > table[table.teacher == 'expert-terse'].turns.max()).all()
