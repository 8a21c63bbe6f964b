#!/usr/bin/env bash
# The UI's production dependencies (what ships inside Herald's window):
#  1. every licence is on the allowed list below (offline, always runs);
#  2. `npm audit --omit=dev` finds nothing. Where the registry's audit endpoint
#     cannot be reached (the mirror on these machines answers 405), that is
#     said plainly and the licence check stands alone; a finding always fails.
set -euo pipefail
cd "$(dirname "$0")/../ui"

node - <<'NODE'
const { execSync } = require("node:child_process");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
// Permissive licences only, as deny.toml allows for the Rust side.
const allowed = ["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD"];
const paths = execSync("npm ls --omit=dev --all --parseable", { encoding: "utf8" })
  .split("\n")
  .filter((p) => p.includes("node_modules"));
const bad = [];
for (const path of paths) {
  const pkg = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
  const licence = String(pkg.license ?? "UNKNOWN");
  const options = licence.replace(/[()]/g, "").split(/\s+OR\s+/);
  if (!options.some((l) => allowed.includes(l.trim()))) bad.push(`${pkg.name}@${pkg.version}: ${licence}`);
}
if (bad.length) {
  console.error(`UI production dependencies with licences not allowed:\n  ${bad.join("\n  ")}`);
  process.exit(1);
}
console.log(`UI production dependencies: ${paths.length}, every licence allowed`);
NODE

if out=$(npm audit --omit=dev --audit-level=low 2>&1); then
  echo "npm audit: no known vulnerabilities in production dependencies"
elif grep -qE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN" <<<"$out"; then
  echo "npm audit: the registry's audit endpoint cannot be reached from this machine; run 'npm audit --omit=dev' in ui/ where it can (README, Supply chain)"
else
  echo "$out"
  exit 1
fi
