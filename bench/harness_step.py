"""Median wall time of one short command through the Terminus harness step (send + wait-until-idle + capture in one
exec) vs a raw `docker exec` of the same command vs the blind-wait baseline (send, sleep `duration`, capture: what
Terminus-2 does), same container, same run.
Usage: python bench/harness_step.py [-n 30] [--duration 1.0]"""
import argparse, statistics, time
from terminal_lego.envs import DockerEnv, ensure_engine, ensure_base_images
from terminal_lego.terminus import TmuxSession

def median_s(f, n):
    f()  # warm up
    ts = []
    for _ in range(n):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts)

def blind_step(env, cmd, duration):
    "Terminus-2's mechanics: send the keys, sleep the full duration, capture the pane (separate execs)"
    env.exec(f"tmux send-keys -t tl -l -- '{cmd}'"); time.sleep(duration); return env.exec('tmux capture-pane -p -t tl').output

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('-n', type=int, default=30); ap.add_argument('--duration', type=float, default=1.0)
    a = ap.parse_args(); n, dur = a.n, a.duration
    ensure_engine(verbose=False)
    image = ensure_base_images(['python'], verbose=False)['python']
    cmd = 'ls -la /app'
    with DockerEnv(image) as env:
        s = TmuxSession(env).start()
        raw = median_s(lambda: env.exec(cmd), n)
        ours = median_s(lambda: s.step(cmd + '\n', duration=dur), n)
        idle = s.step(cmd + '\n', duration=dur).idle
        blind = median_s(lambda: blind_step(env, cmd + '\n', dur), max(3, n // 5))
    print(f"short command: {cmd!r}, duration {dur} s, medians over {n} runs (blind: {max(3, n // 5)})")
    print(f"raw docker exec (DockerEnv.exec):          {raw*1000:8.1f} ms")
    print(f"Terminus harness step (send+wait+capture): {ours*1000:8.1f} ms  (returned on idle: {idle})")
    print(f"blind-wait baseline (Terminus-2 sleep):    {blind*1000:8.1f} ms")
    print(f"ratio harness step / raw exec: {ours/raw:.2f}x (goal <= 1.3x)")
    print(f"ratio blind wait / harness step: {blind/ours:.1f}x")
