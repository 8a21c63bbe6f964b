#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: formatting and lints,
# the Rust crates, the UI, and end-to-end tests against the real built app
# under a virtual display and a private D-Bus session.
source "$(dirname "$0")/lib.sh"
trap print_timings EXIT

stage "set up build tools"
setup_build
stage "set up test tools"
setup_test

stage "rust: format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

stage "supply chain: crate licences, bans and sources; UI production dependencies"
cargo deny --locked check licenses bans sources
bash "$ROOT/.dev/npm-audit.sh"

stage "rust: core, store and desk tests (with binding drift and schema fixtures)"
cargo test --locked

stage "desktop services: notifications and resume on private D-Bus buses"
dbus-run-session --config-file="$ROOT/.dev/dbus-session.conf" -- \
  cargo test --locked -p herald-notify

stage "relay: response classes, crash test, vendor validators, real keychain"
relay_runtime="$(mktemp -d)"
chmod 700 "$relay_runtime"
XDG_RUNTIME_DIR="$relay_runtime" dbus-run-session --config-file="$ROOT/.dev/dbus-session.conf" -- \
  "$ROOT/.dev/with-keyring.sh" cargo test --locked -p herald-relay
rm -rf "$relay_runtime"

stage "team sync: two Heralds through a real y-sweet server on loopback"
cargo test --locked -p herald-team

stage "ui: types, formatting, component tests"
(cd ui && npm run check && npm run lint && npm test)

# One release build serves the end-to-end suite and the packages: the suite
# drives the binary a lead installs, and nothing is compiled twice.
stage "build the app: the release binary, its .deb and .rpm"
ui/node_modules/.bin/tauri build --bundles deb,rpm

stage "end to end: the real app under Xvfb and a private D-Bus"
runtime_dir="$(mktemp -d)"
chmod 700 "$runtime_dir"
# No accessibility bus runs on the private session; NO_AT_BRIDGE stops GTK asking for one.
# No WebKit variables: Herald turns accelerated compositing off itself
# (src-tauri/src/webview.rs), so the suite sees every page as a lead does.
# The screen is 1920×1080 so the cockpit can be checked at that size too.
XDG_RUNTIME_DIR="$runtime_dir" NO_AT_BRIDGE=1 HERALD_BIN="$ROOT/target/release/herald" \
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
  dbus-run-session --config-file="$ROOT/.dev/dbus-session.conf" -- \
  "$ROOT/.dev/with-keyring.sh" cargo test --locked -p herald-e2e -- --test-threads=1
rm -rf "$runtime_dir"
echo "Screenshots of each view: $ROOT/target/e2e-screenshots/"

stage "package: the release .deb installed with apt, run, removed"
deb="$(ls "$ROOT"/target/release/bundle/deb/*.deb)"
# A package left by an interrupted earlier run is replaced, not mixed in.
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq herald >/dev/null 2>&1 || true
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb"
package_runtime="$(mktemp -d)"
chmod 700 "$package_runtime"
XDG_RUNTIME_DIR="$package_runtime" NO_AT_BRIDGE=1 HERALD_BIN=/usr/bin/herald \
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  dbus-run-session --config-file="$ROOT/.dev/dbus-session.conf" -- \
  cargo test --locked -p herald-e2e --test package -- --test-threads=1
rm -rf "$package_runtime"
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq herald
for left in /usr/bin/herald /usr/share/applications/Herald.desktop /usr/share/icons/hicolor/128x128/apps/herald.png; do
  if [ -e "$left" ]; then echo "Removing the package left $left behind" >&2; exit 1; fi
done
echo "Package sizes: $(du -h "$deb" | cut -f1) .deb, $(du -h "$ROOT"/target/release/bundle/rpm/*.rpm | cut -f1) .rpm; binary $(du -h "$ROOT/target/release/herald" | cut -f1)"
