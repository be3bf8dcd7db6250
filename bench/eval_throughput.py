"""Evaluation throughput: a local student through the real harness on family tasks in Docker, batched vs one stream.
Usage: python bench/eval_throughput.py [--model smollm2-135m] [--tasks 16] [--batch 16] [--max-turns 5] [--max-tokens 96]

Both runs use the same tasks (held-out instances of four families), the same model weights, greedy decoding and the
compact harness, in the same process: first one trial at a time with `HFModel` (one stream, `generate` per call), then
`--batch` trials at once with `BatchedHFModel` (calls decoded together, each conversation's cache kept between turns).
Prints completion tokens/s and trials/min for each, and the ratio last. `--model` may be a trained student's merged
folder; the untrained base model writes replies of about the same length, which is what the throughput depends on."""
import argparse, shutil, tempfile, time
from pathlib import Path
from terminal_lego.catalog import make_tasks
from terminal_lego.models import HFModel, SMOLLM2
from terminal_lego.batching import BatchedHFModel
from terminal_lego.evaluate import evaluate

FAMILIES = ('config-port', 'log-errors', 'script-exec', 'python-typo')

def run(model, tasks, out, workers, a):
    t0 = time.perf_counter()
    df = evaluate(tasks, model, out, workers=workers, progress=False, agent='terminus:compact',
                  harness=dict(max_turns=a.max_turns, model_kwargs=dict(max_tokens=a.max_tokens)))
    secs = time.perf_counter() - t0
    return df.completion_tokens.fillna(0).sum() / secs, len(df) / secs * 60, int(df.completion_tokens.sum()), secs

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--model', default=SMOLLM2); ap.add_argument('--tasks', type=int, default=16)
    ap.add_argument('--batch', type=int, default=16); ap.add_argument('--max-turns', type=int, default=5)
    ap.add_argument('--max-tokens', type=int, default=96)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix='bench-eval-'))
    per = max(1, a.tasks // len(FAMILIES))
    tasks = [p for f in FAMILIES for p in make_tasks(f, per, tmp/'tasks', split='held_out')][:a.tasks]
    one = HFModel(a.model, max_tokens=a.max_tokens, name='one-stream')
    many = BatchedHFModel(a.model, batch=a.batch, max_tokens=a.max_tokens, name='batched')
    one([{'role': 'user', 'content': 'hi'}], max_tokens=2); many([{'role': 'user', 'content': 'hi'}], max_tokens=2)
    base_tps, base_tpm, base_n, base_s = run(one, tasks, tmp/'one', 1, a)
    ours_tps, ours_tpm, ours_n, ours_s = run(many, tasks, tmp/'batched', a.batch, a)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(tasks)} trials, compact harness, max {a.max_turns} turns x {a.max_tokens} tokens, model {a.model}")
    print(f"one stream : {base_tps:6.1f} tokens/s  {base_tpm:5.1f} trials/min  ({base_n} tokens in {base_s:.0f} s)")
    print(f"batched {a.batch:<3}: {ours_tps:6.1f} tokens/s  {ours_tpm:5.1f} trials/min  ({ours_n} tokens in {ours_s:.0f} s)")
    print(f"ratio batched / one stream: {ours_tps / base_tps:.2f}x tokens/s, {ours_tpm / base_tpm:.2f}x trials/min")
