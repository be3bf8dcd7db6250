#!/bin/bash
set -euo pipefail
cd /app/task_file
python3 - <<'EOF'
import sqlite3
q = """select c.name from customers c join orders o on o.customer_id = c.id
       group by c.id having sum(o.total) > 100 order by sum(o.total) desc"""
names = [r[0] for r in sqlite3.connect('shop.db').execute(q)]
open('big_customers.txt', 'w').write('\n'.join(names) + '\n')
EOF
