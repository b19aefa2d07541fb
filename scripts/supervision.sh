#!/usr/bin/env bash
# The kill-and-hang proof (RELIABILITY.md, "Supervision"): the release kiosk runs under a real
# systemd user manager with the unit we ship (packaging/fairway-kiosk.service), on an Xvfb
# display. Then:
#   1. KILLS times `kill -9` of the app; each time, how long until systemd has a new app whose
#      interface is up again (READY=1 comes with the interface's first heartbeat);
#   2. a SIGSTOP of WebKit's web process (the page hangs; the app itself still runs): how long
#      until the watchdog, no longer fed without heartbeats, has the unit restarted and ready.
# Prints every figure. Usage: scripts/supervision.sh [KILLS]   (default 100)
#
# On a machine booted without systemd (a container), a private user manager is started with
# its own runtime folder; systemd refuses to run one unless /run/systemd/system exists, so the
# script creates that marker folder when it is missing (and says so).
source "$(dirname "$0")/lib.sh"
KILLS="${1:-100}"
ensure_debian_packages "${TAURI_PACKAGES[@]}" "${E2E_PACKAGES[@]}" systemd bc procps
ensure_rust
ensure_node
ensure_ui_packages
(cd ui && npm run build >/dev/null)
cargo build --release --locked -p fairway-kiosk
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET/release/fairway-kiosk"

WORK="$(mktemp -d)"
MANAGER_PID=""; XVFB_PID=""
cleanup() {
  if [ -n "$MANAGER_PID" ]; then
    systemctl --user stop fairway-kiosk.service 2>/dev/null || true
    kill "$MANAGER_PID" 2>/dev/null || true
    wait "$MANAGER_PID" 2>/dev/null || true
  fi
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  # The document portal the session started mounts a FUSE folder in the runtime folder.
  fusermount -u "$WORK/runtime/doc" 2>/dev/null || umount "$WORK/runtime/doc" 2>/dev/null || true
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT

# A display for the kiosk.
DISPLAY_NUMBER=$((600 + RANDOM % 300))
Xvfb ":$DISPLAY_NUMBER" -screen 0 1080x1920x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!

# A private systemd user manager, its units in our own folder.
export XDG_RUNTIME_DIR="$WORK/runtime" XDG_CONFIG_HOME="$WORK/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/systemd/user"
chmod 700 "$XDG_RUNTIME_DIR"
if [ ! -d /run/systemd/system ]; then
  echo "==> not booted with systemd: creating /run/systemd/system so a user manager will run"
  as_root mkdir -p /run/systemd/system
fi
/lib/systemd/systemd --user >"$WORK/manager.log" 2>&1 &
MANAGER_PID=$!
for _ in $(seq 100); do systemctl --user is-system-running >/dev/null 2>&1 && break; sleep 0.1; done
systemctl --user is-system-running >/dev/null 2>&1 || { echo "the systemd user manager did not start:"; cat "$WORK/manager.log"; exit 1; }

# The unit we ship, with ExecStart pointing at this build and a configuration of our own.
HOME_DIR="$WORK/home"; mkdir -p "$HOME_DIR"
cat >"$WORK/kiosk.toml" <<TOML
kiosk_id = "K-N1-ENTRANCE"
fullscreen = true
log_dir = "$WORK/logs"
TOML
sed -e "s|^ExecStart=.*|ExecStart=$BIN --config $WORK/kiosk.toml|" \
    -e "s|^\[Service\]|[Service]\nEnvironment=HOME=$HOME_DIR|" \
    packaging/fairway-kiosk.service >"$XDG_CONFIG_HOME/systemd/user/fairway-kiosk.service"
# As the kiosk's .xinitrc does (DEPLOY.md): the session's display goes to the user manager, so
# the services it starts on demand (xdg-desktop-portal-gtk, which GTK asks at start) can run.
# Without it the portal never starts and every kiosk start waits 25 s for D-Bus to give up.
DISPLAY=":$DISPLAY_NUMBER" systemctl --user import-environment DISPLAY
systemctl --user daemon-reload

prop() { systemctl --user show fairway-kiosk.service -p "$1" --value; }
now() { date +%s.%N; }
# Waits until the unit is active with a main PID other than $1; prints that PID.
wait_up() {
  local old="$1" deadline=$(( $(date +%s) + 120 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    local pid state
    pid="$(prop MainPID)"; state="$(prop ActiveState)"
    if [ "$state" = active ] && [ "$pid" != 0 ] && [ "$pid" != "$old" ]; then echo "$pid"; return 0; fi
    sleep 0.02
  done
  return 1
}

echo "==> starting the kiosk under systemd (display :$DISPLAY_NUMBER)"
t0=$(now)
systemctl --user start fairway-kiosk.service
PID="$(wait_up 0)" || { echo "the kiosk did not become ready"; systemctl --user status fairway-kiosk.service --no-pager; exit 1; }
t1=$(now)
printf 'first start to ready: %.2f s\n' "$(echo "$t1 - $t0" | bc)"
sleep 3

echo "==> $KILLS × kill -9"
TIMES="$WORK/kill-times"; : >"$TIMES"; FAILED=0
for i in $(seq "$KILLS"); do
  t0=$(now)
  kill -9 "$PID"
  if NEW="$(wait_up "$PID")"; then
    t1=$(now); echo "$t1 - $t0" | bc >>"$TIMES"; PID="$NEW"
  else
    FAILED=$((FAILED + 1)); echo "kill $i: no restart within 120 s"; PID="$(prop MainPID)"
  fi
  sleep 1.5 # let the fresh kiosk settle, as a real one would
done
sort -n "$TIMES" >"$TIMES.sorted"
N="$(wc -l <"$TIMES.sorted")"
at() { sed -n "${1}p" "$TIMES.sorted"; }
if [ "$N" -gt 0 ]; then
  P50=$(( (N + 1) / 2 )); P95=$(( (N * 95 + 99) / 100 ))
  MEAN="$(awk '{ s += $1 } END { printf "%.2f", s / NR }' "$TIMES.sorted")"
  echo "restarts: $N of $KILLS, failed $FAILED"
  printf 'kill -9 → ready again: min %.2f s, p50 %.2f s, p95 %.2f s, max %.2f s, mean %s s\n' \
    "$(at 1)" "$(at "$P50")" "$(at "$P95")" "$(at "$N")" "$MEAN"
else
  echo "no restarts measured ($FAILED failed)"
fi
echo "NRestarts (systemd): $(prop NRestarts)"

echo "==> SIGSTOP of the web process (a hung page)"
sleep 3
WEB="$(pgrep -P "$PID" -f WebKitWebProcess | head -1 || true)"
if [ -z "$WEB" ]; then
  WEB="$(pgrep -f WebKitWebProcess | while read -r p; do [ "$(ps -o ppid= -p "$p" | tr -d ' ')" = "$PID" ] && echo "$p"; done | head -1)"
fi
[ -n "$WEB" ] || { echo "no web process found under $PID"; exit 1; }
t0=$(now)
kill -STOP "$WEB"
if NEW="$(wait_up "$PID")"; then
  t1=$(now)
  printf 'SIGSTOP of the web process (pid %s) → restarted by the watchdog and ready: %.2f s (WatchdogSec=%s)\n' \
    "$WEB" "$(echo "$t1 - $t0" | bc)" "$(grep -m1 '^WatchdogSec=' packaging/fairway-kiosk.service | cut -d= -f2)"
  kill -0 "$WEB" 2>/dev/null && echo "the stopped web process is still there!" || echo "the stopped web process is gone"
else
  echo "the hung kiosk was NOT restarted within 120 s"; exit 1
fi
echo "==> what the kiosk logged about it"
grep -h "heartbeat\|web process\|started" "$WORK"/logs/kiosk*.log | tail -4 || true
echo "watchdog results: $(prop Result)  NRestarts: $(prop NRestarts)"
