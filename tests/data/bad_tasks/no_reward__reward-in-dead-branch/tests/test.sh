#!/bin/bash
# Defect: the reward is written only in a branch that never runs (lint cannot see that; the run can).
mkdir -p /logs/verifier
python3 -m pytest -q -p no:cacheprovider /tests/test_outputs.py
if [ "${WRITE_REWARD:-no}" = yes ]; then echo 1 > /logs/verifier/reward.txt; fi
