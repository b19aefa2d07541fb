#!/usr/bin/env bash
# The XSS proof of issue 8: every payload of tests/xss/corpus.txt in every text field of a fair,
# built with `fairway build` and walked screen by screen in the real kiosk (tests/tests/xss.rs).
# Runs the proof's tests and prints its figures: payloads, field kinds and values, screens
# visited, renders, executions, CSP violations. Debug builds, like the other end-to-end tests.
#
#   scripts/xss.sh
source "$(dirname "$0")/lib.sh"
ensure_debian_packages "${TAURI_PACKAGES[@]}" "${E2E_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_ui_packages
ensure_tauri_driver

(cd ui && npm run build)
nice -n 10 cargo build --locked -p fairway-cli -p fairway-kiosk
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
nice -n 10 cargo test --locked -p fairway-e2e --test xss -- --nocapture --test-threads 1 >"$log" 2>&1 ||
  status=$?
grep -E '^xss: |^test |test result' "$log"
if [ "$status" != 0 ]; then
  tail -n 60 "$log"
fi
exit "$status"
