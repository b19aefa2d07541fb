# Shared by scripts/demo.sh and scripts/check.sh: install whatever is missing on Debian/Ubuntu.
# Sourced, not run. Installs only what is absent, so a second run costs nothing.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: a C toolchain for the bundled SQLite, the independent tools the tests use to
# check our output (sqlite3 for integrity_check, minisign to verify our signatures), and what
# the kiosk app needs: WebKitGTK and friends to build Tauri, a CJK font so 中文 never shows as
# boxes, and WebKitWebDriver + Xvfb for the end-to-end tests.
TAURI_PACKAGES=(libwebkit2gtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  fonts-noto-cjk)
# x11-utils: xwininfo (and xmessage, its control), with which the lockdown tests see whether
# anything opened a window; xdotool: real X input where WebDriver has none (Ctrl+wheel).
# imagemagick: screenshots of the whole display; dbus: a session bus for the single-instance test.
E2E_PACKAGES=(webkit2gtk-driver xvfb zbar-tools x11-utils xdotool imagemagick dbus)
ensure_debian_packages() {
  local wanted=(build-essential pkg-config curl ca-certificates sqlite3 minisign "$@")
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# The Rust toolchain named in rust-toolchain.toml (rustup reads it on first use).
ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "==> installing Rust with rustup"
    if apt-cache show rustup >/dev/null 2>&1; then
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rustup
    else
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
      export PATH="$HOME/.cargo/bin:$PATH"
    fi
  fi
  # Make sure the pinned toolchain and its components are present (a no-op when they are).
  if command -v rustup >/dev/null 2>&1; then
    rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
  fi
}

# Node.js >= 20 for the interface (Debian 12's nodejs is 18: then say so and stop).
NODE_MIN=20
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "==> installing Node.js and npm from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt "$NODE_MIN" ]; then
    echo "Node.js $(node --version) is too old: the interface needs Node.js >= $NODE_MIN." >&2
    echo "Install a newer one (e.g. from https://nodejs.org or NodeSource) and run this again." >&2
    exit 1
  fi
}

# The interface's npm packages, installed when absent or when package-lock.json changed.
ensure_ui_packages() {
  if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "==> npm ci (ui)"
    (cd ui && npm ci --no-audit --no-fund)
  fi
}

# tauri-driver: the WebDriver front the end-to-end tests talk to.
ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "==> cargo install tauri-driver"
    cargo install tauri-driver --version '^2' --locked
  fi
}
