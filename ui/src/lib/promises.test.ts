import { describe, expect, it } from "vitest";
import { NO_PROMISES, outcomeText, promiseLabel, summaryText } from "./promises";
import type { JudgedPromise, PromiseOutcome } from "./ipc";

const judged = (outcome: Partial<PromiseOutcome>): JudgedPromise => ({
  promise: {
    id: "u/1",
    incident_id: "i",
    update_id: "u",
    audience: "customers",
    kind: "eta",
    said: "A fix should be live by 16:00 UTC.",
    due_at: "2026-11-27T16:00:00Z",
    made_at: "2026-11-27T14:00:00Z",
  },
  outcome: { state: "open", settled_at: null, late_by: null, superseded_by: null, ...outcome },
  countdown: true,
});

describe("promises", () => {
  it("words how each promise went", () => {
    expect(outcomeText(judged({ state: "kept", late_by: -300, settled_at: "x" }))).toBe(
      "kept, 5 min early",
    );
    expect(outcomeText(judged({ state: "broken", late_by: 720, settled_at: "x" }))).toBe(
      "broken, 12 min late",
    );
    expect(outcomeText(judged({ state: "broken", late_by: 60 }))).toBe("broken, 1 min late so far");
    expect(outcomeText(judged({ state: "superseded", settled_at: "x" }))).toBe("superseded");
    expect(promiseLabel(judged({}).promise)).toBe("ETA given to customers");
  });

  it("sums up kept ones and the ETA error", () => {
    expect(summaryText(NO_PROMISES)).toBe("No promises yet");
    expect(
      summaryText({
        ...NO_PROMISES,
        made: 4,
        kept: 3,
        broken: 1,
        kept_percent: 75,
        median_eta_error: 480,
      }),
    ).toBe("3 of 4 promises kept (75 %) · median ETA error 8 min");
    expect(summaryText({ ...NO_PROMISES, made: 1, open: 1 })).toBe("1 promise, none judged yet");
  });
});
