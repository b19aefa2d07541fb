#!/usr/bin/env bash
# Search at fair scale: prints p50 and p99 per query kind against a naive LIKE scan.
#
#   scripts/bench-search.sh                 builds a 20,000-exhibitor fair in-process (synth + build)
#   scripts/bench-search.sh SNAPSHOT        an existing snapshot file
#   scripts/bench-search.sh --synth         the same fair through the `fairway` binary
#
# Extra arguments after those go to criterion (e.g. `-- --quick`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--synth" ]]; then
    shift
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    cargo run --release -q -p fairway-cli -- synth --exhibitors 20000 --seed 1 --out "$work/source"
    cargo run --release -q -p fairway-cli -- build "$work/source" --out "$work/out"
    FAIRWAY_BENCH_SNAPSHOT="$(ls "$work"/out/*.sqlite)"
    export FAIRWAY_BENCH_SNAPSHOT
elif [[ -n "${1:-}" && "${1:-}" != -* ]]; then
    FAIRWAY_BENCH_SNAPSHOT="$1"
    export FAIRWAY_BENCH_SNAPSHOT
    shift
fi

cargo bench -p fairway-core --bench search "$@"
