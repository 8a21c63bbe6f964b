import { describe, expect, it } from "vitest";
import { groupFindings, pieces } from "./highlight";
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

describe("groupFindings", () => {
  it("lists each rule once, in order of first appearance, with each distinct span once", () => {
    const text = "Our vendor failed. We think it is fixed. Our vendor again. We think so.";
    const flag = (rule: Finding["rule"], words: string, from: number, blocking: boolean) => {
      const start = text.indexOf(words, from);
      return { ...finding(start, start + words.length, blocking), rule, text: words };
    };
    const findings: Finding[] = [
      flag("speculation", "We think", 20, false),
      flag("blame", "Our vendor", 0, true),
      flag("speculation", "We think", 0, false),
      flag("blame", "Our vendor", 5, true),
      flag("premature_resolution", "it is fixed", 0, false),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.rule)).toEqual(["blame", "speculation", "premature_resolution"]);
    expect(groups[0]!.blocking).toBe(true);
    expect(groups[0]!.spans).toEqual([{ text: "Our vendor", start: 0, end: 10 }]);
    expect(groups[1]!.spans).toEqual([{ text: "We think", start: 19, end: 27 }]);
  });
});
