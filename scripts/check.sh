#!/usr/bin/env bash
# Installs what is missing, then runs every test and check. `.ci/run` calls exactly this.
source "$(dirname "$0")/lib.sh"
# A checking run builds once; incremental caches would only take disk (the CI machine's is shared).
export CARGO_INCREMENTAL=0
ensure_debian_packages "${TAURI_PACKAGES[@]}" "${E2E_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_packages
ensure_tauri_driver

echo "==> ui: svelte-check, vitest, prettier, build"
(cd ui && npm run check && npm test && npm run format:check && npm run build)

echo "==> cargo fmt --check"
cargo fmt --all --check

echo "==> cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "==> exactly one SQLite linked"
if cargo tree --workspace -d -e normal,build --locked | grep -q libsqlite3-sys; then
  echo "two versions of libsqlite3-sys are linked:"; cargo tree -d -e normal,build | grep -A3 libsqlite3-sys
  exit 1
fi

echo "==> cargo test (unit, integration, bindings, and end-to-end in the real app under Xvfb)"
# The end-to-end tests drive the fairway-kiosk binary; build it first so they test this tree.
cargo build -p fairway-kiosk --locked
# The lockdown tests (tests/tests/lockdown.rs) check the release build, the one that ships.
cargo build --release -p fairway-kiosk --locked
cargo test --workspace --locked
