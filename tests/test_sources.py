"Collection against recorded StackExchange responses and a dump sample: pagination, backoff, dedupe, faults, resume"
import gzip, json
from pathlib import Path
import pytest
from terminal_lego.core import read_jsonl
from terminal_lego.sources import (StackExchangeClient, RecordedTransport, CollectConfig, collect, read_dump, SourceError,
                                   QuotaExceeded, load_questions, sample_questions_path, Taxonomy, select_questions)

DATA = Path(__file__).parent/'data'
REC = json.loads((DATA/'stackexchange/recorded.json').read_text())

class Clock:
    def __init__(self): self.t = 0.
    def __call__(self): return self.t
    def sleep(self, s): self.t += s

def client(responses, **kw):
    c = Clock()
    return StackExchangeClient(transport=RecordedTransport(responses), sleep=c.sleep, clock=c, key='', **kw), c

def page(ids, has_more, quota=250, score=50, backoff=None):
    items = [dict(question_id=i, title=f'Question number {i} about shells', tags=['bash'], score=score, accepted_answer_id=i+10_000,
                  body=f'<p>How do I do thing {i} in bash with a file called data{i}.txt?</p>', link=f'https://stackoverflow.com/q/{i}')
             for i in ids]
    body = dict(items=items, has_more=has_more, quota_max=300, quota_remaining=quota)
    if backoff: body['backoff'] = backoff
    return dict(status=200, body=body)

def answers(ids):
    return dict(status=200, body=dict(items=[dict(answer_id=i+10_000, question_id=i, score=5, body=f'<pre><code>echo {i}\n</code></pre>')
                                             for i in ids], has_more=False, quota_max=300, quota_remaining=240))

def test_pagination_until_quota_met_and_answers_batched_by_100():
    se, _ = client([page(range(1, 101), True), page(range(101, 201), True),
                    answers(range(1, 101)), answers(range(101, 151))])
    cfg = CollectConfig(tags=['bash'], per_round=150, max_start_page=1)
    from tempfile import TemporaryDirectory
    with TemporaryDirectory() as t:
        s = collect(Path(t)/'q.jsonl', se, cfg, log=lambda m: None)
        assert s['collected'] == 150
    search = [p for u, p in zip(se.transport.urls, se.transport.params) if '/search/' in u]
    assert [p['page'] for p in search] == ['1', '2']               # stopped once 150 were picked
    answer_urls = [u for u in se.transport.urls if '/answers/' in u]
    assert len(answer_urls) == 2 and answer_urls[0].split('?')[0].count(';') == 99

def test_backoff_is_per_method():
    se, clock = client([page([1], True, backoff=10), answers([1]), page([2], False)])
    se.search('bash'); se.answers([10_001])
    assert clock.t == 0                                            # another method does not wait
    se.search('bash', page=2)
    assert clock.t == 10

def test_random_start_page_past_the_end_restarts_at_1(tmp_path):
    se, _ = client([REC['search_empty_page'], page([7], False), answers([7])])
    s = collect(tmp_path/'q.jsonl', se, CollectConfig(tags=['bash'], per_round=5, max_start_page=50, seed=3), log=lambda m: None)
    assert s['collected'] == 1 and se.transport.params[0]['page'] != '1' and se.transport.params[1]['page'] == '1'

def test_dedupe_across_rounds_and_resume_after_torn_line(tmp_path):
    out = tmp_path/'q.jsonl'
    collect(out, client([page([1, 2], False), answers([1, 2])])[0], CollectConfig(tags=['bash'], per_round=5), log=lambda m: None)
    with open(out, 'ab') as f: f.write(b'{"id": "so-3", "question_id"')   # a crash mid-write
    s = collect(out, client([page([2, 3], False), answers([3])])[0],
                CollectConfig(tags=['bash'], per_round=5, rounds=2), log=lambda m: None)
    ids = [r['question_id'] for r in read_jsonl(out)]
    assert ids == [1, 2, 3] and s['rejects']['duplicate'] == 1 and s['rounds_done'] == 2

def test_malformed_pages_fail_one_tag_and_the_batch_goes_on(tmp_path):
    bad = [REC['malformed_html_page']] * 3
    se, _ = client(bad + [page([5], False), answers([5])], retries=2)
    s = collect(tmp_path/'q.jsonl', se, CollectConfig(tags=['bash', 'sed'], per_round=4, max_start_page=1), log=lambda m: None)
    assert s['failures'] == 1 and s['collected'] == 1
    state = json.loads((tmp_path/'q.jsonl.state.json').read_text())
    assert 'not JSON' in state['failures'][0]['error'] and state['failures'][0]['tag'] == 'bash'

def test_quota_floor_stops_before_sending():
    se, _ = client([REC['quota_exhausted']])
    se.search('bash')
    with pytest.raises(QuotaExceeded, match='STACKEXCHANGE_KEY'): se.search('bash')
    assert len(se.transport.urls) == 1

def test_dump_reader_streams_gzip_and_filters(tmp_path):
    gz = tmp_path/'Posts.xml.gz'
    gz.write_bytes(gzip.compress((DATA/'dump/Posts.xml').read_bytes()))
    recs = list(read_dump(gz, min_score=10))
    assert [r['question_id'] for r in recs] == [101, 105] and all(r['source'] == 'dump' for r in recs)
    assert [r['question_id'] for r in read_dump(gz, tags=['git'])] == []      # accepted answer missing from the dump
    with pytest.raises(SourceError, match='does not exist'): list(read_dump(tmp_path/'nope.xml'))

def test_bundled_sample_covers_all_categories_and_passes_filters():
    rows = load_questions(sample_questions_path())
    kept, why = select_questions(rows)
    assert len(kept) == len(rows) >= 30 and not why
    assert {r['category'] for r in rows} == set(Taxonomy.load().categories)
    assert all(r['answer'] and '`' in r['answer'] for r in rows)               # every accepted answer carries code
