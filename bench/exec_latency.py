"""Median wall time of DockerEnv.exec("true") vs a raw `docker exec` through the SDK, same container, same run.
Usage: python bench/exec_latency.py [-n 50]"""
import argparse, statistics, time
from terminal_lego.envs import DockerEnv, ensure_engine, ensure_base_images

def median_ms(f, n):
    f()  # warm up
    ts = []
    for _ in range(n):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1000

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('-n', type=int, default=50); n = ap.parse_args().n
    ensure_engine(verbose=False)
    image = ensure_base_images(['bookworm'], verbose=False)['bookworm']
    with DockerEnv(image) as env:
        raw = median_ms(lambda: env.container.exec_run(['true']), n)
        ours = median_ms(lambda: env.exec('true'), n)
        ours_out = median_ms(lambda: env.exec('echo hi; ls / >/dev/null'), n)
    print(f"raw docker exec (SDK exec_run):  {raw:7.1f} ms median over {n}")
    print(f"DockerEnv.exec('true'):          {ours:7.1f} ms")
    print(f"DockerEnv.exec(small command):   {ours_out:7.1f} ms")
    print(f"ratio DockerEnv / raw: {ours/raw:.2f}x")
