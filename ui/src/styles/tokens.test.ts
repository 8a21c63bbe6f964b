// @vitest-environment node
// WCAG AA contrast for every text/background pair the app uses, in both themes.
// Reads tokens.css itself, so changing a colour there is checked here.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const css = readFileSync(fileURLToPath(new URL("./tokens.css", import.meta.url)), "utf8");

function colours(block: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of block.matchAll(/--(color-[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) {
    found[m[1]!] = m[2]!;
  }
  return found;
}

const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
const light = colours(css.slice(0, darkStart));
const dark = { ...light, ...colours(css.slice(darkStart)) };

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background]: every pairing a component actually draws.
const PAIRS: [string, string][] = [
  ["color-text", "color-bg"],
  ["color-text", "color-surface"],
  ["color-text", "color-surface-sunken"],
  ["color-text-muted", "color-bg"],
  ["color-text-muted", "color-surface"],
  ["color-text-muted", "color-surface-sunken"],
  ["color-on-accent", "color-accent"],
  ["color-link", "color-surface"],
  ["color-link", "color-bg"],
  ["color-danger", "color-surface"],
  ["color-danger", "color-bg"],
  ["color-danger", "color-danger-surface"],
  ["color-success", "color-surface"],
  ["color-warning", "color-surface"],
  ["color-warning", "color-warning-surface"],
  ["color-danger", "color-danger-surface"],
  ["color-on-sev", "color-sev1"],
  ["color-on-sev", "color-sev2"],
  ["color-on-sev", "color-sev3"],
  ["color-on-sev", "color-sev4"],
];

describe.each([
  ["light", light],
  ["dark", dark],
])("%s theme", (_name, theme) => {
  it.each(PAIRS)("%s on %s meets WCAG AA (4.5:1)", (fg, bg) => {
    expect(theme[fg], fg).toBeDefined();
    expect(theme[bg], bg).toBeDefined();
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps the focus ring visible against the page (3:1 for UI parts)", () => {
    expect(contrast(theme["color-focus"]!, theme["color-bg"]!)).toBeGreaterThanOrEqual(3);
  });
});
