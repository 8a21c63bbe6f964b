// Splits a draft into plain and flagged pieces for the editor's highlight layer.
// Finding offsets are UTF-16 code units, the same units JavaScript strings use.

import type { Finding, Rule } from "./ipc";

export type Piece = { text: string; rules: Rule[]; blocking: boolean };

export function pieces(text: string, findings: Finding[]): Piece[] {
  // One sweep over the cuts, opening and closing the findings that start and
  // end at each: a 100,000-character paste can draw thousands of findings,
  // and checking every finding against every piece froze the window.
  const fitting = findings.filter((f) => f.start < f.end && f.end <= text.length);
  const starting = new Map<number, number[]>();
  const ending = new Map<number, number[]>();
  fitting.forEach((f, i) => {
    if (!starting.has(f.start)) starting.set(f.start, []);
    if (!ending.has(f.end)) ending.set(f.end, []);
    starting.get(f.start)!.push(i);
    ending.get(f.end)!.push(i);
  });
  const points = [...new Set([0, text.length, ...starting.keys(), ...ending.keys()])].sort(
    (a, b) => a - b,
  );
  // The findings covering the piece, by rule; a piece lists its rules in the
  // order of their first covering finding.
  const open = new Map<Rule, Set<number>>();
  let blocking = 0;
  const out: Piece[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const at = points[p]!;
    for (const i of ending.get(at) ?? []) {
      open.get(fitting[i]!.rule)!.delete(i);
      if (fitting[i]!.blocking) blocking--;
    }
    for (const i of starting.get(at) ?? []) {
      const rule = fitting[i]!.rule;
      if (!open.has(rule)) open.set(rule, new Set());
      open.get(rule)!.add(i);
      if (fitting[i]!.blocking) blocking++;
    }
    const rules = [...open.entries()]
      .filter(([, covering]) => covering.size > 0)
      .map(([rule, covering]) => ({ rule, first: first(covering) }))
      .sort((a, b) => a.first - b.first)
      .map(({ rule }) => rule);
    out.push({ text: text.slice(at, points[p + 1]!), rules, blocking: blocking > 0 });
  }
  return out;
}

function first(indices: Set<number>): number {
  let least = Infinity;
  for (const i of indices) least = Math.min(least, i);
  return least;
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
  // What each group already lists (its reasons, its spans lowercased), as
  // sets: a long paste can draw thousands of distinct spans.
  const listed = new Map<Rule, { whys: Set<string>; spans: Set<string> }>();
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    let group = groups.get(f.rule);
    let seen = listed.get(f.rule);
    if (!group || !seen) {
      group = { rule: f.rule, blocking: false, whys: [], suggestion: f.suggestion, spans: [] };
      seen = { whys: new Set(), spans: new Set() };
      groups.set(f.rule, group);
      listed.set(f.rule, seen);
    }
    group.blocking ||= f.blocking;
    if (!seen.whys.has(f.why)) {
      seen.whys.add(f.why);
      group.whys.push(f.why);
    }
    const said = f.text.toLowerCase();
    if (!seen.spans.has(said)) {
      seen.spans.add(said);
      group.spans.push({ text: f.text, start: f.start, end: f.end, why: f.why });
    }
  }
  return [...groups.values()];
}
