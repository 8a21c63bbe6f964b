// Splits a draft into plain and flagged pieces for the editor's highlight layer.
// Finding offsets are UTF-16 code units, the same units JavaScript strings use.

import type { Finding, Rule } from "./ipc";

export type Piece = { text: string; rules: Rule[]; blocking: boolean };

export function pieces(text: string, findings: Finding[]): Piece[] {
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
    const start = points[i]!;
    const end = points[i + 1]!;
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

/** One rule's findings in a draft: listed once, with each distinct span it
 * flagged and each distinct reason it gave (a pattern's and the trained
 * model's reasons differ, and so do two contradictions). */
export type FindingGroup = {
  rule: Rule;
  blocking: boolean;
  whys: string[];
  suggestion: string;
  spans: { text: string; start: number; end: number; why: string }[];
};

/**
 * Groups findings by rule, in the order each rule first appears, so four
 * findings of two rules read as two lines, and the same words flagged twice
 * by one rule are listed once (each listed span still jumps to its first place).
 */
export function groupFindings(findings: Finding[]): FindingGroup[] {
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
