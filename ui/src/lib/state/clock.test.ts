import { afterEach, describe, expect, it, vi } from "vitest";
import { seconds, showCountdowns } from "./clock.svelte";

describe("the countdown clock", () => {
  afterEach(() => vi.useRealTimers());

  const start = Date.parse("2026-11-27T14:00:00.000Z");
  const inMinutes = (m: number) => new Date(start + m * 60_000).toISOString();

  it("ticks every second only when a shown countdown is near or past its deadline", () => {
    vi.useFakeTimers({ now: start });
    const calm = showCountdowns();
    calm.update([inMinutes(20.5)], 5);
    // 20.5 minutes out: no tick until the shown minute changes, 30 s on.
    vi.advanceTimersByTime(30_004);
    expect(seconds.now).toBe(start);
    vi.advanceTimersByTime(1);
    expect(seconds.now).toBe(start + 30_005);
    // Then once a minute, and never more often.
    vi.advanceTimersByTime(59_999);
    expect(seconds.now).toBe(start + 30_005);
    vi.advanceTimersByTime(1);
    expect(seconds.now).toBe(start + 90_005);

    const urgent = showCountdowns();
    urgent.update([inMinutes(4)], 5); // inside the heads-up window
    const before = seconds.now;
    vi.advanceTimersByTime(1_000);
    expect(seconds.now).toBe(before + 1_000);

    urgent.stop();
    calm.stop();
    const stopped = seconds.now;
    vi.advanceTimersByTime(60_000);
    expect(seconds.now).toBe(stopped);
  });

  it("re-reads the time when the window is focused or shown, as timers stand still in sleep", () => {
    vi.useFakeTimers({ now: start });
    const shown = showCountdowns();
    shown.update([inMinutes(40.5)], 5);
    // The machine slept for ten minutes: the wall clock moved, no timer fired.
    vi.setSystemTime(start + 10 * 60_000);
    expect(seconds.now).toBe(start);
    window.dispatchEvent(new Event("focus"));
    expect(seconds.now).toBe(start + 10 * 60_000);
    vi.setSystemTime(start + 12 * 60_000);
    const state = vi.spyOn(document, "visibilityState", "get").mockReturnValue("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(seconds.now).toBe(start + 12 * 60_000);
    state.mockRestore();
    shown.stop();
    // Nothing shown: focus changes nothing.
    vi.setSystemTime(start + 13 * 60_000);
    window.dispatchEvent(new Event("focus"));
    expect(seconds.now).toBe(start + 12 * 60_000);
  });

  it("wakes just after a shown minute changes", () => {
    vi.useFakeTimers({ now: start });
    const shown = showCountdowns();
    shown.update([new Date(start + 10 * 60_000 + 2_000).toISOString()], 5);
    vi.advanceTimersByTime(2_004);
    expect(seconds.now).toBe(start);
    vi.advanceTimersByTime(1);
    expect(seconds.now).toBe(start + 2_005);
    shown.stop();
  });
});
