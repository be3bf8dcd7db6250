#!/bin/bash
# Defect: waits forever (a server started in the foreground, a read from a terminal, ...).
sleep 100000
