import { describe, expect, it } from "vitest";
import { formatAge, formatUtc } from "./format";

describe("formatAge", () => {
  const start = "2026-11-27T10:00:00.000Z";
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ["2026-11-27T10:00:59.000Z", "0 min"],
    ["2026-11-27T10:42:00.000Z", "42 min"],
    ["2026-11-27T11:00:00.000Z", "1 h 00 min"],
    ["2026-11-27T12:05:30.000Z", "2 h 05 min"],
    ["2026-11-28T14:00:00.000Z", "1 d 4 h"],
    // A clock that is behind the stored time never shows a negative age.
    ["2026-11-27T09:59:00.000Z", "0 min"],
  ])("at %s reads %s", (now, expected) => {
    expect(formatAge(start, at(now))).toBe(expected);
  });
});

describe("formatUtc", () => {
  it("shows the instant in UTC to the second", () => {
    expect(formatUtc("2026-11-27T14:05:09.123Z")).toBe("2026-11-27 14:05:09 UTC");
  });
});
