// The countdown a comms lead reads: derived only from the stored deadline and
// the wall clock, so it never drifts and is right the moment the machine wakes.

export type CountdownState = "on_track" | "heads_up" | "due" | "overdue";

export type Countdown = { state: CountdownState; text: string };

export const STATE_LABEL: Record<CountdownState, string> = {
  on_track: "On track",
  heads_up: "Heads-up",
  due: "Due",
  overdue: "Overdue",
};

/** "04:09" or "1:04:09" for a span of seconds. */
function clockText(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "14 min" or "1 h 05 min", rounded up: on track, minutes are enough. */
function minutesText(remainingMs: number): string {
  const minutes = Math.ceil(remainingMs / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/**
 * On track until the heads-up window, heads-up until the deadline, due for the
 * first minute after it, then overdue counting up ("+03:12 late").
 *
 * On track shows whole minutes and so changes once a minute; seconds appear
 * only when they matter. The text is all that repaints, so an idle window with
 * calm deadlines costs next to nothing.
 */
export function countdown(dueIso: string, nowMs: number, headsUpMinutes: number): Countdown {
  const remainingMs = Date.parse(dueIso) - nowMs;
  if (remainingMs > headsUpMinutes * 60_000) {
    return { state: "on_track", text: minutesText(remainingMs) };
  }
  if (remainingMs > 0) {
    return { state: "heads_up", text: clockText(Math.ceil(remainingMs / 1000)) };
  }
  const lateSeconds = Math.floor(-remainingMs / 1000);
  if (lateSeconds < 60) return { state: "due", text: "due now" };
  return { state: "overdue", text: `+${clockText(lateSeconds)} late` };
}
