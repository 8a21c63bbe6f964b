// The wall clock for display only (ages, "x min ago"). The backend owns every
// deadline; this just re-reads the time so shown ages stay right, and changes
// text only, so an idle window costs next to nothing.

const TICK_MS = 15_000;

export const clock = $state({ now: Date.now() });

let timer: ReturnType<typeof setInterval> | undefined;

export function startClock(): () => void {
  clock.now = Date.now();
  timer ??= setInterval(() => (clock.now = Date.now()), TICK_MS);
  return () => {
    clearInterval(timer);
    timer = undefined;
  };
}

/**
 * The countdown clock. It ticks every second only while a countdown on screen
 * shows seconds (heads-up, due, overdue); otherwise it wakes only when a shown
 * minute is about to change (at most a minute apart). Every tick wakes WebKit's
 * web process for a burst of work, so calm countdowns must not tick more often
 * than their text changes. Timers stand still while the machine sleeps, so the
 * clock also re-reads the time whenever the window is focused or shown again,
 * and the board reloads (and so resyncs it) whenever an alert is raised.
 */
export const seconds = $state({ now: Date.now() });

type Shown = { dues: string[]; headsUpMinutes: number };
const shown = new Map<symbol, Shown>();
let tickTimer: ReturnType<typeof setTimeout> | undefined;

const SECOND = 1_000;
const LONGEST = 60_000;

/** How long until any shown countdown's text can change. */
function nextTickIn(now: number): number {
  let wait = LONGEST;
  for (const { dues, headsUpMinutes } of shown.values()) {
    for (const due of dues) {
      const remaining = Date.parse(due) - now;
      if (remaining <= headsUpMinutes * 60_000 + SECOND) return SECOND;
      const toMinuteChange = remaining % 60_000;
      wait = Math.min(wait, toMinuteChange + 5);
    }
  }
  return Math.max(50, wait);
}

function resync() {
  if (shown.size === 0) return;
  seconds.now = Date.now();
  schedule();
}

function onVisible() {
  if (document.visibilityState === "visible") resync();
}

function listen(on: boolean) {
  if (on) {
    window.addEventListener("focus", resync);
    document.addEventListener("visibilitychange", onVisible);
  } else {
    window.removeEventListener("focus", resync);
    document.removeEventListener("visibilitychange", onVisible);
  }
}

function schedule() {
  clearTimeout(tickTimer);
  tickTimer = undefined;
  if (shown.size === 0) return;
  tickTimer = setTimeout(() => {
    seconds.now = Date.now();
    schedule();
  }, nextTickIn(Date.now()));
}

/**
 * Registers the deadlines a component shows. Call `update` whenever they are
 * (re)loaded, which also resyncs the clock; call `stop` when it unmounts.
 */
export function showCountdowns(): {
  update: (dues: string[], headsUpMinutes: number) => void;
  stop: () => void;
} {
  const key = Symbol("countdowns");
  return {
    update(dues, headsUpMinutes) {
      if (shown.size === 0) listen(true);
      shown.set(key, { dues, headsUpMinutes });
      seconds.now = Date.now();
      schedule();
    },
    stop() {
      if (shown.delete(key) && shown.size === 0) listen(false);
      schedule();
    },
  };
}
