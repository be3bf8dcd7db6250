#!/bin/bash
for i in $(seq 30); do curl -fsS http://api:8000/token.txt -o /app/token.txt && exit 0; sleep 0.5; done
exit 1
