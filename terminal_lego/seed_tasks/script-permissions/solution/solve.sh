#!/bin/bash
set -euo pipefail
cd /app/task_file
chmod 755 bin/*.sh
chmod 600 secrets.env
