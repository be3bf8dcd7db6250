#!/bin/bash
set -euo pipefail
cd /app/task_file
sed -i '/^\[server\]/,/^\[/{s/^port *=.*/port = 8080/;s/^debug *=.*/debug = false/}' app.ini
bash check_config.sh
