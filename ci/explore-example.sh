#!/usr/bin/env bash
# An example CI job that tests signal handling with `sigpy explore`.
#
#   ci/explore-example.sh [SIGPY]      (default: target/release/sigpy, built if missing)
#
# explore runs a script once per instruction-count point with SIGTERM
# delivered exactly there, runs a check after each trial, and exits 0 only
# when every trial passed: the job gates on that status. The same command
# on the same script gives the same report on every run, so a failure here
# is never a flake.
#
# examples/save_state_fixed.py must pass at every point. The planted bug of
# examples/save_state.py must be found: that half shows what a failing job
# prints (a summary, the failing points grouped by source line, and the
# exact `sigpy --inject SIG@N ...` command that reproduces each group).
set -euo pipefail
cd "$(dirname "$0")/.."

SIGPY="${1:-target/release/sigpy}"
if [ ! -x "$SIGPY" ]; then
    cargo build --release
fi

# After each trial: the state file is absent or holds valid JSON. The check
# runs in the trial's folder ($SIGPY_TRIAL_DIR) with sigpy on PATH.
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

check='test ! -e state.json || sigpy -c "import json; json.load(open(\"state.json\"))"'

echo "== the fixed script: every point must pass"
"$SIGPY" explore --check "$check" --json "$out/fixed.json" examples/save_state_fixed.py

echo "== the planted bug: explore must fail (exit 1) and say where"
status=0
"$SIGPY" explore --check "$check" --json "$out/bug.json" examples/save_state.py || status=$?
if [ "$status" -ne 1 ]; then
    echo "expected sigpy explore to exit 1 on the planted bug, got $status" >&2
    exit 1
fi
# The JSON report is for tools: here, every failure must be a failed check.
"$SIGPY" -c 'import json, sys
r = json.load(open(sys.argv[1]))
assert r["failed"] == r["failed_by_kind"]["check_failed"] > 0, r
print("found", r["failed"], "failing points on", len(r["groups"]), "lines")' "$out/bug.json"
echo "explore example: ok"
