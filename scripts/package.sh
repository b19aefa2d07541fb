#!/usr/bin/env bash
# Builds the Linux packages of the kiosk app with `tauri build`: the .deb (binary, demo fair,
# systemd user unit, example configuration) and, where it can, the AppImage. Installs whatever
# is missing first (Debian packages, Rust, Node.js, the interface's npm packages, which include
# the Tauri CLI pinned in ui/package.json). DEPLOY.md says what to do with the .deb.
#
# The packages land in $CARGO_TARGET_DIR/release/bundle/ (target/release/bundle/ by default).
source "$(dirname "$0")/lib.sh"
# dpkg-deb (dpkg) inspects the result; `file` is what Tauri's AppImage step calls.
ensure_debian_packages "${TAURI_PACKAGES[@]}" dpkg file
ensure_rust
ensure_node
ensure_ui_packages

TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BUNDLE="$TARGET/release/bundle"
TAURI="$ROOT/ui/node_modules/.bin/tauri"
[ -x "$TAURI" ] || { echo "the Tauri CLI is missing from ui/node_modules (npm ci in ui/)" >&2; exit 1; }

# Vite rewrites every file it builds, and Tauri embeds ui/dist, so an unneeded interface build
# would recompile the app: build it only when a source is newer than the last build.
if [ ! -f ui/dist/index.html ] ||
  find ui/src ui/*.html ui/package-lock.json ui/vite.config.* -newer ui/dist/index.html | grep -q .; then
  echo "==> building the interface"
  (cd ui && npm run build)
fi

echo "==> $("$TAURI" --version): tauri build --bundles deb"
rm -rf "$BUNDLE/deb"
started=$(date +%s)
# `tauri build` runs `cargo build --release` with the `custom-protocol` feature, which the
# workspace turns on anyway (Cargo.toml), so after ./scripts/check.sh it links nothing new.
(cd src-tauri && "$TAURI" build --ci --bundles deb)
deb="$(ls "$BUNDLE"/deb/*.deb)"
echo "==> $deb: $(du -h "$deb" | cut -f1), built in $(($(date +%s) - started)) s"
dpkg-deb --field "$deb" Package Version Architecture Depends Installed-Size
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -E '^(\./)?(usr/bin/|etc/fairway/|usr/lib/systemd/user/).+|demo-fair/fair.toml$'

# The AppImage: Tauri's bundler downloads linuxdeploy, its GTK plugin and AppRun from GitHub
# on first use (into ~/.cache/tauri). Without GitHub it cannot be built; the .deb above is
# complete without it. Try, and say plainly why when it fails.
echo "==> tauri bundle --bundles appimage (needs github.com for linuxdeploy on first use)"
log="$(mktemp)"
if timeout 600 "$TAURI" bundle --ci --bundles appimage >"$log" 2>&1; then
  echo "==> $(ls "$BUNDLE"/appimage/*.AppImage)"
else
  tail -n 5 "$log" | sed 's/^/    /'
  if ! curl -fsS --max-time 10 -o /dev/null https://github.com 2>/dev/null; then
    echo "==> AppImage skipped: github.com is unreachable from this machine, and Tauri's AppImage"
    echo "    bundler must download linuxdeploy and its plugins from there on first use."
    echo "    Run this script once on a machine with internet access (or copy its ~/.cache/tauri)."
  else
    echo "==> AppImage failed (see above); the .deb is complete without it." >&2
  fi
fi
rm -f "$log"
echo "==> done: $deb"
