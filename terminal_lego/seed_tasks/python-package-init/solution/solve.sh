#!/bin/bash
set -euo pipefail
cd /app/task_file
cat > mathkit/__init__.py <<'EOF'
"""mathkit: small statistics helpers"""
from .core import mean, median
__all__ = ['mean', 'median']
EOF
python3 - <<'EOF'
from pathlib import Path
p = Path('mathkit/core.py'); s = p.read_text()
s = s.replace("    return xs[len(xs) // 2]", "    xs = sorted(xs); n = len(xs)\n    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2")
p.write_text(s)
EOF
