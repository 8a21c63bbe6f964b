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
    expect(groups[0]!.spans).toEqual([{ text: "Our vendor", start: 0, end: 10, why: "" }]);
    expect(groups[1]!.spans).toEqual([{ text: "We think", start: 19, end: 27, why: "" }]);
  });

  it("keeps each span's own reason, and every distinct reason of the rule once", () => {
    const text = "Payments now succeed for all. It is fixed. It is fixed.";
    const clear = (words: string, from: number, why: string): Finding => {
      const start = text.indexOf(words, from);
      const end = start + words.length;
      return { ...finding(start, end), rule: "premature_resolution", text: words, why };
    };
    const model = "Herald's trained model reads these words as an all-clear.";
    const pattern = "Says the incident is over before the IC has resolved it.";
    const [group] = groupFindings([
      clear("It is fixed", 31, pattern),
      clear("now succeed for all", 0, model),
      clear("It is fixed", 0, pattern),
    ]);
    expect(group!.whys).toEqual([model, pattern]);
    expect(group!.spans.map((s) => [s.text, s.why])).toEqual([
      ["now succeed for all", model],
      ["It is fixed", pattern],
    ]);
  });
});
