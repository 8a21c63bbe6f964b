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
    // Twenty minutes out: no tick for 5 s (the longest wait), then one.
    vi.advanceTimersByTime(4_999);
    expect(seconds.now).toBe(start);
    vi.advanceTimersByTime(1);
    expect(seconds.now).toBe(start + 5_000);

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
