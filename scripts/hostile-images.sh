#!/usr/bin/env bash
# Hostile images: each file of the generated corpus (crates/fairway-core/tests/hostile/) through
# media::reencode and through `fairway build`, each in its own child process; prints a table of
# verdict, time and peak resident memory (VmHWM). The issue's target: every refusal within one
# second, with bounded memory. The verdicts themselves are tested by tests/hostile_images.rs.
#
#   scripts/hostile-images.sh             # the dev profile (dependencies at opt-level 2): upper bounds
#   PROFILE=release scripts/hostile-images.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
flags=()
if [ "${PROFILE:-dev}" = release ]; then
  flags=(--release)
fi
nice -n 10 cargo run -q "${flags[@]}" -p fairway-core --example hostile_images
