#!/bin/bash
# Run the end-state checks; write 1 (all pass) or 0 to the reward file Harbor reads.
mkdir -p /logs/verifier
if python3 -m pytest -q -p no:cacheprovider -rA /tests/test_outputs.py; then
  echo 1 > /logs/verifier/reward.txt
else
  echo 0 > /logs/verifier/reward.txt
fi
