import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FindingGroup, groupFindings, type Piece, pieces } from "./highlight";
import type { Finding, Rule } from "./ipc";

// The first, plainly quadratic versions: the property tests below hold the
// sweeps to exactly what these gave.
function piecesByScan(text: string, findings: Finding[]): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const f of findings) {
    if (f.end <= text.length && f.start < f.end) {
      cuts.add(f.start);
      cuts.add(f.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const covering = findings.filter(
      (f) => f.start <= start && f.end >= end && f.end <= text.length,
    );
    out.push({
      text: text.slice(start, end),
      rules: [...new Set(covering.map((f) => f.rule))],
      blocking: covering.some((f) => f.blocking),
    });
  }
  return out;
}

function groupsByScan(findings: Finding[]): FindingGroup[] {
  const groups = new Map<Rule, FindingGroup>();
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    let group = groups.get(f.rule);
    if (!group) {
      group = { rule: f.rule, blocking: false, whys: [], suggestion: f.suggestion, spans: [] };
      groups.set(f.rule, group);
    }
    group.blocking ||= f.blocking;
    if (!group.whys.includes(f.why)) group.whys.push(f.why);
    if (!group.spans.some((s) => s.text.toLowerCase() === f.text.toLowerCase()))
      group.spans.push({ text: f.text, start: f.start, end: f.end, why: f.why });
  }
  return [...groups.values()];
}

const RULES: Rule[] = ["speculation", "blame", "jargon", "person_name", "unconfirmed_eta"];

/** A draft and findings on it, some overlapping, some empty, reversed or past its end. */
const drafts = fc
  .tuple(fc.string({ unit: "grapheme", maxLength: 40 }), fc.nat({ max: 30 }))
  .chain(([text, count]) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc.record({
          rule: fc.constantFrom(...RULES),
          start: fc.nat({ max: text.length + 3 }),
          end: fc.nat({ max: text.length + 3 }),
          text: fc.constantFrom("We think", "we THINK", "DNS", "the vendor"),
          why: fc.constantFrom("a guess", "a party", "an acronym"),
          suggestion: fc.constant(""),
          blocking: fc.boolean(),
        }),
        { maxLength: count },
      ),
    ),
  );

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

describe("pieces and groups on any findings", () => {
  it("cut and mark exactly as checking every finding against every piece did", () => {
    fc.assert(
      fc.property(drafts, ([text, findings]) => {
        const out = pieces(text, findings);
        expect(out).toEqual(piecesByScan(text, findings));
        expect(out.map((p) => p.text).join("")).toBe(text);
        expect(groupFindings(findings)).toEqual(groupsByScan(findings));
      }),
      { numRuns: 500 },
    );
  });

  it("keep a paste's thousands of findings in one piece each", () => {
    // 15,000 acronyms, the bench's worst paste: each is its own marked piece.
    const text = "DNS ".repeat(15_000);
    const findings = Array.from({ length: 15_000 }, (_, i) => ({
      ...finding(i * 4, i * 4 + 3, false),
      rule: "jargon" as const,
      text: `DNS${i % 700}`,
    }));
    const out = pieces(text, findings);
    expect(out).toHaveLength(30_000);
    expect(out.filter((p) => p.rules.length === 1)).toHaveLength(15_000);
    expect(groupFindings(findings)[0]!.spans).toHaveLength(700);
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
