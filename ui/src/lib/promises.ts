// How a promise reads in the window: what was promised, and how it went.
// The judging itself is the backend's (core::promises); this only words it.

import type { CommsPromise, JudgedPromise, PromiseState, PromiseSummary } from "./ipc";
import { AUDIENCE_LABEL } from "./domain";
import { formatSeconds } from "./format";

export const PROMISE_STATE_LABEL: Record<PromiseState, string> = {
  open: "Open",
  kept: "Kept",
  broken: "Broken",
  superseded: "Superseded",
  undated: "No time given",
};

/** The summary of an incident, or a month, with no promises in it. */
export const NO_PROMISES: PromiseSummary = {
  made: 0,
  kept: 0,
  broken: 0,
  superseded: 0,
  open: 0,
  undated: 0,
  kept_percent: null,
  median_eta_error: null,
  first_public_update: null,
};

/** "Update promised to customers" or "ETA given to customers". */
export function promiseLabel(p: CommsPromise): string {
  const who = AUDIENCE_LABEL[p.audience].toLowerCase();
  return p.kind === "eta" ? `ETA given to ${who}` : `Update promised to ${who}`;
}

/** "kept, 5 min early", "broken, 12 min late", "superseded", "open". */
export function outcomeText(j: JudgedPromise): string {
  const { state, late_by, settled_at } = j.outcome;
  if (state === "kept" && late_by !== null && late_by < 0) {
    return `kept, ${formatSeconds(-late_by)} early`;
  }
  if (state === "broken" && late_by !== null) {
    return settled_at
      ? `broken, ${formatSeconds(late_by)} late`
      : `broken, ${formatSeconds(late_by)} late so far`;
  }
  return PROMISE_STATE_LABEL[state].toLowerCase();
}

/** One line for a summary: "3 of 4 kept (75 %) · median ETA error 8 min". */
export function summaryText(s: PromiseSummary): string {
  if (s.made === 0) return "No promises yet";
  const judged = s.kept + s.broken;
  const parts = [
    judged === 0
      ? `${s.made} promise${s.made === 1 ? "" : "s"}, none judged yet`
      : `${s.kept} of ${judged} promise${judged === 1 ? "" : "s"} kept (${s.kept_percent ?? 0} %)`,
  ];
  if (s.median_eta_error !== null) {
    parts.push(`median ETA error ${formatSeconds(s.median_eta_error)}`);
  }
  return parts.join(" · ");
}
