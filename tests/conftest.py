"Shared fixtures: Docker tests skip without an engine locally, but fail in CI (CI must have one)"
import os, pytest

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
