#!/bin/bash
# pytest is in the image already (TB1 tasks usually install it here with uv)
python3 -m pytest -p no:cacheprovider $TEST_DIR/test_outputs.py -rA
