#!/usr/bin/env bash
# The soak (RELIABILITY.md, "Soak"): the release kiosk under Xvfb, driven through WebDriver for
# NAVIGATIONS navigations of every kind, a new signed snapshot hot-swapped every SWAP_EVERY;
# prints memory start/end/slope, swaps and errors. Usage: scripts/soak.sh [NAVIGATIONS] [SWAP_EVERY]
source "$(dirname "$0")/lib.sh"
ensure_debian_packages "${TAURI_PACKAGES[@]}" "${E2E_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_packages
ensure_tauri_driver
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd ui && npm run build >/dev/null)
cargo build --release --locked -p fairway-kiosk
cargo build --release --locked -p fairway-e2e --example soak
echo "==> $(nproc) cores, $(uname -sr)"
FAIRWAY_KIOSK_BIN="$TARGET/release/fairway-kiosk" "$TARGET/release/examples/soak" "${1:-10000}" "${2:-300}"
