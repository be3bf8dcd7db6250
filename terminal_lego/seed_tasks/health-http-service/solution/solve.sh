#!/bin/bash
set -euo pipefail
cd /app/task_file
cat > server.py <<'EOF'
import json
from http.server import BaseHTTPRequestHandler, HTTPServer
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == '/health':
            body = json.dumps({'status': 'ok'}).encode()
            self.send_response(200); self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
        else: self.send_error(404)
HTTPServer(('127.0.0.1', 8000), Handler).serve_forever()
EOF
nohup python3 server.py > /tmp/server.log 2>&1 &
for i in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')" 2>/dev/null && break; sleep 0.1; done
