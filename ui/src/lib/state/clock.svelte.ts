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

/** A once-a-second clock for countdowns, running only while one is on screen. */
export const seconds = $state({ now: Date.now() });

let secondUsers = 0;
let secondTimer: ReturnType<typeof setInterval> | undefined;

export function startSecondTicker(): () => void {
  secondUsers += 1;
  seconds.now = Date.now();
  secondTimer ??= setInterval(() => (seconds.now = Date.now()), 1000);
  return () => {
    secondUsers -= 1;
    if (secondUsers === 0) {
      clearInterval(secondTimer);
      secondTimer = undefined;
    }
  };
}
