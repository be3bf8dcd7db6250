#!/bin/bash
set -euo pipefail
cd /app/task_file
python3 - <<'EOF'
iv = sorted(tuple(map(int, l.split('-'))) for l in open('intervals.txt') if l.strip())
out = []
for a, b in iv:
    if out and a <= out[-1][1]: out[-1][1] = max(out[-1][1], b)
    else: out.append([a, b])
open('merged.txt', 'w').write(''.join(f'{a}-{b}\n' for a, b in out))
EOF
