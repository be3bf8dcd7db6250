#!/bin/bash
set -euo pipefail
cd /app/task_file
sha256sum -c SHA256SUMS 2>/dev/null | awk -F': ' '$2!="OK"{print $1}' | sort > corrupted.txt
