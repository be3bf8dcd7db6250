#!/bin/bash
cd /app/data
for f in $(ls *.txt | sort); do echo "$f $(wc -l < "$f")"; done > /app/counts.txt
