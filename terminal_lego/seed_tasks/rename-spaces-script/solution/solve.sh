#!/bin/bash
set -euo pipefail
cd /app/task_file
cat > rename.sh <<'EOF'
#!/bin/bash
# Rename *.JPG to *.jpg in photos/
cd "$(dirname "$0")/photos"
for f in *.JPG; do
  [ -e "$f" ] || continue
  mv -- "$f" "${f%.JPG}.jpg"
done
EOF
bash rename.sh
