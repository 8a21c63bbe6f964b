#!/usr/bin/env bash
# Benchmarks that print numbers (not timed tests):
#  1. deadline -> Notify latency p50/p99 over 150 deadlines with both cores busy;
#  2. the guardrails linter on a 5,000-character draft, and its corpus report;
#  3. 10,000 timeline events: page query, postmortem export, one insert;
#  4. the crash test's long mode: 1,000 SIGKILLs while publishing, printing
#     kills, updates, unknown outcomes, lost (must be 0) and integrity failures
#     (must be 0);
#  5. the real app's idle CPU over 60 s with live countdowns on screen (Herald
#     plus its WebKit processes, under Xvfb, software rendering).
source "$(dirname "$0")/lib.sh"
setup_build
setup_test

stage "alert latency"
cargo run --locked --release -q -p herald-desk --example alert_latency

stage "guardrails: lint a 5,000-character draft"
cargo run --locked --release -q -p herald-core --example lint_bench

stage "guardrails: precision and recall on the labelled corpus"
cargo run --locked --release -q -p herald-core --bin herald-lint-report

stage "a 10,000-event timeline"
cargo run --locked --release -q -p herald-desk --example timeline_bench

stage "outbox: throughput and publish → first attempt"
cargo run --locked --release -q -p herald-relay --example outbox_bench

stage "crash test, long mode: 1,000 kills"
HERALD_CRASH_KILLS=1000 cargo test --locked -q -p herald-relay --test crash -- --nocapture 2>&1 \
  | grep -E '^crash test:|^test result'

stage "idle CPU with the countdown visible"
build_app
work="$(mktemp -d)"
mkdir -p "$work/data" "$work/runtime"
chmod 700 "$work/runtime"
cargo run --locked -q -p herald-desk --example seed -- "$work/data/herald.sqlite"
cat > "$work/measure.sh" <<'INNER'
set -euo pipefail
target/debug/herald &
app=$!
sleep 10   # start-up and first paint are not idle
ticks() {  # utime + stime of Herald and every process it started, in clock ticks
  local total=0
  for pid in $app $(pgrep -P "$app" || true); do
    if [ -r "/proc/$pid/stat" ]; then
      read -r -a f < <(sed 's/^.*) //' "/proc/$pid/stat")
      total=$(( total + f[11] + f[12] ))
    fi
  done
  echo "$total"
}
before=$(ticks); start=$(date +%s.%N)
sleep 60
after=$(ticks); end=$(date +%s.%N)
kill "$app"
hz=$(getconf CLK_TCK)
awk -v t=$(( after - before )) -v hz="$hz" -v s="$start" -v e="$end" \
  'BEGIN { printf "  idle CPU over %.0f s: %.2f %% of one core (target <= 0.5 %%)\n", e - s, 100 * t / hz / (e - s) }'
INNER
HERALD_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/xdg" \
  XDG_RUNTIME_DIR="$work/runtime" NO_AT_BRIDGE=1 \
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  dbus-run-session --config-file="$ROOT/.dev/dbus-session.conf" -- bash "$work/measure.sh"
rm -rf "$work"
print_timings
