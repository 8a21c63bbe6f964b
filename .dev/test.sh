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

stage "ui: types, formatting, component tests"
(cd ui && npm run check && npm run lint && npm test)

stage "build the app"
build_app

stage "end to end: the real app under Xvfb and a private D-Bus"
runtime_dir="$(mktemp -d)"
chmod 700 "$runtime_dir"
# No accessibility bus runs on the private session; NO_AT_BRIDGE stops GTK asking for one.
XDG_RUNTIME_DIR="$runtime_dir" WEBKIT_DISABLE_COMPOSITING_MODE=1 NO_AT_BRIDGE=1 \
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  dbus-run-session --config-file="$ROOT/.dev/dbus-session.conf" -- \
  "$ROOT/.dev/with-keyring.sh" cargo test --locked -p herald-e2e -- --test-threads=1
rm -rf "$runtime_dir"
echo "Screenshots of each view: $ROOT/target/e2e-screenshots/"
