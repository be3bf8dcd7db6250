#!/usr/bin/env bash
# The test command behind `make test`: export/clean checks, nbdev_test (docker and slow cells included), pytest.
# Prints a one-line summary at the end and exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
export PATH="$PWD/$VENV/bin:$PATH" PYTHONUNBUFFERED=1
passed=0; failed=0; report=()

step() {  # step NAME COMMAND...
  local name=$1; shift
  echo; echo "== $name"
  local t0=$SECONDS
  if "$@"; then passed=$((passed+1)); report+=("ok    $name ($((SECONDS-t0))s)")
  else failed=$((failed+1)); report+=("FAIL  $name ($((SECONDS-t0))s)"); fi
}

unchanged_by() {  # unchanged_by PATH COMMAND...: COMMAND must not change tracked or untracked files under PATH
  local path=$1; shift
  if ! git rev-parse --git-dir >/dev/null 2>&1; then echo "not a git checkout: skipped"; return 0; fi
  local before after
  before=$(git status --porcelain -- "$path"; git diff -- "$path")
  "$@" >/dev/null || return 1
  after=$(git status --porcelain -- "$path"; git diff -- "$path")
  if [ "$before" != "$after" ]; then
    echo "'$*' changed $path:"; git status --porcelain -- "$path"
    echo "run '$*' and commit the result"; return 1
  fi
}

run_pytest() {
  python -m pytest tests -q -rs --durations=20 -p no:cacheprovider "$@"
  local rc=$?
  if [ $rc -eq 5 ]; then echo "pytest collected no tests: tests/ is missing or broken"; return 1; fi
  return $rc
}

step "package in sync with notebooks (nbdev_export)" unchanged_by terminal_lego nbdev_export
step "notebooks clean (nbdev_clean)" unchanged_by nbs nbdev_clean
# Two notebooks run at once on CI's two cores: one torch thread each, and threads that sleep instead of spinning when
# they wait (a spinning OpenMP pool next to another busy process made CPU training ~30x slower here).
export OMP_WAIT_POLICY=PASSIVE
step "notebook tests (nbdev_test --flags 'docker slow')" env OMP_NUM_THREADS=1 nbdev_test --flags "docker slow" --n_workers 2 --timing
step "pytest" run_pytest

echo; echo "== summary"
printf '%s\n' "${report[@]}"
echo "make test: $passed passed, $failed failed"
[ $failed -eq 0 ]
