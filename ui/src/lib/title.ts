// The window title carries the most urgent deadline, so the lead sees it from
// the taskbar or window switcher without opening Herald. Minutes only: the title
// changes at most about once a minute.

import type { Board } from "./ipc";
import { AUDIENCE_LABEL } from "./domain";

export function windowTitle(board: Board | null, nowMs: number): string {
  const next = board?.deadlines[0];
  const incident = next && board?.open.find((i) => i.id === next.incident_id);
  if (!next || !incident) return "Herald";
  const name = next.reference || incident.title;
  const who = AUDIENCE_LABEL[next.deadline.audience].toLowerCase();
  const minutes = Math.round((Date.parse(next.deadline.due_at) - nowMs) / 60_000);
  const when =
    minutes > 0 ? `in ${minutes} min` : minutes === 0 ? "due now" : `${-minutes} min late`;
  return `${name}: ${who} ${when} — Herald`;
}
