#!/bin/bash
mkdir -p /logs/verifier
if [ "$(cat /app/rows.txt 2>/dev/null)" = "$(printf 'a\nb')" ]; then echo 1 > /logs/verifier/reward.txt; else echo 0 > /logs/verifier/reward.txt; fi
