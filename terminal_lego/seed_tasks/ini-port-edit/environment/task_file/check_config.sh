#!/bin/bash
# Validates app.ini; writes config_ok next to it on success.
cd "$(dirname "$0")"
python3 - <<'EOF' && touch config_ok
import configparser, sys
c = configparser.ConfigParser(); c.read('app.ini')
ok = c['server']['port'] == '8080' and c['server']['debug'] == 'false'
print('config ok' if ok else 'config invalid'); sys.exit(0 if ok else 1)
EOF
