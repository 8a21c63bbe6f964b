// The drill in progress, shared by the banner, the drills page and the
// window title. Re-read whenever the backend says the drill moved, and its
// clock extrapolated between reads from the speed, so the drill time ticks
// without asking the backend every second.

import { toAppError, type Backend, type DrillView, type KeptScore, type Speed } from "../ipc";
import { refreshBoard } from "./board.svelte";

export const drill = $state<{
  view: DrillView | null;
  /** When `view` was read, by this window's clock (ms). */
  readAt: number;
  /** The score card of the drill that just ended, until the lead moves on. */
  finished: KeptScore | null;
  error: string;
}>({ view: null, readAt: 0, finished: null, error: "" });

const FACTOR: Record<Speed, number> = { paused: 0, real: 1, five: 5, ten: 10 };

export const SPEEDS: { speed: Speed; label: string }[] = [
  { speed: "paused", label: "Pause" },
  { speed: "real", label: "1×" },
  { speed: "five", label: "5×" },
  { speed: "ten", label: "10×" },
];

/** Drill time now (ms since the epoch), never past the drill's end. */
export function drillNow(view: DrillView, readAt: number, realNow: number): number {
  const at = Date.parse(view.now) + FACTOR[view.speed] * Math.max(0, realNow - readAt);
  return Math.min(at, Date.parse(view.ends_at));
}

/** "12:05" of drill time since the start. */
export function elapsed(fromIso: string, toMs: number): string {
  const seconds = Math.max(0, Math.floor((toMs - Date.parse(fromIso)) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

let source: Backend | undefined;

export function refreshDrill(): Promise<void> {
  if (!source) return Promise.resolve();
  return source
    .drill()
    .then((view) => {
      drill.view = view;
      drill.readAt = Date.now();
      drill.error = "";
    })
    .catch((raw) => {
      drill.error = toAppError(raw).message;
    });
}

export function showDrill(view: DrillView | null): void {
  drill.view = view;
  drill.readAt = Date.now();
}

/** Follows the drill for the window's life; returns the function that stops. */
export function watchDrill(backend: Backend, onFinished: (kept: KeptScore) => void): () => void {
  source = backend;
  void refreshDrill();
  // The board lists the drill after the real incidents, so it follows too.
  const changed = backend.onDrillChanged(() => {
    void refreshDrill();
    void refreshBoard();
  });
  const finished = backend.onDrillFinished((kept) => {
    void refreshBoard();
    drill.view = null;
    drill.finished = kept;
    onFinished(kept);
  });
  return () => {
    for (const stop of [changed, finished]) stop.then((s) => s()).catch(() => {});
    source = undefined;
  };
}

/**
 * The time an incident's countdowns read: drill time for the drill incident,
 * the wall clock for every other. Deadlines of a drill are in drill time.
 */
export function incidentNow(incidentId: string, realNow: number): number {
  const view = drill.view;
  if (view && view.incident_id === incidentId) return drillNow(view, drill.readAt, realNow);
  return realNow;
}
