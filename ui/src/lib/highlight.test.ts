import { describe, expect, it } from "vitest";
import { pieces } from "./highlight";
import type { Finding } from "./ipc";

const finding = (start: number, end: number, blocking = true): Finding => ({
  rule: "speculation",
  start,
  end,
  text: "",
  why: "",
  suggestion: "",
  blocking,
});

describe("pieces", () => {
  it("cuts the text at every finding boundary, counting UTF-16 units", () => {
    const text = "🙏 We think so";
    const out = pieces(text, [finding(3, 11)]);
    expect(out.map((p) => [p.text, p.rules.length])).toEqual([
      ["🙏 ", 0],
      ["We think", 1],
      [" so", 0],
    ]);
    expect(out.map((p) => p.text).join("")).toBe(text);
  });

  it("ignores findings that no longer fit the text", () => {
    expect(pieces("short", [finding(3, 40)])).toEqual([
      { text: "short", rules: [], blocking: false },
    ]);
  });

  it("marks overlaps with every rule and blocks if any finding blocks", () => {
    const blame: Finding = { ...finding(2, 6, false), rule: "blame" };
    const out = pieces("abcdefgh", [finding(0, 4), blame]);
    expect(out.map((p) => [p.text, p.rules.join("+"), p.blocking])).toEqual([
      ["ab", "speculation", true],
      ["cd", "speculation+blame", true],
      ["ef", "blame", false],
      ["gh", "", false],
    ]);
  });
});
