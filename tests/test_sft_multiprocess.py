"""Training over several processes: `accelerate launch` with two CPU processes (DDP over gloo) through the package's own
entry point, the code path the FSDP and ZeRO-3 GPU recipes take; those recipes' launch commands are built and checked."""
import json, os, subprocess, sys
from pathlib import Path
import pytest, yaml

def _trajectories(n:int):
    from terminal_lego.trajectory import from_openai
    def turn(cmds, done=False):
        return json.dumps({'analysis': 'look, then act', 'plan': 'inspect, act, verify', 'task_complete': done,
                           'commands': [{'keystrokes': c + '\n', 'duration': 0.1} for c in cmds]})
    out = []
    for i in range(n):
        f = f"/app/data{i}.csv"
        t = from_openai([{'role': 'system', 'content': 'You are an agent in a Linux terminal.'},
                         {'role': 'user', 'content': f'Count the rows of {f} into /app/out{i}.txt'},
                         {'role': 'assistant', 'content': turn([f'head -3 {f}', f'wc -l {f}'])},
                         {'role': 'user', 'content': f'a,b\n1,2\n{i},{i+1}\n{i+2} {f}'},
                         {'role': 'assistant', 'content': turn([f'tail -n +2 {f} | wc -l > /app/out{i}.txt'], True)}])
        t.meta.update(reward=1., task_name=f'count{i}'); out.append(t)
    return out

@pytest.mark.slow
def test_two_cpu_processes_train_one_adapter(tmp_path):
    from terminal_lego.sft_data import build_dataset, smollm2_tokenizer
    from terminal_lego.sft_train import launch_command
    build_dataset(_trajectories(8), smollm2_tokenizer(), out_dir=tmp_path/'ds')
    cmd = launch_command(tmp_path/'ds', tmp_path/'out', 'smollm2-cpu-lora', 'multi_cpu', num_processes=2,
                         overrides=dict(max_steps=6, batch_size=2, learning_rate=2e-3, save_steps=6, warmup_ratio=0,
                                        logging_steps=1))
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'PATH': f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-4000:]
    log = [json.loads(l) for l in (tmp_path/'out'/'train_log.jsonl').read_text().splitlines()]
    assert [e['step'] for e in log] == [1, 2, 3, 4, 5, 6]          # one writer: no step logged twice
    assert log[0]['epoch'] == 0.5   # 8 rows, 2 per process per step, 2 processes: an epoch every 2 steps
    assert log[-1]['loss'] < 0.5 * log[0]['loss'], [e['loss'] for e in log]
    ckpt = tmp_path/'out'/'checkpoints'/'checkpoint-6'
    assert sorted(p.name for p in ckpt.glob('rng_state_*.pth')) == ['rng_state_0.pth', 'rng_state_1.pth']
    assert (tmp_path/'out'/'adapter'/'adapter_model.safetensors').exists()
    assert [p.name for p in (tmp_path/'out').iterdir() if p.name.startswith('adapter')] == ['adapter']
    assert r.stdout.count('trained lora') == 1

@pytest.mark.parametrize('name,kind', [('fsdp', 'FSDP'), ('deepspeed_zero3', 'DEEPSPEED'), ('multi_cpu', 'MULTI_GPU')])
def test_accelerate_configs_parse_and_launch_commands_build(name, kind):
    from accelerate.commands.config.config_args import load_config_from_file
    from terminal_lego.sft_train import launch_command
    cmd = launch_command('ds', 'out', 'qwen3-8b-full', name, num_processes=16, num_machines=2, machine_rank=1,
                         main_process_ip='10.0.0.1')
    cfg_file = cmd[cmd.index('--config_file') + 1]
    assert yaml.safe_load(Path(cfg_file).read_text())['distributed_type'] == kind
    assert load_config_from_file(cfg_file).distributed_type == kind     # what accelerate itself reads
    assert cmd[:2] == ['accelerate', 'launch'] and cmd[cmd.index('--num_processes') + 1] == '16'
    assert cmd[cmd.index('--machine_rank') + 1] == '1' and cmd[cmd.index('--main_process_ip') + 1] == '10.0.0.1'
    assert cmd[cmd.index('-m') + 1] == 'terminal_lego.sft_train'
