#!/usr/bin/env bash
# The floor under the kiosk's memory (BENCHMARKS.md, "Kiosk", run 6): a bare WebKitGTK web view
# at 1080×1920 on Xvfb showing about:blank, through the GPU path and with CPU painting; prints
# the process tree's PSS. Usage: scripts/webkit-floor.sh [SECONDS]
source "$(dirname "$0")/lib.sh"
ensure_debian_packages xvfb python3-gi gir1.2-webkit2-4.1
SECONDS_SHOWN="${1:-6}"
DISPLAY_NUMBER=91
Xvfb ":$DISPLAY_NUMBER" -screen 0 1080x1920x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB' EXIT
sleep 1
for cpu in "" 1; do
  env DISPLAY=":$DISPLAY_NUMBER" ${cpu:+WEBKIT_DISABLE_COMPOSITING_MODE=1} \
    /usr/bin/python3 "$ROOT/scripts/webkit-floor.py" about:blank "$SECONDS_SHOWN" 2>/dev/null
done
