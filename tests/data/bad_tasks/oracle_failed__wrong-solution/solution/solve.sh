#!/bin/bash
# Defect: writes counts instead of sums.
cd /app/task_file
python3 -c "
import csv, json, collections
c = collections.Counter(r['region'] for r in csv.DictReader(open('sales.csv')))
json.dump(c, open('totals.json', 'w'))"
