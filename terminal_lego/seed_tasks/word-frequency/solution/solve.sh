#!/bin/bash
set -euo pipefail
cd /app/task_file
tr -cs 'A-Za-z' '\n' < poem.txt | tr 'A-Z' 'a-z' | grep -v '^$' | sort | uniq -c | sort -k1,1nr -k2,2 | head -5 | awk '{print $2, $1}' > top_words.txt
