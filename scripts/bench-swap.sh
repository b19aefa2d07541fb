#!/usr/bin/env bash
# Snapshot update figures for BENCHMARKS.md at fair scale: a 20,000-exhibitor synthetic fair,
# release builds. Installs sequence 1, then installs and swaps in sequence 2 while eight threads
# query, then swaps the pool SWAPS more times. Prints figures; asserts nothing.
# Usage: ./scripts/bench-swap.sh [SWAPS]
source "$(dirname "$0")/lib.sh"
ensure_debian_packages
ensure_rust

SWAPS="${1:-200}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo build --release --locked -p fairway-cli
cargo build --release --locked -p fairway-core --example swap_bench

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$TARGET/release/fairway" synth --exhibitors 20000 --seed 7 --out "$WORK/fair"
"$TARGET/release/fairway" keygen --out "$WORK/keys" >/dev/null
for seq in 1 2; do
  "$TARGET/release/fairway" build "$WORK/fair" --out "$WORK/feed$seq" --sequence "$seq" \
    --key "$WORK/keys/fairway.key" >/dev/null
done
echo "==> $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -sr)"
"$TARGET/release/examples/swap_bench" "$WORK/feed1" "$WORK/feed2" "$WORK/keys/fairway.pub" "$SWAPS"
