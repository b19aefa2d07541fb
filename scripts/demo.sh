#!/usr/bin/env bash
# Installs what is missing, builds the demo fair's snapshot and shows what a kiosk would.
# Until the kiosk app lands (issue 3) this builds the snapshot and runs a few searches on it.
source "$(dirname "$0")/lib.sh"
ensure_debian_packages
ensure_rust

cargo build --release -p fairway-cli
FAIRWAY="$ROOT/target/release/fairway"
OUT="$ROOT/out/demo"
rm -rf "$OUT"
"$FAIRWAY" build assets/demo-fair --out "$OUT"
SNAPSHOT="$(ls "$OUT"/*.sqlite)"
"$FAIRWAY" info "$SNAPSHOT"
for q in chongqing cq 泰国 银行 "ca phe"; do
  echo
  echo "==> fairway search '$q'"
  "$FAIRWAY" search "$SNAPSHOT" "$q" --limit 5
done
echo
echo "The kiosk window itself arrives with issue 3; the snapshot above is what it will show."
