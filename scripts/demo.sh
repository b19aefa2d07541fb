#!/usr/bin/env bash
# Installs what is missing, builds the interface and the kiosk app, and opens the kiosk on the
# demo fair (windowed; the demo fair's snapshot is built on first start and cached).
# Extra arguments go to the app, e.g. `./scripts/demo.sh --config kiosk.toml`.
source "$(dirname "$0")/lib.sh"
ensure_debian_packages "${TAURI_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_packages

echo "==> building the interface"
(cd ui && npm run build)
echo "==> building the kiosk app (release; the first build takes several minutes)"
cargo build --release --locked -p fairway-kiosk
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: run this from a desktop session (or set DISPLAY)." >&2
  exit 1
fi
echo "==> fairway-kiosk $*"
exec "$TARGET/release/fairway-kiosk" "$@"
