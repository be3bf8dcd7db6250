#!/bin/bash
set -euo pipefail
cd /app/task_file
find docs -name '*.md' -print0 | tar -czf docs_backup.tar.gz --null -T -
