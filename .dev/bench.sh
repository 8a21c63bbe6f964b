#!/usr/bin/env bash
# Benchmarks that print numbers (not timed tests):
#  1. deadline -> Notify latency p50/p99 over 150 deadlines with both cores busy;
#  2. the guardrails linter on a 5,000-character draft, what a 100,000-character
#     draft costs the board and the alert check, and the corpus report;
#  3. 10,000 timeline events: page query, postmortem export, one insert;
#  4. the crash test's long mode: 1,000 SIGKILLs while publishing, printing
#     kills, updates, unknown outcomes, lost (must be 0) and integrity failures
#     (must be 0);
#  5. Herald beside a minimal Tauri 2 + Svelte app (bench/minimal-tauri), both
#     release builds, in fresh Xvfb and D-Bus sessions in ABBA order: start-up
#     (window mapped, first non-blank frame, visually complete), PSS of the
#     process tree, idle CPU and wake-ups, binary size (.dev/side_by_side.py).
#     HERALD_BENCH_RUNS (default 3) and HERALD_BENCH_IDLE (seconds, default 60)
#     shorten it while iterating.
#  6. team sync: issue 18's engine spike (.dev/sync-spike), one scripted
#     incident through Automerge and through Yjs (yrs): bytes per timeline
#     event, per keystroke and per field edit, reconcile after a partition,
#     convergence, memory and saved size.
# `bash .dev/bench.sh side-by-side` (or latency, guardrails, timeline, outbox,
# crash, sync) runs one benchmark.
source "$(dirname "$0")/lib.sh"
setup_build
setup_test
ONLY="${1:-}"
wanted() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

if wanted latency; then
stage "alert latency"
cargo run --locked --release -q -p herald-desk --example alert_latency
fi

if wanted guardrails; then
stage "guardrails: lint a 5,000-character draft"
cargo run --locked --release -q -p herald-core --example lint_bench

stage "guardrails: a 100,000-character draft beside the board and the alert check"
cargo run --locked --release -q -p herald-desk --example long_draft_bench

stage "who has been told what: a 300-update matrix and a draft checked against it"
cargo run --locked --release -q -p herald-core --example told_bench

stage "guardrails: precision and recall on the labelled corpus"
cargo run --locked --release -q -p herald-core --bin herald-lint-report
fi

if wanted sync; then
stage "team sync: Automerge and Yjs on one scripted incident"
(cd "$ROOT/.dev/sync-spike" && cargo build --locked --release -q &&
  ./target/release/sync-spike automerge && ./target/release/sync-spike yrs)
fi

if wanted timeline; then
stage "a 10,000-event timeline"
cargo run --locked --release -q -p herald-desk --example timeline_bench
fi

if wanted outbox; then
stage "outbox: throughput and publish → first attempt"
cargo run --locked --release -q -p herald-relay --example outbox_bench
fi

if wanted crash; then
stage "crash test, long mode: 1,000 kills"
HERALD_CRASH_KILLS=1000 cargo test --locked -q -p herald-relay --test crash -- --nocapture 2>&1 \
  | grep -E '^crash test:|^test result'
fi

if wanted side-by-side; then
stage "side by side with a minimal Tauri app: start-up, memory, idle, size"
# Both release builds, made the same way (tauri build, the same profile, the
# same Vite and Svelte); the minimal app is bench/minimal-tauri.
if ! diff <(sed -n '/^\[profile.release\]/,/^$/p' Cargo.toml | grep -v '^#') \
          <(sed -n '/^\[profile.release\]/,/^$/p' bench/minimal-tauri/src-tauri/Cargo.toml | grep -v '^#'); then
  echo "bench/minimal-tauri's release profile differs from Herald's: make them the same" >&2
  exit 1
fi
ui/node_modules/.bin/tauri build --no-bundle
ln -sfn ../../../ui/node_modules bench/minimal-tauri/ui/node_modules
(cd bench/minimal-tauri/src-tauri && CARGO_TARGET_DIR="$ROOT/target" \
  "$ROOT/ui/node_modules/.bin/tauri" build --no-bundle -- --locked)
herald_bin=target/release/herald
minimal_bin=target/release/minimal-tauri
printf '  stripped release binary: herald %s MB, minimal %s MB\n' \
  "$(du -b "$herald_bin" | awk '{printf "%.1f", $1 / 1e6}')" \
  "$(du -b "$minimal_bin" | awk '{printf "%.1f", $1 / 1e6}')"
seeds="$(mktemp -d)"
# Seeded afresh for each table, so every deadline is still minutes away (no
# seconds ticking) while it runs.
side_by_side() {
  local incidents=$1 events=$2
  shift 2
  rm -rf "$seeds/data" && mkdir -p "$seeds/data"
  target/release/examples/seed "$seeds/data/herald.sqlite" "$incidents" "$events"
  /usr/bin/python3 .dev/side_by_side.py --runs "${HERALD_BENCH_RUNS:-3}" --idle "${HERALD_BENCH_IDLE:-60}" \
    --seed "$seeds/data" --app "minimal=minimal-tauri=$minimal_bin" "$@"
}
cargo build --locked --release -q -p herald-desk --example seed
side_by_side 10 10000 --app "herald=Herald=$herald_bin" \
  --label "10 open incidents, 10,000 timeline events; no notification server or tray host"
side_by_side 10 10000 --app "herald=Herald=$herald_bin" --services \
  --label "10 open incidents, 10,000 timeline events; a notification server and a tray host"
side_by_side 1 0 --app "herald=Herald=$herald_bin --minimized" --services --hidden \
  --label "one open SEV1, Herald hidden in the tray (the minimal app shown)"
rm -rf "$seeds"
fi
print_timings
