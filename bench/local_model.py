"""Generation speed of the local model (HFModel, SmolLM2-135M-Instruct on CPU): fp32 vs bf16, same prompts, same run.
Usage: python bench/local_model.py [-n 3] [--tokens 64] [--model smollm2-135m]
Tokens/s = completion tokens / wall time of the call (prompt processing included), summed over n prompts after one warm-up."""
import argparse, time
from terminal_lego.models import HFModel, SMOLLM2

PROMPTS = ['Write a bash command that counts the lines of every .py file under src/.',
           'Explain what `set -euo pipefail` does in a shell script.',
           'How do I list the ten largest files in a directory tree?']

def tokens_per_s(model, n, tokens):
    model([{'role': 'user', 'content': 'Say hi.'}], max_tokens=8)   # load + warm up
    done = secs = 0
    for i in range(n):
        t0 = time.perf_counter()
        r = model([{'role': 'user', 'content': PROMPTS[i % len(PROMPTS)]}], max_tokens=tokens)
        secs += time.perf_counter() - t0; done += r['usage']['completion_tokens']
    return done / secs, done

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('-n', type=int, default=3); ap.add_argument('--tokens', type=int, default=64)
    ap.add_argument('--model', default=SMOLLM2)
    a = ap.parse_args()
    fp32, n32 = tokens_per_s(HFModel(a.model, dtype='float32'), a.n, a.tokens)
    bf16, n16 = tokens_per_s(HFModel(a.model, dtype='bfloat16'), a.n, a.tokens)
    print(f"{a.model} fp32: {fp32:6.1f} tokens/s ({n32} tokens, greedy, {a.n} prompts)")
    print(f"{a.model} bf16: {bf16:6.1f} tokens/s ({n16} tokens)")
    print(f"ratio bf16 / fp32: {bf16/fp32:.2f}x")
