#!/usr/bin/env bash
# Runs a command with a real Secret Service on the current (private) D-Bus
# session: gnome-keyring with a fresh, unlocked `login` collection in a
# temporary directory, stopped by PID afterwards. Recipe from DESKTOP-TESTING.md.
set -euo pipefail

keyring_home="$(mktemp -d)"
: "${XDG_RUNTIME_DIR:?set a private XDG_RUNTIME_DIR (mode 700) first}"
# --unlock reads the new keyring's password from stdin; without it the daemon
# tries to prompt on a display and fails.
XDG_DATA_HOME="$keyring_home" gnome-keyring-daemon --foreground --unlock --components=secrets \
  <<<"herald-test-keyring" >"$keyring_home/daemon.log" 2>&1 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; rm -rf "$keyring_home"' EXIT

for _ in $(seq 100); do
  if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; then
    break
  fi
  sleep 0.1
done
if ! gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets | grep -q true; then
  echo "gnome-keyring did not come up:" >&2
  cat "$keyring_home/daemon.log" >&2
  exit 1
fi
"$@"
