#!/usr/bin/env bash
# Installs what is missing, then runs every test and check. `.ci/run` calls exactly this.
source "$(dirname "$0")/lib.sh"
ensure_debian_packages
ensure_rust

echo "==> cargo fmt --check"
cargo fmt --all --check

echo "==> cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "==> exactly one SQLite linked"
if cargo tree --workspace -d -e normal,build --locked | grep -q libsqlite3-sys; then
  echo "two versions of libsqlite3-sys are linked:"; cargo tree -d -e normal,build | grep -A3 libsqlite3-sys
  exit 1
fi

echo "==> cargo test"
cargo test --workspace --locked
