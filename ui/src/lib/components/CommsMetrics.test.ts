import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import CommsMetrics from "./CommsMetrics.svelte";
import type { AudienceMetrics } from "../ipc";
import { backendContext } from "../state/backend";
import { fakeBackend, testIncident } from "../../test-support/fixtures";

function punctuality(audience: AudienceMetrics["audience"], late: number): AudienceMetrics {
  return {
    audience,
    first_update_after: 240,
    updates: 3,
    on_time: 3 - late,
    late,
    missed: late,
    mean_lateness: late ? 150 : null,
    worst_lateness: late ? 300 : null,
    longest_silence: 1800,
  };
}

describe("Comms punctuality", () => {
  it("gives each audience a column and each measure a row, so the table fits the side pane", async () => {
    const backend = fakeBackend();
    const view = await backend.declareIncident(testIncident());
    view.metrics.audiences = [punctuality("customers", 1), punctuality("executives", 0)];
    render(CommsMetrics, { props: { view }, context: backendContext(backend) });

    const columns = screen.getAllByRole("columnheader").map((h) => h.textContent?.trim());
    expect(columns).toEqual(["Customers", "Executives"]);
    const late = screen.getByRole("rowheader", { name: "Worst late" }).closest("tr");
    if (!late) throw new Error("a row per measure");
    expect(
      within(late)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["5 min", "—"]);
    const rows = screen.getAllByRole("rowheader").map((h) => h.textContent);
    expect(rows).toEqual([
      "First update",
      "Updates",
      "On time",
      "Late",
      "Missed",
      "Mean late",
      "Worst late",
      "Longest silence",
    ]);
  });
});
