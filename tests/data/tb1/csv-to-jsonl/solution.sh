#!/bin/bash
python3 - <<'PY'
import csv, json
with open('/app/data.csv', newline='') as f, open('/app/data.jsonl', 'w') as out:
    for row in csv.DictReader(f): out.write(json.dumps(row) + '\n')
PY
