import { describe, expect, it } from "vitest";
import { countdown } from "./countdown";

describe("countdown", () => {
  const due = "2026-11-27T14:30:00.000Z";
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ["2026-11-27T13:29:00.000Z", "on_track", "1 h 01 min"],
    ["2026-11-27T14:20:00.000Z", "on_track", "10 min"],
    ["2026-11-27T14:24:59.000Z", "on_track", "6 min"],
    ["2026-11-27T14:25:00.000Z", "heads_up", "05:00"],
    ["2026-11-27T14:29:59.400Z", "heads_up", "00:01"],
    ["2026-11-27T14:30:00.000Z", "due", "due now"],
    ["2026-11-27T14:30:59.000Z", "due", "due now"],
    ["2026-11-27T14:33:12.000Z", "overdue", "+03:12 late"],
    ["2026-11-27T16:00:00.000Z", "overdue", "+1:30:00 late"],
  ])("at %s is %s (%s)", (now, state, text) => {
    expect(countdown(due, at(now), 5)).toEqual({ state, text });
  });
});
