"""SFT dataset building: rows/s of terminal_lego.sft_data vs TRL's own preprocessing of the same conversations.
Ours renders each trajectory turn by turn with the student's chat template and masks per turn (build_rows); TRL's is the
function SFTTrainer runs on a conversational dataset with assistant_only_loss=True (chat template with {% generation %}
markers, tokenize, assistant mask, labels). Both get the scripted teachers' trajectories (nbs/data), repeated to a few
hundred, and the SmolLM2-135M-Instruct tokenizer. The check: every row has the same input_ids and the same labels (loss on
exactly the assistant turns) in both. TRL is imported lazily; without it the bench says so and stops.
Needs: pip install trl  (trl 1.16.0 installs cleanly next to transformers 5.x here).
Usage: python bench/sft_data.py [--repeat 10]"""
import argparse, importlib.util, json, sys, time, types, warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAJS = ROOT/'nbs'/'data'/'scripted_seed_trajectories.jsonl'

def generation_template(tokenizer)->str:
    "The tokenizer's ChatML template with {% generation %} around assistant replies: same text, plus TRL's assistant mask"
    stock = tokenizer.chat_template
    part = "{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
    if part not in stock: sys.exit(f"bench/sft_data.py: unexpected chat template (not SmolLM2's ChatML): {stock[:200]!r}")
    marked = ("{% if message['role'] == 'assistant' %}{{ '<|im_start|>assistant\n' }}{% generation %}"
              "{{ message['content'] + '<|im_end|>' + '\n' }}{% endgeneration %}{% else %}" + part + "{% endif %}")
    return stock.replace(part, marked)

def ours(trajs, tok):
    from terminal_lego.sft_data import build_rows, SftDataConfig
    t0 = time.perf_counter()
    rows, counts = build_rows(trajs, tok, SftDataConfig(max_length=1_000_000))
    return rows, time.perf_counter() - t0

def trl_rows(trajs, tok, template, tmp):
    "TRL's preprocessing as SFTTrainer runs it (its _prepare_dataset, without loading a model)"
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer
    args = SFTConfig(output_dir=str(tmp), assistant_only_loss=True, max_length=None, bf16=False, report_to=[],
                     dataset_num_proc=None)
    stub = types.SimpleNamespace(_tokenizer=tok, completion_only_loss=None, chat_template=template)
    data = [{'messages': [{'role': m['role'], 'content': m['content']} for m in t.messages]} for t in trajs]
    t0 = time.perf_counter()
    ds = Dataset.from_list(data)
    ds = SFTTrainer._prepare_dataset(stub, ds, tok, args, packing=False, formatting_func=None, dataset_name='bench')
    rows = ds.to_list()
    return rows, time.perf_counter() - t0

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeat', type=int, default=10, help='copies of the 36 scripted trajectories')
    a = p.parse_args()
    if importlib.util.find_spec('trl') is None:
        print("bench/sft_data.py: TRL is not installed — `pip install trl` (1.16.0 works with transformers 5.x) and rerun; "
              "nothing measured"); return
    import tempfile, datasets, trl, transformers
    from transformers import AutoTokenizer
    from terminal_lego.models import model_dir
    from terminal_lego.formats import iter_trajectories
    datasets.disable_progress_bars(); transformers.logging.set_verbosity_error()
    warnings.filterwarnings('ignore', category=FutureWarning)   # transformers' renamed-argument notices from SFTConfig
    tok = AutoTokenizer.from_pretrained(model_dir('smollm2-135m'))
    trajs = list(iter_trajectories(TRAJS)) * a.repeat
    print(f"{len(trajs)} trajectories ({a.repeat} x {len(trajs)//a.repeat} scripted), SmolLM2 tokenizer, "
          f"trl {trl.__version__}, transformers {transformers.__version__}")
    ours(trajs[:4], tok)                                           # warm up both (template compilation, imports)
    with tempfile.TemporaryDirectory() as tmp:
        template = generation_template(tok)
        trl_rows(trajs[:4], tok, template, tmp)
        ours_rows, ours_s = ours(trajs, tok)
        trl_out, trl_s = trl_rows(trajs, tok, template, tmp)
    assert len(ours_rows) == len(trl_out) == len(trajs), (len(ours_rows), len(trl_out))
    same_ids = sum(o['input_ids'] == t['input_ids'] for o, t in zip(ours_rows, trl_out))
    same_labels = sum(o['labels'] == t['labels'] for o, t in zip(ours_rows, trl_out))
    trained = sum(sum(l != -100 for l in o['labels']) for o in ours_rows)
    tokens = sum(len(o['input_ids']) for o in ours_rows)
    print(f"same input_ids: {same_ids}/{len(trajs)} rows; same labels (assistant-only mask): {same_labels}/{len(trajs)} rows; "
          f"{tokens} tokens, {trained} trained ({trained/tokens:.0%})")
    if same_ids < len(trajs) or same_labels < len(trajs):
        o, t = next((o, t) for o, t in zip(ours_rows, trl_out) if o['input_ids'] != t['input_ids'] or o['labels'] != t['labels'])
        i = next((i for i, (x, y) in enumerate(zip(o['labels'], t['labels'])) if x != y), min(len(o['labels']), len(t['labels'])))
        print(f"first difference at token {i}: ours {tok.decode(o['input_ids'][max(0, i-5):i+5])!r} vs TRL "
              f"{tok.decode(t['input_ids'][max(0, i-5):i+5])!r}")
    print(f"ours (terminal_lego.sft_data.build_rows): {len(trajs)/ours_s:8.1f} rows/s ({ours_s:.2f} s)")
    print(f"TRL  (SFTTrainer._prepare_dataset):      {len(trajs)/trl_s:8.1f} rows/s ({trl_s:.2f} s)")
    print(f"ratio ours/TRL rows/s: {trl_s/ours_s:.2f}x")
    if same_ids < len(trajs) or same_labels < len(trajs): sys.exit(1)   # the rows differ (shown above)

if __name__ == '__main__': main()
