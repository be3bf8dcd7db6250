#!/bin/bash
set -euo pipefail
cd /app/task_file
cd repo
sed -i 's/Helo,/Hello,/' greeting.txt
git add greeting.txt
git -c user.name=oracle -c user.email=oracle@example.com commit -q -m 'Fix greeting typo'
