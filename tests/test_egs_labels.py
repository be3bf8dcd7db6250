"Every label of the hand-labelled EGS set holds: class, targets and support per command, and the audit flags"
import copy, pytest
from terminal_lego.egs import labelled_set, check_labels, analyze, egs_table, tor, TorConfig
from terminal_lego.trajectory import from_sharegpt

SET = labelled_set()

def test_set_size():
    assert sum(len(e) for _, e, _ in SET) >= 40

@pytest.mark.parametrize('rec,expect,audit', SET, ids=[r['task_name'] for r, _, _ in SET])
def test_labels(rec, expect, audit):
    assert check_labels(rec, expect) == []
    flags = analyze(from_sharegpt(rec))[0]['audit']
    assert sorted(f for f in flags.split(',') if f) == sorted(audit)

def test_a_wrong_label_is_reported():
    rec, expect, _ = SET[0]
    wrong = copy.deepcopy(expect); wrong[2][0][2] = None        # claim the sed in fix-typo is unsupported
    assert len(check_labels(rec, wrong)) == 1

def test_free_choices_move_tor():
    trajs = [from_sharegpt(r) for r, _, _ in SET]
    t = lambda **kw: tor(egs_table(trajs, TorConfig(**kw), commands=False)[0], TorConfig(**kw), by=None)
    assert t(alignment='exact') < t() <= t(alignment='directory')
    assert t(same_turn=True) > t()                            # deps-and-scripts turn 6 reads then runs in one turn
    assert t(window=1) <= t()
