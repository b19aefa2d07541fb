#!/usr/bin/env bash
# Kiosk figures for BENCHMARKS.md: a 20,000-exhibitor synthetic fair, release builds, the real
# app under Xvfb. Prints figures; asserts nothing. Usage: ./scripts/bench-kiosk.sh [NAVIGATIONS]
source "$(dirname "$0")/lib.sh"
ensure_debian_packages "${TAURI_PACKAGES[@]}" "${E2E_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_packages
ensure_tauri_driver

NAVIGATIONS="${1:-1000}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd ui && npm run build)
cargo build --release --locked -p fairway-cli -p fairway-kiosk
cargo build --release --locked -p fairway-e2e --example bench_kiosk

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$TARGET/release/fairway" synth --exhibitors 20000 --seed 7 --out "$WORK/fair"
"$TARGET/release/fairway" build "$WORK/fair" --out "$WORK/snapshot"
SNAPSHOT="$(ls "$WORK"/snapshot/*.sqlite)"
"$TARGET/release/fairway" info "$SNAPSHOT"
echo "==> $(nproc) cores, $(uname -sr), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
FAIRWAY_KIOSK_BIN="$TARGET/release/fairway-kiosk" "$TARGET/release/examples/bench_kiosk" "$SNAPSHOT" "$NAVIGATIONS"
