import { describe, expect, it } from "vitest";
import type { Audience, Fact, ToldCell, ToldMatrix } from "./ipc";
import { differs, FACTS } from "./told";

function cell(fact: Fact, value: string, instant: string | null = null): ToldCell {
  return {
    fact,
    value,
    source: value ? "words" : "unknown",
    at: value ? "2026-11-27T14:00:00Z" : null,
    update_id: value ? "u" : null,
    instant,
  };
}

function row(audience: Audience, told: boolean, cells: Partial<Record<Fact, ToldCell>>) {
  return {
    audience,
    last_told_at: told ? "2026-11-27T14:00:00Z" : null,
    cells: FACTS.map((f) => cells[f] ?? cell(f, "")),
  };
}

describe("Who has been told what", () => {
  it("marks a status or ETA the told audiences disagree on, and nothing else", () => {
    const matrix: ToldMatrix = {
      rows: [
        row("customers", true, {
          status: cell("status", "investigating"),
          eta: cell("eta", "Fixed by 15:00.", "2026-11-27T15:00:00Z"),
          affected: cell("affected", "EU"),
        }),
        row("executives", true, {
          status: cell("status", "Monitoring"),
          eta: cell("eta", "ETA: 15:00 (confidence: high)", "2026-11-27T15:00:00Z"),
          affected: cell("affected", "checkout in the EU"),
        }),
        // Never told: its cells say nothing.
        row("internal", false, { status: cell("status", "resolved") }),
      ],
    };
    expect(differs(matrix, "status")).toBe(true);
    // The same instant in other words is the same ETA.
    expect(differs(matrix, "eta")).toBe(false);
    // Worded per audience: never marked.
    expect(differs(matrix, "affected")).toBe(false);
    matrix.rows.splice(1, 1, row("executives", true, { status: cell("status", "investigating") }));
    expect(differs(matrix, "status")).toBe(false);
  });
});
