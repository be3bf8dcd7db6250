#!/bin/bash
# Rename *.JPG to *.jpg in photos/
cd "$(dirname "$0")/photos"
for f in $(ls *.JPG); do
  mv $f $(basename $f .JPG).jpg
done
