# Shared by scripts/demo.sh and scripts/check.sh: install whatever is missing on Debian/Ubuntu.
# Sourced, not run. Installs only what is absent, so a second run costs nothing.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: a C toolchain for the bundled SQLite, and the independent tools the tests
# use to check our output (sqlite3 for integrity_check, minisign to verify our signatures).
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
