#!/usr/bin/env python3
"""The floor under the kiosk's memory: a bare WebKitGTK 4.1 web view (no Tauri, no Fairway),
fullscreen on the current display, showing PAGE for SECONDS; prints the process tree's PSS
(this Python process, which stands in for the app, and WebKit's web and network processes).
Run by scripts/webkit-floor.sh, which sets up the display and both painting modes."""
import os
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402


def pss_mib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree(pid):
    out = [pid]
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    out += tree(int(child))
        except OSError:
            pass
    return out


def report(page, mode):
    parts = []
    for pid in tree(os.getpid()):
        try:
            with open(f"/proc/{pid}/comm") as f:
                parts.append((f.read().strip(), pss_mib(pid)))
        except OSError:
            continue
    total = sum(v for _, v in parts)
    detail = ", ".join(f"{n} {v:.0f}" for n, v in parts)
    print(f"{mode}, {page}: process tree PSS {total:.0f} MiB ({detail})", flush=True)
    Gtk.main_quit()


def main():
    page, seconds = sys.argv[1], float(sys.argv[2])
    mode = "CPU painting" if os.environ.get("WEBKIT_DISABLE_COMPOSITING_MODE") else "GPU path"
    win = Gtk.Window()
    win.set_default_size(1080, 1920)
    view = WebKit2.WebView()
    win.add(view)
    win.show_all()
    win.fullscreen()
    view.load_uri(page)
    GLib.timeout_add(int(seconds * 1000), report, page, mode)
    Gtk.main()


main()
