#!/bin/bash
set -euo pipefail
cd /app/task_file
python3 - <<'EOF'
from pathlib import Path
p = Path('stats.py'); s = p.read_text()
s = s.replace("nums = [int(x) for x in lines]", "nums = [float(x) for x in lines if x.strip()]")
s = s.replace("mean = sum(nums) / len(lines)", "mean = sum(nums) / len(nums)")
p.write_text(s)
EOF
python3 stats.py
