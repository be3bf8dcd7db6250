"The GPU path: bf16 LoRA training through `accelerate launch` and `vllm serve` of the adapter with the GPU vllm package. Skipped without a CUDA GPU, saying so."
import shutil, subprocess, importlib.util, pytest

def _gpu_reason():
    if not shutil.which('nvidia-smi'): return "no CUDA GPU on this machine (nvidia-smi not found): GPU training and vLLM-on-GPU not exercised"
    if importlib.util.find_spec('vllm') is None: return "GPU present but the `vllm` package is missing: pip install -e '.[gpu]'"
    return None

pytestmark = [pytest.mark.gpu, pytest.mark.skipif(_gpu_reason() is not None, reason=_gpu_reason() or '')]

def test_bf16_lora_training_and_vllm_gpu_serving(tmp_path):
    from terminal_lego.trajectory import from_openai
    from terminal_lego.sft_data import build_dataset, smollm2_tokenizer
    from terminal_lego.sft_train import launch_command
    from terminal_lego.models import SMOLLM2
    from terminal_lego.serving import VLLMServer
    msgs = [{'role': 'system', 'content': 'You are an agent in a Linux terminal.'}, {'role': 'user', 'content': 'List /app'},
            {'role': 'assistant', 'content': '{"analysis": "look", "plan": "ls", "commands": [{"keystrokes": "ls /app\\n", "duration": 0.1}], "task_complete": true}'}]
    trajs = []
    for i in range(4):
        t = from_openai(msgs, {'task_name': f't{i}', 'reward': 1.}); trajs.append(t)
    build_dataset(trajs, smollm2_tokenizer(), out_dir=tmp_path/'ds')
    cmd = launch_command(tmp_path/'ds', tmp_path/'out', 'smollm2-cpu-lora', 'single_gpu', num_processes=1,
                         overrides={'bf16': True, 'max_steps': 4, 'save_steps': 4})
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    adapter = tmp_path/'out'/'adapter'
    with VLLMServer(SMOLLM2, lora={'student': adapter}, device='gpu', max_model_len=2048) as server:
        reply = server.model('student', temperature=0., max_tokens=16)([{'role': 'user', 'content': 'List /app'}])
    assert reply['model'] == 'student' and reply['usage']['completion_tokens'] > 0
