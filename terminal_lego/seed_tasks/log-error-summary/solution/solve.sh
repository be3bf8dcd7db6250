#!/bin/bash
set -euo pipefail
cd /app/task_file
{ echo module,count; awk '$2=="ERROR"{gsub(/[][]/,"",$3); n[$3]++} END{for(m in n) print m","n[m]}' app.log | sort -t, -k2,2nr -k1,1; } > errors.csv
