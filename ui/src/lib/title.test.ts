import { describe, expect, it } from "vitest";
import { windowTitle } from "./title";
import type { Board, Incident } from "./ipc";
import { NO_PROMISES } from "./promises";

const incident = { id: "abcdef123456", external_id: "INC-7" } as Incident;
const board = (due_at: string): Board => ({
  open: [incident],
  resolved: [],
  heads_up_minutes: 5,
  notification_problem: null,
  unreadable: [],
  watcher_problem: null,
  last_30_days: {
    incidents: 1,
    updates: 0,
    on_time: 0,
    late: 0,
    missed: 0,
    longest_silence: 0,
    promises: NO_PROMISES,
  },
  promises: [],
  obligations: [],
  deadlines: [
    {
      incident_id: incident.id,
      // The backend names the incident; the title shows that name as given.
      reference: "INC-7",
      deadline: {
        audience: "customers",
        due_at,
        cadence_minutes: 15,
        relaxed: false,
        snoozed: false,
      },
    },
  ],
});

describe("windowTitle", () => {
  const now = Date.parse("2026-11-27T14:00:00.000Z");
  it.each([
    ["2026-11-27T14:04:10.000Z", "INC-7: customers in 4 min — Herald"],
    ["2026-11-27T14:00:20.000Z", "INC-7: customers due now — Herald"],
    ["2026-11-27T13:57:00.000Z", "INC-7: customers 3 min late — Herald"],
  ])("due %s reads %s", (due, title) => {
    expect(windowTitle(board(due), now)).toBe(title);
  });

  it("is just Herald when nothing is scheduled", () => {
    expect(windowTitle(null, now)).toBe("Herald");
    expect(windowTitle({ ...board("2026-11-27T14:04:00.000Z"), deadlines: [] }, now)).toBe(
      "Herald",
    );
  });
});
