import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import IncidentPage from "./IncidentPage.svelte";
import { backendContext } from "../state/backend";
import { fakeBackend } from "../../test-support/fixtures";
import { openIncident } from "../../test-support/incident-page";
import { formatSeconds } from "../format";

const setup = () => openIncident({ external_id: "INC-8", title: "Exports stuck" });

describe("Timeline", () => {
  it("adds a back-dated note, corrects it, and filters and searches", async () => {
    const { backend, user, pane } = await setup();
    await pane("timeline");
    const timeline = screen.getByTestId("timeline");
    await user.type(screen.getByPlaceholderText("What happened, for the record"), "Bridge opened");
    await user.type(screen.getByLabelText("Back-date to (optional)"), "2026-11-27T13:05");
    await user.click(screen.getByTestId("add-note"));
    await within(timeline).findByText(/Note \(back-dated\): Bridge opened/);
    expect(backend.lastCall("addNote")?.args[1]).toMatchObject({ text: "Bridge opened" });
    expect((backend.lastCall("addNote")?.args[1] as { at: string }).at).toMatch(/^2026-11-27T/);

    await user.click(within(timeline).getByRole("button", { name: "Correct" }));
    await user.type(within(timeline).getByLabelText("Corrected note"), " by Ana");
    await user.click(within(timeline).getByRole("button", { name: "Save correction" }));
    await within(timeline).findByText(/Note corrected: Bridge opened by Ana/);

    await user.selectOptions(screen.getByLabelText("Show"), "note");
    expect(within(timeline).queryByText(/Declared/)).toBeNull();
    await user.selectOptions(screen.getByLabelText("Show"), "");
    await user.type(screen.getByLabelText("Search"), "declared");
    await waitFor(() => expect(within(timeline).getAllByRole("listitem")).toHaveLength(1));
  });

  it("pages back through a long timeline", async () => {
    const backend = fakeBackend();
    const view = await backend.declareIncident({
      external_id: "INC-9",
      link: "",
      title: "Long one",
      severity: "SEV2",
      status: "investigating",
      customer_visible: true,
      commander: "",
      comms_lead: "",
    });
    const events = backend.timelines.get(view.incident.id)!;
    for (let n = 0; n < 5; n++) {
      events.unshift({ ...events[0]!, id: `old${n}`, summary: `Old event ${n}` });
    }
    // The view carries only the newest; the rest come a page at a time.
    const original = backend.incident.bind(backend);
    backend.incident = async (id: string) => {
      const v = await original(id);
      return { ...v, timeline: v.timeline.slice(-1) };
    };
    render(IncidentPage, { props: { id: view.incident.id }, context: backendContext(backend) });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("pane-timeline"));
    await user.click(await screen.findByTestId("older"));
    await within(screen.getByTestId("timeline")).findByText("Old event 4");
    expect(screen.queryByTestId("older")).toBeNull();
  });
});

describe("Comms punctuality", () => {
  it("shows the chart and exports or copies the postmortem", async () => {
    const { backend, id, user, pane } = await setup();
    await pane("metrics");
    expect(screen.getByTestId("chart").querySelector("svg")).toBeTruthy();
    await user.click(screen.getByTestId("export-postmortem"));
    expect((await screen.findByTestId("exported")).textContent).toContain(
      `/exports/${id}-comms.md`,
    );
    await user.click(screen.getByTestId("copy-postmortem"));
    await waitFor(() => expect(backend.copied).toEqual(["# Comms: Exports stuck"]));
  });

  it("words durations", () => {
    expect([45, 600, 3900].map(formatSeconds)).toEqual(["45 s", "10 min", "1 h 05 min"]);
  });
});
