#!/usr/bin/env bash
# Crash safety of snapshot installs, at full count: a child process installs snapshot after
# snapshot and is killed with SIGKILL at a random moment, RUNS times (default 1,000). After each
# kill the kiosk's `current` pointer must name a complete, valid snapshot (hash, integrity_check,
# the data of its own sequence) and the sequence must never go back. Prints the count, the
# seed and every failure; exits non-zero on any.
#
#   scripts/crash-install.sh              # 1,000 kills
#   RUNS=200 scripts/crash-install.sh     # fewer
#   SEED=12345 scripts/crash-install.sh   # replay the kill moments of an earlier run
#
# The test itself is crates/fairway-core/tests/update_crash.rs; CI runs it with 50 kills.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export FAIRWAY_CRASH_RUNS="${RUNS:-1000}"
if [[ -n "${SEED:-}" ]]; then
  export FAIRWAY_CRASH_SEED="$SEED"
fi

started=$(date +%s)
set +e
cargo test -q -p fairway-core --test update_crash -- --nocapture --test-threads=1 \
  installs_killed_at_random_moments_always_leave_a_complete_current_snapshot 2>&1 |
  grep -E '^(crash runs|  run |test result|failures|thread)'
statuses=("${PIPESTATUS[@]}")
set -e
status=${statuses[0]}
echo "crash-install: ${FAIRWAY_CRASH_RUNS} kills requested, $(($(date +%s) - started)) s, test exit status ${status}"
exit "$status"
