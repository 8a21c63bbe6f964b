// The "who has been told what" matrix as the window lays it out: one row per
// fact, one column per audience, and which facts the audiences disagree on.
// The facts themselves are read and compared in Rust (core/src/told).
import type { Audience, Fact, ToldCell, ToldMatrix } from "./ipc";

export const FACTS: Fact[] = [
  "status",
  "impact",
  "affected",
  "eta",
  "workaround",
  "customer_visible",
];

/** The cell of one audience's row for a fact. */
export function cellOf(
  matrix: ToldMatrix,
  audienceIndex: number,
  fact: Fact,
): ToldCell | undefined {
  return matrix.rows[audienceIndex]?.cells.find((c) => c.fact === fact);
}

/** How a cell compares: an ETA by its instant when it gives one, else its words. */
function comparable(cell: ToldCell): string {
  if (cell.fact === "eta" && cell.instant) return cell.instant;
  return cell.value.trim().toLowerCase();
}

/**
 * Whether the audiences that were told a fact were told different things.
 * Only status and ETA are compared: impact, what is affected and workarounds
 * are worded for each audience, so different words are not a disagreement.
 */
export function differs(matrix: ToldMatrix, fact: Fact): boolean {
  if (fact !== "status" && fact !== "eta") return false;
  const values = new Set(
    matrix.rows
      .filter((r) => r.last_told_at !== null)
      .flatMap((r) => r.cells.filter((c) => c.fact === fact && c.source !== "unknown"))
      .map(comparable),
  );
  return values.size > 1;
}

const AUDIENCES: Audience[] = ["customers", "executives", "internal", "incident_channel"];

/** The matrix of an incident no audience has heard about yet. */
export function notToldYet(): ToldMatrix {
  return {
    rows: AUDIENCES.map((audience) => ({
      audience,
      last_told_at: null,
      cells: FACTS.map((fact) => ({
        fact,
        value: "",
        source: "unknown",
        at: null,
        update_id: null,
        instant: null,
      })),
    })),
  };
}
