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
