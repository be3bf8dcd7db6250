"Shared fixtures: Docker tests skip without an engine locally, but fail in CI (CI must have one)"
import os, sys, time, signal, subprocess
from pathlib import Path
import pytest

collect_ignore = ["data"]   # task folders and recorded files: their test_outputs.py belong to the tasks, not to us

def pytest_configure(config):
    config.addinivalue_line('markers', 'docker: needs a Docker engine (run in CI)')
    config.addinivalue_line('markers', 'slow: takes more than ~20 s (run in CI)')
    config.addinivalue_line('markers', 'gpu: needs a GPU (skipped without one, with the reason)')
    config.addinivalue_line('markers', 'interop: runs Harbor, the real Terminal-Bench 2.0 client, against our files')

@pytest.fixture(scope='session')
def docker_client():
    from terminal_lego.envs import ensure_engine
    from terminal_lego.core import EngineError
    try: return ensure_engine(verbose=False)
    except EngineError as e:
        if os.environ.get('CI'): pytest.fail(f"CI must have a Docker engine: {e}")
        pytest.skip(f"no Docker engine: {e}")

@pytest.fixture(scope='session')
def base_images(docker_client):
    from terminal_lego.envs import ensure_base_images
    return ensure_base_images(verbose=False)

@pytest.fixture
def kill_midway():
    "Run Python `code` with `args` in its own process group; SIGKILL the group once `n` files under `folder` match `pattern`"
    def run(code:str, args:list, folder:Path, pattern:str, n:int, settle:float=0.)->int:
        p = subprocess.Popen([sys.executable, '-c', code, *map(str, args)], start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 300
        while len(list(Path(folder).glob(pattern))) < n:
            assert p.poll() is None, f"it ended before it could be killed: {p.stderr.read().decode()[-2000:]}"
            assert time.monotonic() < deadline, f"no {n} files matching {folder}/{pattern} within 300 s"
            time.sleep(0.2)
        time.sleep(settle)                                # e.g. let the next trials get their containers
        os.killpg(p.pid, signal.SIGKILL); p.wait()
        return p.pid                                       # for `containers_of`
    return run

@pytest.fixture
def containers_of(docker_client):
    "The containers (running or not) that process `pid` started"
    return lambda pid: [c for c in docker_client.api.containers(all=True, filters={'label': 'terminal_lego.owner'})
                        if c['Labels']['terminal_lego.owner'].split(':')[1] == str(pid)]
