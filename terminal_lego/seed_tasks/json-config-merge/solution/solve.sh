#!/bin/bash
set -euo pipefail
cd /app/task_file
python3 - <<'EOF'
import json
def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(a[k], v) if isinstance(v, dict) and isinstance(a.get(k), dict) else v
    return out
json.dump(merge(json.load(open('defaults.json')), json.load(open('overrides.json'))), open('merged.json', 'w'), indent=2)
EOF
