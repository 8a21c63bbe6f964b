# Shared helpers for Herald's set-up, launch and test scripts. Sourced, not run.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
# Full debug info triples build time and disk on small machines; Cargo.toml's
# dev profile already sets debug = 0, and this keeps tools that read the
# environment (tauri's CLI) in step with it so nothing rebuilds twice.
export CARGO_PROFILE_DEV_DEBUG=0
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

STAGE_NAME=""
STAGE_START=0
TIMINGS=()

stage() {
  stage_end
  STAGE_NAME="$1"
  STAGE_START=$(date +%s)
  printf '\n==> %s\n' "$STAGE_NAME"
}

stage_end() {
  if [ -n "$STAGE_NAME" ]; then
    local took=$(( $(date +%s) - STAGE_START ))
    TIMINGS+=("$(printf '%5ss  %s' "$took" "$STAGE_NAME")")
    printf '<== %s took %ss\n' "$STAGE_NAME" "$took"
    STAGE_NAME=""
  fi
}

print_timings() {
  stage_end
  printf '\nStage timings:\n'
  printf '  %s\n' "${TIMINGS[@]}"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian/Ubuntu packages given that are not installed yet.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

require() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "Herald needs $1 ($2). Install it and run this again." >&2
    exit 1
  }
}

# Everything needed to build and run Herald.
setup_build() {
  require cargo "Rust 1.95 or newer, from rustup"
  require npm "Node.js 20 or newer"
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
    echo "Not a Debian/Ubuntu system: install Tauri 2's Linux prerequisites yourself (see README)."
  else
    apt_install libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libsoup-3.0-dev \
      build-essential libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev \
      pkg-config file libdbus-1-dev
  fi
  # npm ci only when the lock file changed since the last install.
  if [ ! -f ui/node_modules/.herald-lock ] || ! cmp -s ui/package-lock.json ui/node_modules/.herald-lock; then
    (cd ui && npm ci --no-audit --no-fund)
    cp ui/package-lock.json ui/node_modules/.herald-lock
  fi
}

# Builds a test tool from crates.io into ~/.cargo/bin, sharing one target
# directory so the crates the tools have in common compile once.
install_tool() {
  cargo install --locked --debug --target-dir "$ROOT/target/tools" "$@"
}

# Everything the tests need on top: a virtual display, a private D-Bus with mock
# notification and logind services, the WebDriver bridge, screenshots.
setup_test() {
  if command -v apt-get >/dev/null 2>&1; then
    apt_install xvfb xauth webkit2gtk-driver xclip dbus dbus-x11 libgl1-mesa-dri \
      fonts-dejavu-core imagemagick x11-utils python3-dbusmock libglib2.0-bin openbox xdotool \
      gnome-keyring python3-venv openssl wmctrl desktop-file-utils rpm
  fi
  # The vendors' validators the relay tests send to: Python packages in a venv
  # (Debian's Python, as the brief asks), npm packages beside their lock file.
  if [ ! -f .dev/venv/.herald-requirements ] || ! cmp -s tests/validators/requirements.txt .dev/venv/.herald-requirements; then
    /usr/bin/python3 -m venv .dev/venv
    .dev/venv/bin/pip install --quiet --disable-pip-version-check -r tests/validators/requirements.txt
    cp tests/validators/requirements.txt .dev/venv/.herald-requirements
  fi
  if [ ! -f tests/validators/node_modules/.herald-lock ] || ! cmp -s tests/validators/package-lock.json tests/validators/node_modules/.herald-lock; then
    (cd tests/validators && npm ci --no-audit --no-fund)
    cp tests/validators/package-lock.json tests/validators/node_modules/.herald-lock
  fi
  # The three tools are built unoptimised into one shared target directory.
  # On a fresh 2-core machine that took 141 s (y-sweet 62 s, cargo-deny 61 s,
  # tauri-driver 18 s, 2026-11-30) where the optimised builds, each apart,
  # took 487 s of a cold CI run; none of them does enough work in the tests
  # for its speed to show (cargo-deny's check takes 4 s instead of 1.4 s).
  if ! command -v tauri-driver >/dev/null 2>&1; then
    install_tool tauri-driver --version '^2'
  fi
  # The team sync tests' server: y-sweet, the Yjs server Herald syncs
  # through, from crates.io (its npm wrapper downloads from GitHub).
  if ! y-sweet version 2>/dev/null | grep -q '0\.9\.1'; then
    install_tool y-sweet --version 0.9.1
  fi
  # Pinned: a new cargo-deny can change what a config means.
  if ! cargo deny --version 2>/dev/null | grep -q '^cargo-deny 0.20.2$'; then
    install_tool cargo-deny --version 0.20.2
  fi
}

build_app() {
  ui/node_modules/.bin/tauri build --debug --no-bundle
}
