#!/usr/bin/env bash
# Installs whatever is missing, builds Herald, and opens its window. The
# database lives in the OS's app data directory (on Linux
# ~/.local/share/app.herald.desk/herald.sqlite) unless HERALD_DATA_DIR says otherwise.
source "$(dirname "$0")/lib.sh"

stage "set up build tools"
setup_build
stage "build Herald"
build_app
print_timings

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
  echo "Run this from a desktop session, or under xvfb-run to try it headless." >&2
  exit 1
fi
exec target/debug/herald
