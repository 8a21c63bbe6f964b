// @vitest-environment node
// Only src/lib/ipc may talk to Tauri: everything else goes through the Backend
// interface, so components can be tested with the fake.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const src = fileURLToPath(new URL(".", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

it("imports @tauri-apps/api only inside src/lib/ipc", () => {
  const sources = files(src).filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith(".test.ts"));
  expect(sources.length).toBeGreaterThan(10);
  const offenders = sources
    .filter((f) => !relative(src, f).startsWith(join("lib", "ipc")))
    .filter((f) => readFileSync(f, "utf8").includes("@tauri-apps/api"))
    .map((f) => relative(src, f));
  expect(offenders).toEqual([]);
});
