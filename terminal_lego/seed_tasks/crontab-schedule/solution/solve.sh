#!/bin/bash
set -euo pipefail
cd /app/task_file
cat > crontab <<'EOF'
# m h dom mon dow command
30 2 * * * /app/task_file/backup.sh
*/15 * * * 1-5 /app/task_file/cleanup.sh
EOF
