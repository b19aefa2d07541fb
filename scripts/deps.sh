#!/usr/bin/env bash
# Dependency checks that run offline: cargo-deny's bans (exactly one SQLite, no duplicate
# libsqlite3-sys), licences (only those allowed in deny.toml) and sources (crates.io only).
# Advisories need the RustSec database from GitHub; they run only when FAIRWAY_ADVISORIES=1 and
# the database can be fetched (see RELIABILITY.md, "Dependencies").
#
#   cargo install cargo-deny --locked   # once
#   scripts/deps.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if ! command -v cargo-deny >/dev/null 2>&1; then
  echo "cargo-deny is not installed: cargo install cargo-deny --locked" >&2
  exit 1
fi

echo "==> exactly one SQLite linked (cargo tree -d)"
if cargo tree --workspace -d -e normal,build --locked | grep -q libsqlite3-sys; then
  echo "two versions of libsqlite3-sys are linked"
  exit 1
fi
echo "one libsqlite3-sys: $(cargo tree --workspace -e normal,build --locked -i libsqlite3-sys | head -1)"

echo "==> cargo deny check bans licenses sources"
nice -n 10 cargo deny --locked check bans licenses sources

if [ "${FAIRWAY_ADVISORIES:-0}" = 1 ]; then
  echo "==> cargo deny check advisories (fetches the RustSec database from GitHub)"
  nice -n 10 cargo deny --locked check advisories
else
  echo "==> advisories skipped: they need the RustSec database from github.com (FAIRWAY_ADVISORIES=1 to try)"
fi
