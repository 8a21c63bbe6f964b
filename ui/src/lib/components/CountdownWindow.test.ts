import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import CountdownWindow from "./CountdownWindow.svelte";
import { fakeBackend } from "../../test-support/fixtures";

describe("CountdownWindow", () => {
  it("lists the next deadlines and brings the main window to the one chosen", async () => {
    const backend = fakeBackend();
    const view = await backend.declareIncident({
      external_id: "INC-11",
      link: "",
      title: "Checkout errors",
      severity: "SEV1",
      status: "investigating",
      customer_visible: true,
      commander: "",
      comms_lead: "",
    });
    const soon = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    backend.deadlines.set(view.incident.id, [
      {
        audience: "customers",
        due_at: soon(-2.5),
        cadence_minutes: 15,
        relaxed: false,
        snoozed: false,
      },
      {
        audience: "internal",
        due_at: soon(25),
        cadence_minutes: 30,
        relaxed: false,
        snoozed: false,
      },
    ]);
    render(CountdownWindow, { props: { backend } });
    const rows = await screen.findAllByTestId("compact-row");
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      expect.stringMatching(/^INC-11 · Customers \+02:[23]\d late$/),
      expect.stringMatching(/^INC-11 · Internal 2[56] min$/),
    ]);
    expect(rows[0]!.className).toContain("overdue");
    await userEvent.setup().click(rows[0]!);
    expect(backend.calls.at(-1)).toEqual({ method: "showIncident", args: [view.incident.id] });
  });

  it("says so when nothing is scheduled", async () => {
    render(CountdownWindow, { props: { backend: fakeBackend() } });
    expect(await screen.findByText("No updates scheduled.")).toBeTruthy();
  });
});
